import type { AllocationPageView, BudgetPlaceFilter, LedgerPageView, PostingPageView, PostingView, UnmatchedPostingPageView } from '@cws/budget-contracts';
import { useQuery } from '@tanstack/react-query';
import type { Role } from './types';
import { ALLOCATIONS_KEY, B, BUDGET_QUERIES, LEDGER_KEY } from './budget';
import { useApi } from './context';
import { useKeysetPages } from './useKeysetPages';

const PAGE_SIZE = 100;
/** How many allocations a picker lists at once: enough for one street's or stream's, the filters narrow the rest. */
export const PICKER_SIZE = 200;

/** Who may book an overspend with a reason (docs/budget.md "Access"; API clients use budget:override). */
export const OVERRIDE_ROLES = ['CITY_ADMIN'] satisfies Role[];

/** The posting kinds a reversal undoes (a commitment's undrawn rest, an expenditure whole); others answer NOT_REVERSIBLE. */
export const REVERSIBLE_KINDS = ['COMMITMENT', 'EXPENDITURE'];

/** The filters every budget list takes (PageDto): year, funder, stream and place. */
export type BudgetListFilter = BudgetPlaceFilter;

/** The start of the source reference (SourceRefPrefixFilter), which the postings and the parked queue both take. */
interface SourceRefFiltered {
  sourceRefPrefix?: string;
}

/** `GET /postings` filters (PostingQueryDto): the list filters, kind, one allocation and the start of the source reference. */
export interface PostingFilter extends BudgetListFilter, SourceRefFiltered {
  kind?: string;
  allocationId?: string;
  /** exactly one source reference (a link from a training class: `training-class:3`, which a prefix would confuse with 30…) */
  sourceRef?: string;
}

/** `GET /unmatched-postings` filters (UnmatchedQueryDto): open or resolved, the list filters and the start of the source reference. */
export interface UnmatchedFilter extends BudgetListFilter, SourceRefFiltered {
  state: 'OPEN' | 'RESOLVED';
}

/** `GET /allocations` filters a picker narrows by. */
export interface AllocationFilter {
  fiscalYear?: number;
  stream?: string;
  funder?: string;
  street?: string;
  community?: string;
}

export interface Override {
  reason: string;
}

/** `POST /allocations/:id/commitments|expenditures` (CreatePostingDto / CreateExpenditureDto). */
export interface NewPosting {
  amount: string;
  category: string;
  description: string;
  source: 'MANUAL';
  sourceRef?: string;
  commitmentId?: string;
  override?: Override;
}

/** `POST /transfers` (TransferDto): allocated money follows a task to another allocation of the same funder and year. */
export interface NewTransfer {
  fromAllocationId: string;
  toAllocationId: string;
  amount: string;
  reason: string;
  taskRef: string;
}

export const POSTINGS_KEY = 'budget-postings';
export const UNMATCHED_KEY = 'budget-unmatched';
/** What a posting changes: the postings, the queue, the allocations' running columns and the overview. */
export const POSTING_QUERIES = [[POSTINGS_KEY], [UNMATCHED_KEY], ...BUDGET_QUERIES];

export function usePostings(filter: PostingFilter) {
  return useKeysetPages<PostingPageView>([POSTINGS_KEY, filter], `${B}/postings`, { ...filter }, { limit: PAGE_SIZE });
}

/** `GET /ledger` filters (LedgerPageDto): the list filters and the start of a posting's source reference. */
export interface LedgerFilter extends BudgetListFilter, SourceRefFiltered {}

/** The ledger, oldest first (keyset pages by entry id), as finance reconciles it. */
export function useLedger(filter: LedgerFilter) {
  return useKeysetPages<LedgerPageView>([LEDGER_KEY, filter], `${B}/ledger`, { ...filter }, { limit: PAGE_SIZE });
}

export function usePosting(id: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: [POSTINGS_KEY, 'one', id],
    enabled: id !== null,
    queryFn: ({ signal }) => api.get<PostingView>(`${B}/postings/${id}`, undefined, signal),
  });
}

export function useUnmatched(filter: UnmatchedFilter) {
  return useKeysetPages<UnmatchedPostingPageView>([UNMATCHED_KEY, filter], `${B}/unmatched-postings`, { ...filter }, { limit: PAGE_SIZE });
}

/** One page of allocations for a picker (read only while it is shown). */
export function useAllocationChoices(filter: AllocationFilter, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: [ALLOCATIONS_KEY, 'pick', filter],
    enabled,
    queryFn: ({ signal }) => api.get<AllocationPageView>(`${B}/allocations`, { ...filter, limit: PICKER_SIZE }, signal),
  });
}

/** The commitments of one allocation an expenditure may settle. */
export function useCommitments(allocationId: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: [POSTINGS_KEY, 'commitments', allocationId],
    enabled: !!allocationId,
    queryFn: ({ signal }) => api.get<PostingPageView>(`${B}/postings`, { allocationId, kind: 'COMMITMENT', limit: PICKER_SIZE }, signal),
  });
}

/** The posting writes; each carries its Idempotency-Key (docs/budget.md "Idempotency"). */
export function usePostingWrites() {
  const api = useApi();
  const headers = (key: string) => ({ headers: { 'Idempotency-Key': key } });
  return {
    post: (kind: 'commitments' | 'expenditures', allocationId: string, body: NewPosting, key: string) =>
      api.post<PostingView>(`${B}/allocations/${allocationId}/${kind}`, body, headers(key)),
    reverse: (id: string, reason: string, key: string) => api.post<PostingView>(`${B}/postings/${id}/reversal`, { reason }, headers(key)),
    transfer: (body: NewTransfer, key: string) => api.post<PostingView>(`${B}/transfers`, body, headers(key)),
    resolve: (id: string, body: { allocationId: string; override?: Override }, key: string) =>
      api.post<PostingView>(`${B}/unmatched-postings/${id}/resolve`, body, headers(key)),
  };
}
