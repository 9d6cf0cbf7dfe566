/**
 * The only owner of `community_body` SQL: a community's three bodies (三位一体), inserted by the org API
 * and the demo seed through one INSERT, and the body row locks that serialise appointments and elections.
 */
import { insertRows, selectIn } from '@cws/persistence';
import type { BodyKind } from '@cws/workers-contracts';
import type { EntityManager } from 'typeorm';
import { CommunityBodyEntity } from './org.entities';

export interface NewCommunityBody {
  communityCode: string;
  kind: BodyKind;
  name: string;
}

export interface BodyRef {
  id: number;
  communityCode: string;
  kind: BodyKind;
}

const INSERT_BODY = 'INSERT INTO community_body (community_code, kind, name)';

export class CommunityBodyRepository {
  /** Inserts bodies (multi-row); `skipExisting` (the idempotent seed) leaves a community's existing body of that kind as it is. */
  static async insertMany(m: EntityManager, bodies: readonly NewCommunityBody[], opts: { skipExisting?: boolean } = {}): Promise<void> {
    const head = opts.skipExisting ? INSERT_BODY.replace('INSERT INTO', 'INSERT IGNORE INTO') : INSERT_BODY;
    await insertRows(m, head, bodies.map((b) => [b.communityCode, b.kind, b.name]));
  }

  /** The community's bodies, by id. */
  static ofCommunity(m: EntityManager, communityCode: string): Promise<CommunityBodyEntity[]> {
    return m.getRepository(CommunityBodyEntity).find({ where: { communityCode }, order: { id: 'ASC' } });
  }

  /** Locks the body row (FOR UPDATE): elections and appointments of one body queue behind each other. Its id, or null. */
  static async lock(m: EntityManager, communityCode: string, kind: BodyKind): Promise<number | null> {
    const [body] = await m.query('SELECT id FROM community_body WHERE community_code = ? AND kind = ? FOR UPDATE', [communityCode, kind]);
    return body ? Number(body.id) : null;
  }

  /** Locks every body of these communities, in id order (the import, before re-checking their heads). */
  static async lockIn(m: EntityManager, communityCodes: readonly string[]): Promise<BodyRef[]> {
    const rows = await selectIn<{ id: number; code: string; kind: BodyKind }>(m, communityCodes, (list) =>
      `SELECT id, community_code AS code, kind FROM community_body WHERE community_code IN (${list}) ORDER BY id FOR UPDATE`);
    return rows.map((r) => ({ id: Number(r.id), communityCode: r.code, kind: r.kind }));
  }

  /** Every body of every community (the demo seed places its workers' posts). */
  static async all(m: EntityManager): Promise<BodyRef[]> {
    const rows: Array<{ id: number; communityCode: string; kind: BodyKind }> = await m.query('SELECT id, community_code AS communityCode, kind FROM community_body');
    return rows.map((r) => ({ ...r, id: Number(r.id) }));
  }

  static async deleteOfCommunity(m: EntityManager, communityCode: string): Promise<void> {
    await m.query('DELETE FROM community_body WHERE community_code = ?', [communityCode]);
  }
}
