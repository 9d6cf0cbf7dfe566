import type { LedgerCloseView } from '@cws/budget-contracts';
import { useQuery } from '@tanstack/react-query';
import { B } from './budget';
import { useApi } from './context';
import { useDownload } from './useDownload';

/** The days `GET /ledger/closes` lists: both ends included, at most 366 days (budget-core's MAX_CLOSE_RANGE_DAYS). */
export interface CloseRange {
  from: string;
  to: string;
}

export const CLOSES_KEY = 'budget-closes';

/** The daily closes (日结) of a range, oldest first as the service answers; city users only (`enabled` false for the others). */
export function useLedgerCloses(range: CloseRange, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: [CLOSES_KEY, range],
    enabled,
    queryFn: ({ signal }) => api.get<LedgerCloseView[]>(`${B}/ledger/closes`, { ...range }, signal),
  });
}

/** The closes of a range as the service's workbook (`GET /ledger/closes.xlsx`, the same range), saved under its name; resolves whether it was. */
export function useClosesDownload() {
  const download = useDownload();
  return (range: CloseRange) => download(`${B}/ledger/closes.xlsx`, `ledger-closes-${range.from}-${range.to}.xlsx`, { ...range });
}

/**
 * 结账: closes every day not closed yet through `through` (the service's default, yesterday in the city, when
 * none); answers the closes written, none when all were closed. Not a money-moving POST: no Idempotency-Key
 * (a second one closes nothing twice).
 */
export function useCloseBooks() {
  const api = useApi();
  return (through: string | undefined) => api.post<LedgerCloseView[]>(`${B}/ledger/closes`, through ? { through } : {});
}
