import { useQueries } from '@tanstack/react-query';
import { useApi } from '../../api/context';
import { useCommunityWorkers, workerQuery } from '../../api/workers';

/** At most this many workers read one by one: a roster names a handful who have moved on, not a register. */
const MAX_SINGLE_READS = 20;

/**
 * The names of a roster's workers: the community's register in one read, and each worker it no longer lists (moved
 * out since, or kept by a re-plan after a leaving) read on their own. One outside the caller's scope (a 404) stays
 * `#id`, as does anyone while the reads are on their way.
 */
export function useRosterNames(community: string | undefined, workerIds: readonly number[]): (id: number) => string {
  const api = useApi();
  const listed = useCommunityWorkers(community);
  const names = new Map((listed.data?.items ?? []).map((w) => [w.id, w.name]));
  const missing = listed.data ? [...new Set(workerIds)].filter((id) => !names.has(id)).slice(0, MAX_SINGLE_READS) : [];
  const single = useQueries({ queries: missing.map((id) => ({ ...workerQuery(api, String(id)), retry: false })) });
  single.forEach((q, i) => q.data && names.set(missing[i], q.data.name));
  return (id: number) => names.get(id) ?? `#${id}`;
}
