import type { RunView } from '@cws/payroll-contracts';
import { describe, expect, it } from 'vitest';
import { runActions } from './RunDetailPage';

const run = (patch: Partial<RunView>): RunView =>
  ({
    id: '1', period: '2026-11', type: 'REGULAR', scope: '330106', status: 'SUBMITTED', correctsRunId: null,
    progress: { done: 10, total: 10, failed: 0 },
    totals: { gross: '1.00', employeeContributions: '0.00', tax: '0.00', recoveries: '0.00', net: '1.00', employerContributions: '0.00' },
    computation: { state: 'DONE', generation: 1, startedAt: null, finishedAt: null, error: null },
    inputs: null, rejection: null, created: { by: 'xihu-hr', at: '' }, submitted: { by: 'city-admin', at: '' }, approved: null, paid: null, cancelled: null,
    ...patch,
  }) as RunView;

describe('runActions (four eyes in the UI; the API enforces the same)', () => {
  it('disables approval for the submitter and offers it to another approver', () => {
    expect(runActions(run({}), { name: 'city-admin', roles: ['CITY_ADMIN'] })).toMatchObject({ approve: true, approveBlockedForSubmitter: true, reject: false });
    expect(runActions(run({}), { name: 'finance', roles: ['FINANCE'] })).toMatchObject({ approve: true, approveBlockedForSubmitter: false, reject: true });
    expect(runActions(run({}), { name: 'xihu-hr', roles: ['DISTRICT_HR'] })).toMatchObject({ approve: false, reject: false });
  });

  it('lets HR submit a draft only once it is computed without failures; only finance pays', () => {
    expect(runActions(run({ status: 'DRAFT', computation: { state: 'COMPUTING', generation: 1, startedAt: null, finishedAt: null, error: null } }), { name: 'xihu-hr', roles: ['DISTRICT_HR'] })).toMatchObject({ submit: true, submitReady: false });
    expect(runActions(run({ status: 'DRAFT', progress: { done: 10, total: 10, failed: 1 } }), { name: 'xihu-hr', roles: ['DISTRICT_HR'] }).submitReady).toBe(false);
    expect(runActions(run({ status: 'DRAFT' }), { name: 'xihu-hr', roles: ['DISTRICT_HR'] }).submitReady).toBe(true);
    expect(runActions(run({ status: 'APPROVED' }), { name: 'finance', roles: ['FINANCE'] })).toMatchObject({ pay: true, bankFiles: true });
    expect(runActions(run({ status: 'APPROVED' }), { name: 'city-admin', roles: ['CITY_ADMIN'] })).toMatchObject({ pay: false, bankFiles: true });
  });

  it('offers the IIT declaration (whole resident IDs) only to the roles the API gives it: not to street HR or auditors', () => {
    const iit = (roles: string[]) => runActions(run({ status: 'PAID' }), { name: 'x', roles }).iitDeclaration;
    expect(['CITY_ADMIN', 'DISTRICT_HR', 'FINANCE'].map((r) => iit([r]))).toEqual([true, true, true]);
    expect(['STREET_HR', 'AUDITOR'].map((r) => iit([r]))).toEqual([false, false]);
  });
});
