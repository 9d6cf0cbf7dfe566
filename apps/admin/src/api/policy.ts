import type { PolicyGapsView, PolicyKind, PolicyRowView } from '@cws/payroll-contracts';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useApi } from './context';
import { ApiError } from './errors';
import { P } from './payroll';

export type { PolicyKind, PolicyRowView };

/** Which rows the list asks for: the open ones (the API's default), those in force on a date, or the whole history. */
export interface PolicyFilter {
  kind?: PolicyKind;
  asOf?: string;
  history?: boolean;
}

/** `POST /policy/rows` (CreatePolicyRowDto): the key is derived from `data` by the service. */
export interface NewPolicyRow {
  kind: PolicyKind;
  validFrom: string;
  sourceRef: string;
  data: Record<string, unknown>;
}

export const POLICY_ROWS_KEY = 'policy-rows';
export const POLICY_ROW_KEY = 'policy-row';
export const EFFECTIVE_POLICY_KEY = 'policy-effective';
/** What a policy write changes: the list, the row read with its ETag, and a year's policy built from the rows. */
export const POLICY_GAPS_KEY = 'policy-gaps';
export const POLICY_QUERIES = [[POLICY_ROWS_KEY], [POLICY_ROW_KEY], [EFFECTIVE_POLICY_KEY], [POLICY_GAPS_KEY]];

/** The parts of the engine's policy for a year (`GET /policy/effective`) the admin shows; amounts as the API sends them, decimal yuan strings. */
export interface EffectivePolicyJson {
  payScale: { unitValueFen: string };
  cityWages: Array<{ year: number; annualFen: string }>;
  insurance: unknown[];
  illustrative: boolean;
}

/**
 * The policy the engine gets for a payroll year, built from the rows that apply (amounts in yuan, as decimal strings); a year missing a table answers 422
 * `POLICY_INCOMPLETE` with a detail per table (`UNIT_VALUE:2027`), as every run of that year would fail. Asked once.
 */
export function useEffectivePolicy(year: number, { enabled = true }: { enabled?: boolean } = {}) {
  const api = useApi();
  return useQuery({
    queryKey: [EFFECTIVE_POLICY_KEY, year],
    enabled,
    retry: false,
    queryFn: ({ signal }) => api.get<EffectivePolicyJson>(`${P}/policy/effective`, { year }, signal),
  });
}

/** The rows `filter` asks for; `enabled: false` holds the request back (a list fetched only once it is opened). */
export function usePolicyRows(filter: PolicyFilter, { enabled = true }: { enabled?: boolean } = {}) {
  const api = useApi();
  return useQuery({
    queryKey: [POLICY_ROWS_KEY, filter],
    enabled,
    queryFn: ({ signal }) => api.get<PolicyRowView[]>(`${P}/policy/rows`, { kind: filter.kind, asOf: filter.asOf, history: filter.history || undefined }, signal),
  });
}

/** One row and its ETag: a new version or a close sends it as If-Match, so an edit made meanwhile by someone else is refused (412), not overwritten. */
export function usePolicyRow(id: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: [POLICY_ROW_KEY, id],
    enabled: !!id,
    queryFn: ({ signal }) => api.getTagged<PolicyRowView>(`${P}/policy/rows/${encodeURIComponent(id ?? '')}`, undefined, signal),
  });
}

const ifMatch = (etag: string | null) => (etag ? { headers: { 'If-Match': etag } } : {});

export function usePolicyWrites() {
  const api = useApi();
  return {
    create: (body: NewPolicyRow, etag: string | null) => api.post<PolicyRowView>(`${P}/policy/rows`, body, ifMatch(etag)),
    /** The first row of a new key (a new year, a new district's account): If-None-Match: *, so a row someone else added meanwhile is 412, not silently superseded. */
    createFirst: (body: NewPolicyRow) => api.post<PolicyRowView>(`${P}/policy/rows`, body, { headers: { 'If-None-Match': '*' } }),
    close: (id: string, validTo: string, etag: string | null) => api.post<PolicyRowView>(`${P}/policy/rows/${encodeURIComponent(id)}/close`, { validTo }, ifMatch(etag)),
  };
}

/** The tables a year's policy misses (`POLICY_INCOMPLETE`'s details), `[]` when complete; undefined until known or when the read failed otherwise. */
export function missingTables(q: ReturnType<typeof useEffectivePolicy>): string[] | undefined {
  if (q.error instanceof ApiError && q.error.code === 'POLICY_INCOMPLETE') return q.error.details.map((d) => d.path);
  return q.data ? [] : undefined;
}

/** The tables a payroll year has no row in force for (`GET /policy/gaps`: a 200 either way, `[]` when complete). */
function usePolicyYearGaps(year: number, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: [POLICY_GAPS_KEY, year],
    enabled,
    queryFn: ({ signal }) => api.get<PolicyGapsView>(`${P}/policy/gaps`, { year }, signal),
  });
}

/**
 * The pay policy tables the runs being prepared now would miss: this year's, and in December next year's too (its unit
 * value is due before January's run). `count` is undefined until known, `year` the first year with a gap (else this
 * one), `failed` when a read failed. Asked as a question (`/policy/gaps`), not by building the policy and reading its
 * 422: next year is incomplete every December until its unit value is entered, which is no error.
 */
export function usePolicyGaps(enabled: boolean): { count: number | undefined; year: number; failed: boolean } {
  const today = dayjs();
  const december = today.month() === 11;
  const thisYear = usePolicyYearGaps(today.year(), enabled);
  const nextYear = usePolicyYearGaps(today.year() + 1, enabled && december);
  const checked = december ? [thisYear, nextYear] : [thisYear];
  const gaps = checked.map((q) => q.data?.missing);
  const known = gaps.every((g) => g !== undefined);
  return {
    count: known ? gaps.reduce((n, g) => n + g!.length, 0) : undefined,
    year: today.year() + Math.max(gaps.findIndex((g) => !!g?.length), 0),
    failed: checked.some((q) => q.isError),
  };
}
