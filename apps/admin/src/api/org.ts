import { useQuery } from '@tanstack/react-query';
import type { Community, CommunityDetail, District, Street } from './types';
import { useApi } from './context';

const W = '/api/workers/v1';

export function useDistricts() {
  const api = useApi();
  return useQuery({ queryKey: ['districts'], queryFn: ({ signal }) => api.get<District[]>(`${W}/districts`, undefined, signal) });
}

export function useStreets(district?: string, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: ['streets', district ?? ''],
    queryFn: ({ signal }) => api.get<Street[]>(`${W}/streets`, { district }, signal),
    enabled,
  });
}

export function useCommunities(filter: { district?: string; street?: string } = {}, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: ['communities', filter.district ?? '', filter.street ?? ''],
    queryFn: ({ signal }) => api.get<Community[]>(`${W}/communities`, filter, signal),
    enabled,
  });
}

export function useCommunity(code: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: ['community', code],
    queryFn: ({ signal }) => api.get<CommunityDetail>(`${W}/communities/${encodeURIComponent(code ?? '')}`, undefined, signal),
    enabled: !!code,
  });
}
