/**
 * The read model of a close's reconciliation: each allocation's running columns (amount, committed, spent:
 * what postings lock, owned by AllocationRepository) beside the sums of its ledger entries (owned by
 * LedgerEntryRepository). Two tables in one statement, so both are read at one instant; it writes nothing.
 */
import { Injectable } from '@nestjs/common';
import type { RunningAndLedger } from '@cws/budget-core';
import type { EntityManager } from 'typeorm';
import { fromDb } from '../common/money';

@Injectable()
export class AllocationLedgerReader {
  /** The allocations whose running columns differ from their ledger sums, and how many allocations there are. */
  async differing(m: EntityManager): Promise<{ checked: number; differing: RunningAndLedger[] }> {
    const rows = await m.query(
      `SELECT a.id AS id, a.amount AS amount, a.committed AS committed, a.spent AS spent,
              COALESCE(l.allocated, 0) AS lAllocated, COALESCE(l.committed, 0) AS lCommitted, COALESCE(l.spent, 0) AS lSpent
         FROM allocation a
         LEFT JOIN (SELECT allocation_id, SUM(d_allocated) AS allocated, SUM(d_committed) AS committed, SUM(d_spent) AS spent
                      FROM ledger_entry WHERE allocation_id IS NOT NULL GROUP BY allocation_id) l ON l.allocation_id = a.id
        WHERE a.amount <> COALESCE(l.allocated, 0) OR a.committed <> COALESCE(l.committed, 0) OR a.spent <> COALESCE(l.spent, 0)
        ORDER BY a.id`,
    );
    const [{ n }] = await m.query('SELECT COUNT(*) AS n FROM allocation');
    return {
      checked: Number(n),
      differing: rows.map((r: Record<string, string>) => ({
        allocationId: String(r.id),
        running: { allocated: fromDb(r.amount), committed: fromDb(r.committed), spent: fromDb(r.spent) },
        ledger: { allocated: fromDb(r.lAllocated), committed: fromDb(r.lCommitted), spent: fromDb(r.lSpent) },
      })),
    };
  }
}
