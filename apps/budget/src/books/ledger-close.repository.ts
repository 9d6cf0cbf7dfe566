/** The only owner of `ledger_close` SQL (no entity: the rows are written once, read as a range). */
import { Injectable } from '@nestjs/common';
import type { CloseStatus, Discrepancy, LedgerSums } from '@cws/budget-core';
import type { EntityManager } from 'typeorm';
import { fromDb, money, sumsFromDb } from '../common/money';

export interface LedgerCloseRow {
  day: string;
  entries: number;
  lastEntryId: string | null;
  movements: LedgerSums;
  totals: LedgerSums;
  allocationsChecked: number;
  /** Null on closes written before appropriations were reconciled. */
  appropriationsChecked: number | null;
  status: CloseStatus;
  discrepancies: Discrepancy[];
  closedAt: Date;
  closedBy: string;
}

const COLUMNS = `day, entries, last_entry_id AS lastEntryId, d_appropriated AS dAppropriated, d_allocated AS dAllocated, d_committed AS dCommitted,
  d_spent AS dSpent, appropriated, allocated, committed, spent, allocations_checked AS allocationsChecked,
  appropriations_checked AS appropriationsChecked, status, discrepancies, closed_at AS closedAt, closed_by AS closedBy`;

function rowOf(r: Record<string, unknown>): LedgerCloseRow {
  const json = typeof r.discrepancies === 'string' ? JSON.parse(r.discrepancies) : r.discrepancies;
  return {
    day: String(r.day), entries: Number(r.entries), lastEntryId: r.lastEntryId === null ? null : String(r.lastEntryId),
    movements: sumsFromDb({ appropriated: r.dAppropriated as string, allocated: r.dAllocated as string, committed: r.dCommitted as string, spent: r.dSpent as string }),
    totals: sumsFromDb(r as Record<keyof LedgerSums, string>),
    allocationsChecked: Number(r.allocationsChecked), appropriationsChecked: r.appropriationsChecked === null ? null : Number(r.appropriationsChecked),
    status: r.status as CloseStatus,
    // as written by insert below: an allocationId or an appropriationId, a measure, the two amounts as decimals
    discrepancies: (json as Array<Record<string, string>>).map((d) => ({ ...d, running: fromDb(d.running), ledger: fromDb(d.ledger) }) as Discrepancy),
    closedAt: new Date(r.closedAt as string), closedBy: String(r.closedBy),
  };
}

@Injectable()
export class LedgerCloseRepository {
  /** The last day closed, or null before the first close. */
  async lastDay(m: EntityManager): Promise<string | null> {
    const [row] = await m.query('SELECT MAX(day) AS day FROM ledger_close');
    return row?.day ? String(row.day) : null;
  }

  async find(m: EntityManager, day: string): Promise<LedgerCloseRow | null> {
    const [row] = await m.query(`SELECT ${COLUMNS} FROM ledger_close WHERE day = ?`, [day]);
    return row ? rowOf(row) : null;
  }

  /** The closes of [from, to], oldest first. */
  async range(m: EntityManager, from: string, to: string): Promise<LedgerCloseRow[]> {
    return (await m.query(`SELECT ${COLUMNS} FROM ledger_close WHERE day BETWEEN ? AND ? ORDER BY day`, [from, to])).map(rowOf);
  }

  /** Writes a day's close unless the day is closed already (another process got there first): false then. */
  async insert(m: EntityManager, c: LedgerCloseRow): Promise<boolean> {
    const res = await m.query(
      `INSERT IGNORE INTO ledger_close (day, entries, last_entry_id, d_appropriated, d_allocated, d_committed, d_spent, appropriated, allocated, committed, spent,
         allocations_checked, appropriations_checked, status, discrepancies, closed_at, closed_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
      [
        c.day, c.entries, c.lastEntryId, ...[c.movements, c.totals].flatMap((s) => [s.appropriated, s.allocated, s.committed, s.spent].map(money)),
        c.allocationsChecked, c.appropriationsChecked, c.status, JSON.stringify(c.discrepancies.map((d) => ({ ...d, running: money(d.running), ledger: money(d.ledger) }))), c.closedAt, c.closedBy,
      ],
    );
    return Number(res.affectedRows) === 1;
  }
}
