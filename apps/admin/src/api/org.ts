import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from './client';
import type { Community, CommunityDetail, District, Street } from './types';
import { useApi } from './context';

const W = '/api/workers/v1';

export function useDistricts() {
  const api = useApi();
  return useQuery({ queryKey: ['districts'], queryFn: ({ signal }) => api.get<District[]>(`${W}/districts`, undefined, signal) });
}

/** The streets of a district (all in scope without one); also for `useQueries` over several districts. */
export function streetsQuery(api: ApiClient, district?: string) {
  return queryOptions({ queryKey: ['streets', district ?? ''], queryFn: ({ signal }) => api.get<Street[]>(`${W}/streets`, { district }, signal) });
}

/** The communities of a district or street (all in scope without either); also for `useQueries`. */
export function communitiesQuery(api: ApiClient, filter: { district?: string; street?: string } = {}) {
  return queryOptions({
    queryKey: ['communities', filter.district ?? '', filter.street ?? ''],
    queryFn: ({ signal }) => api.get<Community[]>(`${W}/communities`, filter, signal),
  });
}

export function useStreets(district?: string, enabled = true) {
  const api = useApi();
  return useQuery({ ...streetsQuery(api, district), enabled });
}

export function useCommunities(filter: { district?: string; street?: string } = {}, enabled = true) {
  const api = useApi();
  return useQuery({ ...communitiesQuery(api, filter), enabled });
}

/** A community's name by its code, from the communities in the user's scope; the code itself until they load, or outside it. */
export function useCommunityName(): (code: string) => string {
  const communities = useCommunities();
  return (code) => communities.data?.find((c) => c.code === code)?.name ?? code;
}

export function useCommunity(code: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: ['community', code],
    queryFn: ({ signal }) => api.get<CommunityDetail>(`${W}/communities/${encodeURIComponent(code ?? '')}`, undefined, signal),
    enabled: !!code,
  });
}
