/** The only owner of `facility_item` SQL: the configured service-centre facility items. */
import type { EntityManager } from 'typeorm';

export interface FacilityItem {
  code: string;
  name: string;
  category: string;
  sortOrder: number;
  required: number;
  active: number;
}

export class FacilityItemRepository {
  static all(m: EntityManager): Promise<FacilityItem[]> {
    return m.query('SELECT code, name, category, sort_order AS sortOrder, required, active FROM facility_item ORDER BY sort_order');
  }

  /** The active items every community is asked to have, in display order. */
  static requiredActive(m: EntityManager): Promise<Array<{ code: string; name: string; category: string }>> {
    return m.query('SELECT code, name, category FROM facility_item WHERE active = 1 AND required = 1 ORDER BY sort_order');
  }

  /** Every configured code (active or not). */
  static async codes(m: EntityManager): Promise<Set<string>> {
    const rows: Array<{ code: string }> = await m.query('SELECT code FROM facility_item');
    return new Set(rows.map((r) => r.code));
  }
}
