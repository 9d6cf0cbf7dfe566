import type { PolicyKind, PolicyRowView } from '@cws/payroll-contracts';
import { useQuery } from '@tanstack/react-query';
import { useApi } from './context';
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
/** What a policy write changes: the list and the row read with its ETag. */
export const POLICY_QUERIES = [[POLICY_ROWS_KEY], [POLICY_ROW_KEY]];

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
