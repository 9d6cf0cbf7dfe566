/**
 * Test-only: the budget service for integration tests — its own specs and other services' (training
 * costs and payroll postings reach its ledger). Lint allows only specs and testing libs to import it.
 */
import { randomUUID } from 'node:crypto';
import type { ServiceConfig } from '@cws/platform';
import { startSeededApp, testConfig, type TestApp } from '@cws/testing';
import { DataSource } from 'typeorm';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { budgetService } from '../../../../apps/budget/src/budget.definition';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { demoCommunities, seedBudgetService, type SeedCommunity } from '../../../../apps/budget/src/seed/seed';

// eslint-disable-next-line @nx/enforce-module-boundaries
export { budgetService } from '../../../../apps/budget/src/budget.definition';
// eslint-disable-next-line @nx/enforce-module-boundaries
export { demoCommunities, seedBudgetService, seedPayBudget, type SeedCommunity } from '../../../../apps/budget/src/seed/seed';

/**
 * Starts the budget service on its own throwaway schema (`config`, default `testConfig('budget')`) and
 * seeds fiscal years 2025 (closed) and 2026 (open) — or `year` and the one before — with allocations to
 * `communities` (default: the demo city's). `close()` stops it and drops the schema.
 */
export function startSeededBudget(opts: { communities?: SeedCommunity[]; config?: ServiceConfig; year?: number } = {}): Promise<TestApp> {
  return startSeededApp(budgetService, opts.config ?? testConfig('budget'), (app) => seedBudgetService(app.app.get(DataSource), opts.communities ?? demoCommunities(), { year: opts.year }));
}

/** A fresh Idempotency-Key: every budget money write needs one; a spec replays a write by sending its key again. */
export const idempotencyKey = (): string => randomUUID();

/** The Idempotency-Key header of a budget write: `key`, or a fresh one. */
export const idempotent = (key: string = idempotencyKey()): { 'idempotency-key': string } => ({ 'idempotency-key': key });
