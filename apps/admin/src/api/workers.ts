import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useApi } from './context';
import type { Page, WorkerDetail, WorkerPii, WorkerRow } from './types';

const W = '/api/workers/v1/workers';

/** Mirrors the register's enums (libs/workers/contracts); only for filters and labels. */
export const WORKER_STATUSES = ['ACTIVE', 'SECONDED_OUT', 'ON_LEAVE', 'LEFT'] as const;
export const POST_BANDS = ['HEAD', 'DEPUTY', 'OTHER'] as const;
export const QUALIFICATION_LEVELS = ['NONE', 'ASSISTANT', 'SOCIAL_WORKER', 'SENIOR'] as const;
export const WORKER_SORTS = ['name', 'hireDate', '-hireDate'] as const;

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
  const api = useApi();
  return useInfiniteQuery({
    queryKey: ['workers', filter],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => api.get<Page<WorkerRow>>(W, { ...filter, limit: PAGE_SIZE, after: pageParam }, signal),
    getNextPageParam: (last) => last.nextAfter ?? undefined,
    retry: false,
  });
}

export function useWorker(id: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: ['worker', id],
    queryFn: ({ signal }) => api.get<WorkerDetail>(`${W}/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: !!id,
    retry: false,
  });
}

/** Full resident ID and bank account; every call is audited, so it runs only on an explicit click. */
export function useWorkerPii(id: string | undefined, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: ['worker-pii', id],
    queryFn: ({ signal }) => api.get<WorkerPii>(`${W}/${encodeURIComponent(id ?? '')}/pii`, undefined, signal),
    enabled: !!id && enabled,
    retry: false,
    staleTime: 0,
    gcTime: 0,
  });
}
