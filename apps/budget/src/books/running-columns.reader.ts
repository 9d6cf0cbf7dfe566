/**
 * The read model of a close's reconciliation: the running columns of allocations (amount, committed, spent:
 * what postings lock, owned by AllocationRepository) and of appropriations (amount once enacted, allocated:
 * owned by AppropriationRepository) beside the sums of the ledger entries that name them (owned by
 * LedgerEntryRepository). It writes nothing; the caller reads both in one snapshot (one transaction).
 */
import { Injectable } from '@nestjs/common';
import type { AppropriationRunningAndLedger, RunningAndLedger } from '@cws/budget-core';
import type { EntityManager } from 'typeorm';
import { fromDb } from '../common/money';

@Injectable()
export class RunningColumnsReader {
  /** The allocations whose running columns differ from their ledger sums, and how many allocations there are. */
  async allocations(m: EntityManager): Promise<{ checked: number; differing: RunningAndLedger[] }> {
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

  /**
   * The appropriations with a column that differs from their ledger sums (the APPROPRIATION entry, the
   * ALLOCATION entries drawn on them), and how many there are. Drafts come through too (their amount has no
   * entry yet); whether that is a discrepancy is budget-core's rule.
   */
  async appropriations(m: EntityManager): Promise<{ checked: number; differing: AppropriationRunningAndLedger[] }> {
    const rows = await m.query(
      `SELECT p.id AS id, p.status AS status, p.amount AS amount, p.allocated AS allocated,
              COALESCE(l.appropriated, 0) AS lAppropriated, COALESCE(l.allocated, 0) AS lAllocated
         FROM appropriation p
         LEFT JOIN (SELECT appropriation_id, SUM(d_appropriated) AS appropriated, SUM(d_allocated) AS allocated
                      FROM ledger_entry WHERE appropriation_id IS NOT NULL GROUP BY appropriation_id) l ON l.appropriation_id = p.id
        WHERE p.amount <> COALESCE(l.appropriated, 0) OR p.allocated <> COALESCE(l.allocated, 0)
        ORDER BY p.id`,
    );
    const [{ n }] = await m.query('SELECT COUNT(*) AS n FROM appropriation');
    return {
      checked: Number(n),
      differing: rows.map((r: Record<string, string>) => ({
        appropriationId: String(r.id), enacted: r.status === 'ENACTED', amount: fromDb(r.amount), allocated: fromDb(r.allocated),
        ledger: { appropriated: fromDb(r.lAppropriated), allocated: fromDb(r.lAllocated) },
      })),
    };
  }
}
