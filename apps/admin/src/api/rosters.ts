import type { CoverageView, GenerationView, RosterConflictsView, RostersToReplanView, RosterSummaryPageView, RosterView, WorkerRosterMonthView } from '@cws/scheduler-contracts';
import { useQuery } from '@tanstack/react-query';
import { useApi } from './context';
import { useKeysetPages } from './useKeysetPages';

export const S = '/api/scheduler/v1';

/** A roster version, polled while its solve is queued. */
export function useRoster(id: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: ['roster', id],
    enabled: !!id,
    queryFn: ({ signal }) => api.get<RosterView>(`${S}/rosters/${id}`, undefined, signal),
    refetchInterval: (q) => (q.state.data?.status === 'QUEUED' ? 1000 : false),
  });
}

export function useCoverage(id: string | undefined, enabled: boolean) {
  const api = useApi();
  return useQuery({ queryKey: ['roster-coverage', id], enabled: !!id && enabled, queryFn: ({ signal }) => api.get<CoverageView>(`${S}/rosters/${id}/coverage`, undefined, signal) });
}

/** A city- or district-wide generation's progress, polled until it is done. */
export function useGeneration(id: number | null) {
  const api = useApi();
  return useQuery({
    queryKey: ['roster-generation', id],
    enabled: id !== null,
    queryFn: ({ signal }) => api.get<GenerationView>(`${S}/rosters/generations/${id}`, undefined, signal),
    refetchInterval: (q) => (q.state.data?.status === 'DONE' ? false : 1000),
  });
}

/** A published version checked against today's register and requests (asks the workers service: read when the page shows it). */
export function useRosterConflicts(id: string | undefined, enabled: boolean) {
  const api = useApi();
  return useQuery({ queryKey: ['roster-conflicts', id], enabled: !!id && enabled, queryFn: ({ signal }) => api.get<RosterConflictsView>(`${S}/rosters/${id}/conflicts`, undefined, signal) });
}

/**
 * Published versions of this month and later in scope whose shifts ahead today's register contradicts, as the
 * scheduler last checked them (every hour, and whenever a version's conflicts are read): one read, no call per centre.
 */
export function useRostersToReplan(enabled = true) {
  const api = useApi();
  // read again on every visit (one indexed query): a version published or checked meanwhile changes the list
  return useQuery({ queryKey: ['rosters-to-replan'], enabled, staleTime: 0, queryFn: ({ signal }) => api.get<RostersToReplanView>(`${S}/rosters/to-replan`, undefined, signal) });
}

export interface RosterVersionFilter {
  month?: string;
  community?: string;
  status?: string;
  /** the versions one generation made */
  generation?: number;
}

/** Roster versions in scope, newest first, 50 a page: by month, community, status or generation. */
export function useRosterVersions(filter: RosterVersionFilter) {
  // read again on every visit: versions are solved, published and re-planned elsewhere (the background solve included)
  return useKeysetPages<RosterSummaryPageView>(['roster-versions', filter], `${S}/rosters`, { ...filter }, { limit: 50, staleTime: 0 });
}

/** One worker's shifts of a month in the published rosters the user may see (both centres across a transfer). */
export function useWorkerShifts(workerId: number, month: string) {
  const api = useApi();
  return useQuery({ queryKey: ['worker-shifts', workerId, month], queryFn: ({ signal }) => api.get<WorkerRosterMonthView>(`${S}/workers/${workerId}/shifts`, { month }, signal) });
}
