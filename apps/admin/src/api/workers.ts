import { useQuery } from '@tanstack/react-query';
import type { ApiClient } from './client';
import { useApi } from './context';
import type {
  IncomingTransfersView, SpecialDeductionType, SpecialDeductionView, TrainingClassView, WorkerListPage, WorkerLookupResultView, WorkerRecordView, WorkerSpecialDeductionsView,
  WorkerTaxYearView, WorkerWriteResultView,
} from '@cws/workers-contracts';
import type { WorkerDetail, WorkerPii } from './types';
import { useKeysetPages } from './useKeysetPages';

/** A page of the register; the first page also carries the total of the filter (when the service counts). */
export type WorkerPage = WorkerListPage;

const W = '/api/workers/v1/workers';
const D = '/api/workers/v1/special-deductions';

/** Mirrors the register's enums (libs/workers/contracts); only for filters and labels. */
export const WORKER_STATUSES = ['ACTIVE', 'SECONDED_OUT', 'ON_LEAVE', 'LEFT'] as const;
export const POST_BANDS = ['HEAD', 'DEPUTY', 'OTHER'] as const;
export const QUALIFICATION_LEVELS = ['NONE', 'ASSISTANT', 'SOCIAL_WORKER', 'SENIOR'] as const;

export interface WorkerFilter {
  district?: string;
  street?: string;
  community?: string;
  status?: string;
  post?: string;
  qualification?: string;
  q?: string;
  sort?: string;
}

export const PAGE_SIZE = 50;

/** Server-side search with keyset paging: each page asks for `after` = the previous nextAfter. */
export function useWorkerPages(filter: WorkerFilter) {
  return useKeysetPages<WorkerPage>(['workers', filter], W, { ...filter }, { limit: PAGE_SIZE });
}

/** One worker's record: the query `useWorker` runs, also for `useQueries` over several workers. */
export const workerQuery = (api: ApiClient, id: string) => ({
  queryKey: ['worker', id],
  queryFn: ({ signal }: { signal: AbortSignal }) => api.get<WorkerDetail>(`${W}/${encodeURIComponent(id)}`, undefined, signal),
});

export function useWorker(id: string | undefined) {
  const api = useApi();
  return useQuery({ ...workerQuery(api, id ?? ''), enabled: !!id });
}

/** The register of one community, up to 500 workers (a roster's names). */
export function useCommunityWorkers(community: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: ['workers-of', community],
    enabled: !!community,
    queryFn: () => api.get<WorkerPage>(W, { community: community!, limit: 500 }),
  });
}

/** The transfers recorded ahead into the user's scope (即将调入). */
export function useIncomingTransfers() {
  const api = useApi();
  return useQuery({
    queryKey: ['workers', 'incoming-transfers'],
    queryFn: ({ signal }) => api.get<IncomingTransfersView>(`${W}/incoming-transfers`, undefined, signal),
  });
}

/** Full resident ID and bank account; every call is audited, so it runs only on an explicit click. */
export function useWorkerPii(id: string | undefined, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: ['worker-pii', id],
    queryFn: ({ signal }) => api.get<WorkerPii>(`${W}/${encodeURIComponent(id ?? '')}/pii`, undefined, signal),
    enabled: !!id && enabled,
    retry: false, // an audited read on an explicit click: asked once
    staleTime: 0,
    gcTime: 0,
  });
}

/** A full 18-character resident ID as typed or pasted (a lowercase x taken as X), or null when the text is not one. */
export function asResidentId(text: string): string | null {
  const id = text.trim().toUpperCase();
  return /^\d{17}[\dX]$/.test(id) ? id : null;
}

/**
 * Workers in the caller's scope by full resident ID (matched by position; audited by the service). The IDs go in a POST
 * body: searching them as `?q=` would put them in URLs and access logs.
 */
export function useResidentIdLookup() {
  const api = useApi();
  return (residentIds: string[]) => api.post<WorkerLookupResultView>(`${W}/lookup`, { residentIds });
}

/** The writes of the register and the worker detail; each refetches the register and the worker. */
export function useWorkerWrites() {
  const api = useApi();
  return {
    create: (body: Record<string, unknown>) => api.post<WorkerWriteResultView>(W, body),
    update: (id: number, body: Record<string, unknown>) => api.patch<WorkerWriteResultView>(`${W}/${id}`, body),
    cancelPlannedTransfer: (id: number) => api.delete<void>(`${W}/${id}/planned-transfer`),
    leave: (id: number, body: { date: string; reason: string }) => api.post<WorkerRecordView>(`${W}/${id}/leave`, body),
    event: (id: number, body: { kind: string; date: string; note?: string; grade?: number; band?: string }) => api.post(`${W}/${id}/events`, body),
    addPost: (body: Record<string, unknown>) => api.post('/api/workers/v1/appointments', body),
    endPost: (postId: number, body: { to: string; reason: string }) => api.post(`/api/workers/v1/appointments/${postId}/end`, body),
    startSecondment: (body: Record<string, unknown>) => api.post('/api/workers/v1/secondments', body),
    endSecondment: (id: number, body: { to: string }) => api.post(`/api/workers/v1/secondments/${id}/end`, body),
    recordTraining: (classId: number, body: { workerId: number; result: string; certificateNo?: string }) =>
      api.post(`/api/workers/v1/training/classes/${classId}/records`, body),
    addDeduction: (workerId: number, body: NewSpecialDeduction) => api.post<SpecialDeductionView>(`${W}/${workerId}/special-deductions`, body),
    endDeduction: (id: number, body: { toMonth: string }) => api.post<SpecialDeductionView>(`${D}/${id}/end`, body),
    withdrawDeduction: (id: number) => api.delete<void>(`${D}/${id}`),
    setTaxYear: (workerId: number, year: number, body: TaxYearFlags) => api.put<WorkerTaxYearView>(`${W}/${workerId}/tax-years/${year}`, body),
  };
}

export type TrainingClass = TrainingClassView;

export function useTrainingClasses(enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: ['training-classes'],
    queryFn: ({ signal }) => api.get<TrainingClass[]>('/api/workers/v1/training/classes', undefined, signal),
    enabled,
  });
}

/** A 专项附加扣除 declaration as HR records it: months are "YYYY-MM", the amount a decimal string in 元. */
export interface NewSpecialDeduction {
  type: SpecialDeductionType;
  monthlyAmount: string;
  fromMonth: string;
  toMonth?: string;
  note?: string;
}

/** The worker's declarations (newest first) and this year's sum payroll withholds by. */
export function useSpecialDeductions(workerId: number) {
  const api = useApi();
  return useQuery({
    queryKey: ['special-deductions', workerId],
    queryFn: ({ signal }) => api.get<WorkerSpecialDeductionsView>(`${W}/${workerId}/special-deductions`, undefined, signal),
  });
}

/** A year's withholding flags as HR sets them: null = back to payroll's default; the note says why. */
export interface TaxYearFlags {
  firstJobOfYear: boolean | null;
  lowIncomeLastYear: boolean | null;
  note?: string;
}

/** The worker's withholding flags for `year` (all nulls until HR sets them: payroll's defaults apply). */
export function useTaxYear(workerId: number, year: number) {
  const api = useApi();
  return useQuery({
    queryKey: ['worker-tax-year', workerId, year],
    queryFn: ({ signal }) => api.get<WorkerTaxYearView>(`${W}/${workerId}/tax-years/${year}`, undefined, signal),
  });
}
