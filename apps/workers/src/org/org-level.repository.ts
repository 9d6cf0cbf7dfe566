/**
 * What the org tree's three level tables (district ⊃ street ⊃ community) share: a `code` key, an `active`
 * flag and a `version` that every change bumps. Only their repositories call these, each naming its own table.
 */
import type { EntityManager } from 'typeorm';

export type OrgLevelTable = 'district' | 'street' | 'community';

/** The column naming a row's parent level. */
const PARENT = { street: 'district_code', community: 'street_code' } as const;

export class OrgLevelRepository {
  /** New name and kind, a new version (districts and streets; a community has more fields). */
  static async rename(m: EntityManager, table: 'district' | 'street', code: string, f: { name: string; kind: string }): Promise<void> {
    await m.query(`UPDATE ${table} SET name = ?, kind = ?, version = version + 1 WHERE code = ?`, [f.name, f.kind, code]);
  }

  /** Deactivates or reactivates the row, a new version. */
  static async setActive(m: EntityManager, table: OrgLevelTable, code: string, active: boolean): Promise<void> {
    await m.query(`UPDATE ${table} SET active = ?, version = version + 1 WHERE code = ?`, [active ? 1 : 0, code]);
  }

  static async delete(m: EntityManager, table: OrgLevelTable, code: string): Promise<void> {
    await m.query(`DELETE FROM ${table} WHERE code = ?`, [code]);
  }

  /** The rows under a parent code (`activeOnly`: only the active ones). */
  static async countUnder(m: EntityManager, table: keyof typeof PARENT, parentCode: string, opts: { activeOnly?: boolean } = {}): Promise<number> {
    const [{ n }] = await m.query(`SELECT COUNT(*) AS n FROM ${table} WHERE ${PARENT[table]} = ?${opts.activeOnly ? ' AND active = 1' : ''}`, [parentCode]);
    return Number(n);
  }
}
