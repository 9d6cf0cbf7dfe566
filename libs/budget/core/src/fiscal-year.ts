/** Fiscal-year rules: only an OPEN year takes money movements. */
import { conflict, notFound } from '@cws/kernel';

export type FiscalYearStatus = 'OPEN' | 'CLOSED';

/** `status` as read under a shared lock on the year row; null or undefined when the year does not exist. */
export function assertYearOpen(year: number, status: string | null | undefined): void {
  if (status === null || status === undefined) throw notFound('fiscal_year', year);
  if (status !== 'OPEN') throw conflict('FISCAL_YEAR_CLOSED', `Fiscal year ${year} is closed and takes no postings`, { fiscalYear: year });
}
