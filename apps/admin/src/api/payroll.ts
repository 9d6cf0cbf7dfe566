import type { DeclaredContributionBasePageView, DeclaredContributionBasesResultView, FundingRequirementReport, PayrollRunPageView, PayslipPage, PayslipView, RunView, WorkerPayslipPage } from '@cws/payroll-contracts';
import { useQuery } from '@tanstack/react-query';
import { useApi } from './context';
import { useKeysetPages } from './useKeysetPages';

export const P = '/api/payroll/v1';

export function useRuns(filter: { period?: string; status?: string }, { enabled = true } = {}) {
  const api = useApi();
  return useQuery({ queryKey: ['payroll-runs', filter], enabled, queryFn: ({ signal }) => api.get<PayrollRunPageView>(`${P}/runs`, { ...filter, limit: 100 }, signal) });
}

/** A run, polled every second while its computation is queued or running (the live progress bar). */
export function useRun(id: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: ['payroll-run', id],
    queryFn: ({ signal }) => api.get<RunView>(`${P}/runs/${id}`, undefined, signal),
    enabled: !!id,
    refetchInterval: (q) => {
      const state = q.state.data?.computation.state;
      return state === 'QUEUED' || state === 'COMPUTING' ? 1000 : false;
    },
  });
}

/** Every payslip of the run in the caller's scope (keyset pages of 5,000). */
export function useRunPayslips(id: string | undefined, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: ['payroll-run-payslips', id],
    enabled: !!id && enabled,
    queryFn: async ({ signal }) => {
      const items: PayslipPage['items'] = [];
      let after: string | null = null;
      do {
        const page: PayslipPage = await api.get<PayslipPage>(`${P}/runs/${id}/payslips`, { limit: 5000, after }, signal);
        items.push(...page.items);
        after = page.nextAfter;
      } while (after);
      return items;
    },
  });
}

export function usePayslip(id: string | null) {
  const api = useApi();
  return useQuery({ queryKey: ['payslip', id], enabled: !!id, queryFn: ({ signal }) => api.get<PayslipView>(`${P}/payslips/${id}`, undefined, signal) });
}

/** One worker's payslips across runs, newest period first, in keyset pages of 24 ("load more"). */
export function useWorkerPayslips(workerId: number, enabled: boolean) {
  return useKeysetPages<WorkerPayslipPage>(['worker-payslips', workerId], `${P}/payslips`, { workerId }, { limit: 24, enabled });
}

/** One worker's declared contribution bases (缴费基数申报), newest first, in keyset pages. */
export function useDeclaredBases(workerId: number) {
  return useKeysetPages<DeclaredContributionBasePageView>(['contribution-bases', workerId], `${P}/contribution-bases`, { workerId }, { limit: 50 });
}

/** One declared item as the API takes it: amounts as two-decimal strings, never floats. */
export type DeclaredBaseItem = { workerId: number; base: string; housingFundBase?: string; note?: string };

export function useDeclaredBaseWrites() {
  const api = useApi();
  return {
    declare: (body: { validFrom: string; items: DeclaredBaseItem[] }) => api.post<DeclaredContributionBasesResultView>(`${P}/contribution-bases`, body),
    withdraw: (id: string) => api.delete<void>(`${P}/contribution-bases/${id}`),
  };
}

/** The 核定 report (funding requirement) of a year for a scope (the caller's own when none) and register date (today when none). */
export function useFundingRequirement(q: { year: number; scope?: string; asOf?: string }) {
  const api = useApi();
  return useQuery({
    queryKey: ['funding-requirement', q.year, q.scope ?? null, q.asOf ?? null],
    queryFn: ({ signal }) => api.get<FundingRequirementReport>(`${P}/benchmark/funding-requirement`, q, signal),
  });
}
