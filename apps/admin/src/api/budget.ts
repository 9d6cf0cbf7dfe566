import type { AllocationPageView, AllocationView, AppropriationPageView, AppropriationView } from '@cws/budget-contracts';
import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { useApi } from './context';
import { useKeysetPages } from './useKeysetPages';

export const B = '/api/budget/v1';
const PAGE_SIZE = 100;

/** The lists' filter (both routes take the same year and stream filters). */
export interface BudgetListFilter {
  fiscalYear?: number;
  stream?: string;
}

/** `POST /appropriations` (CreateAppropriationDto): amount a decimal string, dates YYYY-MM-DD. */
export interface NewAppropriation {
  fiscalYear: number;
  funder: string;
  stream: string;
  kind: 'ORIGINAL' | 'SUPPLEMENTARY';
  amount: string;
  documentNo: string;
  documentDate: string;
  note?: string;
}

/** `POST /allocations` (CreateAllocationDto): to a street, or to one of its communities. */
export interface NewAllocation {
  appropriationId: string;
  streetCode: string;
  communityCode?: string;
  targetName?: string;
  amount: string;
  note?: string;
}

export const APPROPRIATIONS_KEY = 'budget-appropriations';
export const ALLOCATIONS_KEY = 'budget-allocations';
/** What a budget write changes: both lists and the overview's balances and execution report (BudgetPage). */
/** The ledger's pages (总账明细): every movement writes a row, so every budget write refetches them. */
export const LEDGER_KEY = 'budget-ledger';
export const BUDGET_QUERIES = [[APPROPRIATIONS_KEY], [ALLOCATIONS_KEY], ['budget-balances'], ['budget-execution'], [LEDGER_KEY]];

export function useAppropriations(filter: BudgetListFilter) {
  return useKeysetPages<AppropriationPageView>([APPROPRIATIONS_KEY, filter], `${B}/appropriations`, { ...filter }, { limit: PAGE_SIZE });
}

export function useAllocations(filter: BudgetListFilter) {
  return useKeysetPages<AllocationPageView>([ALLOCATIONS_KEY, filter], `${B}/allocations`, { ...filter }, { limit: PAGE_SIZE });
}

/** The enacted appropriations a dialog may allocate from (read only while it is open). */
export function useEnactedAppropriations(fiscalYear: number | undefined, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: [APPROPRIATIONS_KEY, { fiscalYear, status: 'ENACTED', all: true }],
    enabled,
    queryFn: ({ signal }) => api.get<AppropriationPageView>(`${B}/appropriations`, { fiscalYear, status: 'ENACTED', limit: 1000 }, signal),
  });
}

/**
 * A fresh Idempotency-Key. randomUUID exists only in secure contexts (https, localhost), so an
 * admin served over plain http falls back to 128 random bits from getRandomValues.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Idempotency keys for one kind of write, one per subject (a dialog's opening, a row): a second
 * submit of the same thing (double click, retry after a lost answer) sends the same key, so the
 * service books it once; `renew` starts a new request (a newly opened dialog).
 */
export function useIdempotencyKeys() {
  const keys = useRef(new Map<string, string>());
  return {
    keyFor(subject: string): string {
      let key = keys.current.get(subject);
      if (!key) keys.current.set(subject, (key = newIdempotencyKey()));
      return key;
    },
    renew(subject: string): void {
      keys.current.delete(subject);
    },
  };
}

/** The budget writes; every one carries its Idempotency-Key (docs/budget.md "Idempotency"). */
export function useBudgetWrites() {
  const api = useApi();
  const headers = (key: string) => ({ headers: { 'Idempotency-Key': key } });
  return {
    createAppropriation: (body: NewAppropriation, key: string) => api.post<AppropriationView>(`${B}/appropriations`, body, headers(key)),
    enact: (id: string, key: string) => api.post<AppropriationView>(`${B}/appropriations/${id}/enact`, undefined, headers(key)),
    allocate: (body: NewAllocation, key: string) => api.post<AllocationView>(`${B}/allocations`, body, headers(key)),
  };
}
