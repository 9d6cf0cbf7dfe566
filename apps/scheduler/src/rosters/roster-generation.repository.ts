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

/**
 * How long a generation may hold its month: its jobs finish in minutes, so one still RUNNING after this
 * lost them (Redis flushed, say) and must not keep the month from being generated again.
 */
export const GENERATION_HOLD_HOURS = 2;

/** The only owner of `roster_generation` and `roster_month`: one row per city-wide (or district / street) generation. */
@Injectable()
export class RosterGenerationRepository {
  /** Locks the month's row (made on first use): generations of one month are serialised behind it. */
  async lockMonth(m: EntityManager, month: string): Promise<void> {
    // one statement that takes the exclusive lock whether the row is new or not (as payroll_period)
    await m.query('INSERT INTO roster_month (month) VALUES (?) ON DUPLICATE KEY UPDATE month = month', [month]);
  }

  /** RUNNING generations of the month, started within the hold, whose scope overlaps `scopeCode` (null = the city), oldest first. */
  async running(m: EntityManager, month: string, scopeCode: string | null): Promise<number[]> {
    // Overlap: one is the city, or one code is a prefix of the other (district ⊃ street).
    const rows = await m.query(
      `SELECT id FROM roster_generation WHERE month = ? AND status = 'RUNNING' AND created_at > UTC_TIMESTAMP(3) - INTERVAL ${GENERATION_HOLD_HOURS} HOUR
         AND (? IS NULL OR scope_code IS NULL OR scope_code = LEFT(?, CHAR_LENGTH(scope_code)) OR ? = LEFT(scope_code, CHAR_LENGTH(?)))
       ORDER BY id`,
      [month, scopeCode, scopeCode, scopeCode, scopeCode],
    );
    return rows.map((r: { id: string }) => Number(r.id));
  }

  async insert(m: EntityManager, g: { month: string; scopeCode: string | null; total: number; createdBy: string }): Promise<number> {
    const res = await m.query(`INSERT INTO roster_generation (month, scope_code, status, total, created_by, created_at) VALUES (?, ?, 'RUNNING', ?, ?, UTC_TIMESTAMP(3))`, [
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
    await m.query(`UPDATE roster_generation SET status = 'DONE', finished_at = UTC_TIMESTAMP(3) WHERE id = ? AND status = 'RUNNING'`, [id]);
  }
}
