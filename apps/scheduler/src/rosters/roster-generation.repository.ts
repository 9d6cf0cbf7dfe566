import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { iso } from '../common/json';

export interface GenerationRow {
  id: number;
  month: string;
  scopeCode: string | null;
  status: 'RUNNING' | 'DONE';
  total: number;
  createdBy: string;
  createdAt: string | null;
  finishedAt: string | null;
}

/** The only owner of `roster_generation`: one row per city-wide (or district / street) generation. */
@Injectable()
export class RosterGenerationRepository {
  async insert(m: EntityManager, g: { month: string; scopeCode: string | null; total: number; createdBy: string }): Promise<number> {
    const res = await m.query(`INSERT INTO roster_generation (month, scope_code, status, total, created_by, created_at) VALUES (?, ?, 'RUNNING', ?, ?, NOW(3))`, [
      g.month, g.scopeCode, g.total, g.createdBy,
    ]);
    return Number(res.insertId);
  }

  async find(m: EntityManager, id: number): Promise<GenerationRow | null> {
    const [r] = await m.query('SELECT * FROM roster_generation WHERE id = ?', [id]);
    if (!r) return null;
    return {
      id: Number(r.id), month: r.month, scopeCode: r.scope_code ?? null, status: r.status, total: Number(r.total),
      createdBy: r.created_by, createdAt: iso(r.created_at), finishedAt: iso(r.finished_at),
    };
  }

  async finish(m: EntityManager, id: number): Promise<void> {
    await m.query(`UPDATE roster_generation SET status = 'DONE', finished_at = NOW(3) WHERE id = ? AND status = 'RUNNING'`, [id]);
  }
}
