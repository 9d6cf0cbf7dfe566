import { formatMoney, parseMoney } from '@cws/kernel';
import { buildPolicy, computePayslip, type FrozenHours, type FrozenWorker, type StoredPolicyRow } from '@cws/payroll-engine';
import { keyOf } from '../policy/policy-data.dto';
import type { PolicyService } from '../policy/policy.service';
import { demoPolicyRows } from '../seed/seed';
import type { WorkforceChangeRepository } from '../workforce-changes/workforce-change.repository';
import { ArrearsService } from './arrears.service';
import type { PayslipRepository } from './payslip.repository';
import type { RunInputsSource } from './run-inputs.source';

const rows: StoredPolicyRow[] = demoPolicyRows().map((r, i) => ({ id: String(i + 1), kind: r.kind, key: keyOf(r.kind, r.data), validFrom: r.validFrom, validTo: r.validTo, data: r.data, sourceRef: r.sourceRef }));
const policy = buildPolicy(rows, 2026, '2026-09-30');
const worker = (grade: number): FrozenWorker => ({
  workerId: 7, name: '张三', districtCode: '330106', streetCode: '330106001', communityCode: '330106001001', employmentType: 'FULL_TIME',
  postBand: 'OTHER', education: 'BACHELOR', hireDate: '2015-03-01', leftDate: null, qualificationLevel: null, bodiesHeld: 1, secondment: null,
  grade, gradeDerived: false, bankAccountEnc: null, hours: null,
});
const overtime: FrozenHours = { shifts: 0, overtime: [{ kind: 'WORKDAY', minutes: 600 }], rosterVersion: 1 };
const stored = (grade: number, hours: FrozenHours | null) =>
  computePayslip({ period: '2026-09', worker: { ...worker(grade), hours }, state: null, recoveryOwedFen: 0n, arrears: [], lowIncomeLastYear: false }, policy)
    .lines.map((l) => ({ kind: l.kind, code: l.code, amount: formatMoney(l.amount) }));
const amount = (lines: Array<{ code: string; amount: string }>, code: string) => parseMoney(lines.find((l) => l.code === code)?.amount ?? '0.00');

/** A grade raised from 1 September, after September was settled at grade 6 with 10 h of workday overtime. */
function service(paidHours: FrozenHours | null, hoursNow: FrozenHours | null) {
  const changes = { backdated: async () => new Map([[7, '2026-09-01']]), leaversIn: async () => new Map() } as unknown as WorkforceChangeRepository;
  const payslips = { settledLines: async () => [{ workerId: 7, period: '2026-09', runType: 'REGULAR', lines: stored(6, paidHours) }] } as unknown as PayslipRepository;
  const inputs = {
    workersIn: async () => new Map([[7, worker(7)]]),
    hours: async () => ({ rosters: hoursNow ? { period: '2026-09', byWorker: new Map() } : null, unavailable: false }),
    attachHours: async (_: unknown, workers: FrozenWorker[]) => workers.forEach((w) => (w.hours = hoursNow)),
    // September 2026 in full: a calendar changes no full month.
    calendar: async () => ({ source: 'SCHEDULER', restDays: [], adjustedWorkingDays: ['2026-09-20'] }),
  } as unknown as RunInputsSource;
  const policies = { rowsFor: async () => rows } as unknown as PolicyService;
  return new ArrearsService(changes, inputs, payslips, policies);
}

const arrearsOf = async (s: ArrearsService) => (await s.forRun('2026-10')).of([7]);

describe('arrears re-measure roster pay with the hours published now', () => {
  const paid = stored(6, overtime);
  const now = stored(7, overtime);

  it('a grade change also changes overtime pay (monthly wage ÷ 21.75 ÷ 8): the arrears include the overtime difference', async () => {
    const arrears = await arrearsOf(service(overtime, overtime));
    const expected = amount(now, 'BASE') - amount(paid, 'BASE') + amount(now, 'OVERTIME_WORKDAY') - amount(paid, 'OVERTIME_WORKDAY');
    expect(amount(now, 'OVERTIME_WORKDAY')).toBeGreaterThan(amount(paid, 'OVERTIME_WORKDAY'));
    expect(arrears.get(7)).toEqual([{ refPeriod: '2026-09', amountFen: expected }]);
  });

  it('a roster published after the period was settled: its overtime is paid as arrears', async () => {
    const arrears = await arrearsOf(service(null, overtime));
    expect(arrears.get(7)).toEqual([{ refPeriod: '2026-09', amountFen: amount(now, 'BASE') - amount(paid, 'BASE') + amount(now, 'OVERTIME_WORKDAY') }]);
  });

  it('no hours from the scheduler now: roster pay is left out on both sides (never clawed back for want of an answer)', async () => {
    const arrears = await arrearsOf(service(overtime, null));
    expect(arrears.get(7)).toEqual([{ refPeriod: '2026-09', amountFen: amount(now, 'BASE') - amount(paid, 'BASE') }]);
  });
});
