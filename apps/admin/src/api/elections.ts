import { useQuery } from '@tanstack/react-query';
import type { AppointmentRole, BodyKind, ElectionKind, ElectionMethod, ElectionView, ElectionWithdrawalView, GradePolicyRowAddedView, GradePolicyRowView, OneShoulderReport } from '@cws/workers-contracts';
import type { Tagged } from './client';
import { useApi } from './context';
import type { WorkerPage } from './workers';

const W = '/api/workers/v1';

/** What `POST /elections` takes (the workers service's CreateElectionDto). */
export interface NewElection {
  communityCode: string;
  bodyKind: BodyKind;
  kind: ElectionKind;
  method: ElectionMethod;
  electionDate: string;
  termStart?: string;
  termYears?: number;
  eligibleVoters: number;
  votesCast: number;
  results: Array<{ workerId: number; role: AppointmentRole; votes: number; primary?: boolean }>;
  note?: string;
}

/** What `POST /grade-policy` takes: the key fields and value of one kind (GradePolicyRowDto). */
export interface NewGradePolicyRow {
  kind: GradePolicyRowView['kind'];
  band?: string;
  education?: string;
  baseGrade?: number;
  minGrade?: number;
  maxGrade?: number;
  yearsPerStep?: number;
  validFrom: string;
  sourceRef: string;
}

/**
 * What `PATCH /elections/:id` takes (CorrectElectionDto): only what changes, at least one field; `results` name
 * winners of this election by worker; a null note clears it. Who was elected, roles and dates are not corrections.
 */
export interface ElectionCorrection {
  method?: ElectionMethod;
  eligibleVoters?: number;
  votesCast?: number;
  results?: Array<{ workerId: number; votes: number }>;
  note?: string | null;
}

export interface ElectionFilter {
  community?: string;
  bodyKind?: BodyKind;
}

/** Elections in the caller's scope, newest first (the service answers at most 500: no paging). */
export function useElections(filter: ElectionFilter) {
  const api = useApi();
  return useQuery({ queryKey: ['elections', filter], queryFn: ({ signal }) => api.get<ElectionView[]>(`${W}/elections`, { ...filter }, signal) });
}

export type TaggedElection = Tagged<ElectionView>;

/** One election and its ETag: a correction sends it as If-Match, so a record changed meanwhile is refused (412), not overwritten. */
export function useElection(id: number | null) {
  const api = useApi();
  return useQuery({ queryKey: ['election', id], queryFn: ({ signal }) => api.getTagged<ElectionView>(`${W}/elections/${id}`, undefined, signal), enabled: id !== null });
}

/** What a correction refreshes: the list and the election's own (tagged) read. */
export const ELECTION_QUERIES = [['elections'], ['election']];

/** What a withdrawal refreshes besides: the 一肩挑 report and the workers whose posts and bands it changed. */
export const WITHDRAWAL_QUERIES = [...ELECTION_QUERIES, ['one-shoulder'], ['workers'], ['worker']];

export interface OneShoulderQuery {
  date?: string;
  district?: string;
  street?: string;
  community?: string;
}

/** The 一肩挑 report: active communities whose elected secretary is also the elected director on `date`. */
export function useOneShoulder(q: OneShoulderQuery) {
  const api = useApi();
  return useQuery({ queryKey: ['one-shoulder', q], queryFn: ({ signal }) => api.get<OneShoulderReport>(`${W}/elections/one-shoulder`, { ...q }, signal) });
}

/** The active workers of a community whose name contains `q` (the register's own search), for picking winners. */
export function useCommunityWorkers(community: string | undefined, q: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['community-workers', community, q],
    enabled: !!community,
    queryFn: ({ signal }) => api.get<WorkerPage>(`${W}/workers`, { community, q: q || undefined, status: 'ACTIVE', limit: 50 }, signal),
  });
}

/** The grade-policy rows in force on `date` (today without one). */
export function useGradePolicy(date?: string) {
  const api = useApi();
  return useQuery({ queryKey: ['grade-policy', date ?? ''], queryFn: ({ signal }) => api.get<GradePolicyRowView[]>(`${W}/grade-policy`, { date }, signal) });
}

/** Every grade-policy row, closed ones too (of one kind when given), ordered by kind, band, education, validFrom. */
export function useGradePolicyHistory(kind: GradePolicyRowView['kind'] | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: ['grade-policy', 'history', kind ?? ''],
    queryFn: ({ signal }) => api.get<GradePolicyRowView[]>(`${W}/grade-policy/history`, { kind }, signal),
  });
}

/** The If-Match of a write under the ETag the record was read with (none when the read carried none). */
const ifMatch = (etag: string | null) => (etag ? { headers: { 'If-Match': etag } } : {});

export function useElectionWrites() {
  const api = useApi();
  return {
    record: (body: NewElection) => api.post<ElectionView>(`${W}/elections`, body),
    correct: (id: number, body: ElectionCorrection, etag: string | null) => api.patch<ElectionView>(`${W}/elections/${id}`, body, ifMatch(etag)),
    /** 撤销: POST elections/:id/withdraw { reason } (2–300 characters). */
    withdraw: (id: number, reason: string, etag: string | null) => api.post<ElectionWithdrawalView>(`${W}/elections/${id}/withdraw`, { reason }, ifMatch(etag)),
    addGradePolicyRow: (body: NewGradePolicyRow) => api.post<GradePolicyRowAddedView>(`${W}/grade-policy`, body),
  };
}
