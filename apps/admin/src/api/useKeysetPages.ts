import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import type { Query } from './client';
import { useApi } from './context';

/**
 * A keyset-paged list read page by page ("load more"): each page sends the previous page's
 * `nextAfter` as the cursor (`after`, or `before` where the route walks down), until there is none.
 */
export function useKeysetPages<TPage extends { nextAfter: string | null }>(
  queryKey: QueryKey,
  path: string,
  query: Query,
  { limit, cursor = 'after', enabled, retry, staleTime }: { limit: number; cursor?: 'after' | 'before'; enabled?: boolean; retry?: false; staleTime?: number },
) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey,
    ...(enabled === undefined ? {} : { enabled }),
    ...(retry === undefined ? {} : { retry }),
    ...(staleTime === undefined ? {} : { staleTime }),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => api.get<TPage>(path, { ...query, limit, [cursor]: pageParam }, signal),
    getNextPageParam: (last) => last.nextAfter ?? undefined,
  });
}
