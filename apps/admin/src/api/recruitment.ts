import { useQuery } from '@tanstack/react-query';
import { useApi } from './context';
import type { ObjectionView, RankedCandidateView, RankingView, VacancyListItemView, VacancyPageView } from '@cws/workers-contracts';
import { useKeysetPages } from './useKeysetPages';

export const R = '/api/workers/v1';

/** The workers service's recruitment contracts. */
export type VacancyListItem = VacancyListItemView;
export type RankedCandidate = RankedCandidateView;
type Ranking = RankingView;
export type Objection = ObjectionView;

export function useVacancies(status?: string) {
  return useKeysetPages<VacancyPageView>(['vacancies', status ?? ''], `${R}/vacancies`, { status }, { limit: 50 });
}

export function useRanking(id: string | undefined) {
  const api = useApi();
  return useQuery({ queryKey: ['ranking', id], enabled: !!id, queryFn: ({ signal }) => api.get<Ranking>(`${R}/vacancies/${id}/ranking`, undefined, signal) });
}

export function useObjections(candidateId: number | null) {
  const api = useApi();
  return useQuery({ queryKey: ['objections', candidateId], enabled: candidateId !== null, queryFn: ({ signal }) => api.get<Objection[]>(`${R}/candidates/${candidateId}/objections`, undefined, signal) });
}
