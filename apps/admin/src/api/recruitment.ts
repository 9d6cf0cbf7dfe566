import { useQuery } from '@tanstack/react-query';
import { useApi } from './context';
import type { Page } from './types';
import { useKeysetPages } from './useKeysetPages';

export const R = '/api/workers/v1';

/** `GET /vacancies` items (the workers service's VacancyListItemDto). */
export interface VacancyListItem {
  id: number;
  communityCode: string;
  streetCode: string;
  districtCode: string;
  bodyKind: string;
  role: string;
  headcount: number;
  opensOn: string;
  closesOn: string;
  status: 'OPEN' | 'FILLED';
  writtenWeight: string;
  noticeDays: number;
  candidates: number;
  selected: number;
  hired: number;
}

export interface RankedCandidate {
  rank: number;
  id: number;
  name: string;
  residentIdMasked: string;
  written: string | null;
  interview: string | null;
  total: string;
  status: 'APPLIED' | 'SELECTED' | 'HIRED' | 'DISQUALIFIED';
  workerId: number | null;
  noticeStart: string | null;
  noticeEnd: string | null;
  skipReason: string | null;
  openObjections: number;
}

export interface Ranking {
  vacancy: Omit<VacancyListItem, 'candidates' | 'selected' | 'hired'>;
  candidates: RankedCandidate[];
}

export interface Objection {
  id: number;
  candidateId: number;
  receivedOn: string;
  summary: string;
  status: 'OPEN' | 'UPHELD' | 'DISMISSED';
  resolution: string | null;
  resolvedOn: string | null;
}

export function useVacancies(status?: string) {
  return useKeysetPages<Page<VacancyListItem>>(['vacancies', status ?? ''], `${R}/vacancies`, { status }, { limit: 50 });
}

export function useRanking(id: string | undefined) {
  const api = useApi();
  return useQuery({ queryKey: ['ranking', id], enabled: !!id, retry: false, queryFn: ({ signal }) => api.get<Ranking>(`${R}/vacancies/${id}/ranking`, undefined, signal) });
}

export function useObjections(candidateId: number | null) {
  const api = useApi();
  return useQuery({ queryKey: ['objections', candidateId], enabled: candidateId !== null, queryFn: ({ signal }) => api.get<Objection[]>(`${R}/candidates/${candidateId}/objections`, undefined, signal) });
}
