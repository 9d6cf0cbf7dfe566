import { parseMoney } from '@cws/kernel';
import { defaultPolicy } from '../default-policy';
import { combineCorrectionPairs, type OutputPayslip } from '../outputs/output-payslip';
import { type CorrectedSlip, correctionPair } from './correction';
import type { FrozenWorker } from './frozen-inputs';
import { computePayslip, type PayslipOut } from './payslip';

const policy = defaultPolicy(2026);
const none: ReadonlySet<string> = new Set();
const worker = (over: Partial<FrozenWorker> = {}): FrozenWorker => ({
  workerId: 7, name: '张三', districtCode: '330106', streetCode: '330106001', communityCode: '330106001001', employmentType: 'FULL_TIME',
  postBand: 'OTHER', education: 'BACHELOR', hireDate: '2015-03-01', leftDate: null, qualificationLevel: null, bodiesHeld: 1, secondment: null,
  grade: 6, gradeDerived: false, bankAccountEnc: null, hours: null, ...over,
});
const pay = (grade: number, recoveryOwedFen = 0n) =>
  computePayslip({ period: '2026-09', worker: worker({ grade }), state: null, recoveryOwedFen, arrears: [], lowIncomeLastYear: false }, policy);
const asCorrected = (s: PayslipOut): CorrectedSlip => ({ ...s, lines: s.lines.map((l) => ({ ...l })) });
const total = (s: { gross: bigint; employeeContributions: bigint; tax: bigint; recoveries: bigint }) => s.gross - s.employeeContributions - s.tax - s.recoveries;

describe('CORRECTION runs: reverse and re-issue, never edit', () => {
  it('a grade raised after payment: the reversal negates every line and total, the pair nets to the difference', () => {
    const paid = pay(6);
    const now = pay(7);
    const pair = correctionPair({ corrected: asCorrected(paid), reissue: now, latestState: paid.taxState, latestRecoveryBalanceFen: 0n, taxFreeCodes: none });
    expect(pair.reversal.gross).toBe(-paid.gross);
    expect(pair.reversal.net).toBe(-paid.net);
    expect(pair.reversal.lines.map((l) => [l.code, l.amount])).toEqual(paid.lines.filter((l) => l.kind !== 'INFO').map((l) => [l.code, -l.amount]));
    expect(pair.reversal.net).toBe(total(pair.reversal));
    expect(pair.reissue.net).toBe(total(pair.reissue));
    expect(pair.differenceFen).toBe(now.net - paid.net);
    expect(pair.differenceFen > 0n).toBe(true);
    expect(pair.reissue.recoveryCarried).toBe(0n);
    // The corrected slip object itself is untouched.
    expect(paid.lines.every((l) => l.amount >= 0n)).toBe(true);
  });

  it('the re-issue leaves the latest YTD state plus the difference, so the next month withholds on the corrected income', () => {
    const paid = pay(6);
    const now = pay(8);
    // A later month (October) was settled on the old figures: the latest state is October's.
    const october = computePayslip({ period: '2026-10', worker: worker(), state: paid.taxState, recoveryOwedFen: 0n, arrears: [], lowIncomeLastYear: false }, policy);
    const pair = correctionPair({ corrected: asCorrected(paid), reissue: now, latestState: october.taxState, latestRecoveryBalanceFen: 0n, taxFreeCodes: none });
    const s = pair.reissue.taxState;
    expect(s.lastMonth).toBe(10);
    expect(s.monthsEmployed).toBe(october.taxState.monthsEmployed);
    expect(s.income - october.taxState.income).toBe(now.gross - paid.gross);
    expect(s.employeeContributions - october.taxState.employeeContributions).toBe(now.employeeContributions - paid.employeeContributions);
    expect(s.taxWithheld - october.taxState.taxWithheld).toBe(now.tax - paid.tax);
  });

  it('correcting a re-issue (a second correction): the difference comes from the slips’ amounts, not from the re-issue’s later stored state', () => {
    const paid = pay(6);
    const october = computePayslip({ period: '2026-10', worker: worker(), state: paid.taxState, recoveryOwedFen: 0n, arrears: [], lowIncomeLastYear: false }, policy);
    const first = correctionPair({ corrected: asCorrected(paid), reissue: pay(7), latestState: october.taxState, latestRecoveryBalanceFen: 0n, taxFreeCodes: none });
    // The first re-issue is now the corrected slip; its stored state is October's plus the first difference.
    const second = correctionPair({ corrected: asCorrected(first.reissue), reissue: pay(8), latestState: first.reissue.taxState, latestRecoveryBalanceFen: 0n, taxFreeCodes: none });
    expect(second.reissue.taxState.income - october.taxState.income).toBe(pay(8).gross - paid.gross);
    expect(second.reissue.taxState.taxWithheld - october.taxState.taxWithheld).toBe(pay(8).tax - paid.tax);
    expect(second.reissue.taxState.lastMonth).toBe(10);
  });

  it('a negative difference is not taken from the bank: it is carried as a recovery (RECOVERY_CARRIED) on top of the balance', () => {
    const paid = pay(9);
    const now = pay(6);
    const pair = correctionPair({ corrected: asCorrected(paid), reissue: now, latestState: paid.taxState, latestRecoveryBalanceFen: parseMoney('100.00'), taxFreeCodes: none });
    const over = paid.net - now.net;
    expect(pair.differenceFen).toBe(-over);
    expect(pair.reissue.recoveryCarried).toBe(parseMoney('100.00') + over);
    expect(pair.reissue.lines.find((l) => l.code === 'RECOVERY_CARRIED')?.amount).toBe(over);
    expect(pair.reissue.flags).toContain('RECOVERY_CARRIED');
  });

  it('the pair re-recovers what the corrected slip recovered, so the recovery balance is unchanged when pay allows it', () => {
    const owed = parseMoney('300.00');
    const paid = pay(6, owed);
    const now = pay(7, owed);
    const pair = correctionPair({ corrected: asCorrected(paid), reissue: now, latestState: paid.taxState, latestRecoveryBalanceFen: 0n, taxFreeCodes: none });
    expect(pair.reversal.recoveries + pair.reissue.recoveries).toBe(0n);
    expect(pair.reissue.recoveryCarried).toBe(0n);
  });

  it('outputs show the difference: a worker’s reversal and re-issue combine into one slip (lines summed, zero lines dropped)', () => {
    const slip = (id: string, kind: string, gross: bigint, net: bigint, base: bigint): OutputPayslip => ({
      id, workerId: 7, name: '张三', districtCode: '330106', streetCode: '330106001', communityCode: '330106001001', bankAccount: '6222', payer: 'HOME',
      grossFen: gross, employeeContributionsFen: 0n, taxFen: gross - net, recoveriesFen: 0n, netFen: net, employerContributionsFen: 0n, slipKind: kind,
      lines: [{ kind: 'EARNING', code: 'BASE', label: 'Base', amountFen: base }, { kind: 'EARNING', code: 'QUALIFICATION', label: 'Q', amountFen: base > 0n ? 5000n : -5000n }],
    });
    const [one] = combineCorrectionPairs([slip('10', 'REVERSAL', -500000n, -450000n, -495000n), slip('11', 'REISSUE', 520000n, 468000n, 515000n)]);
    expect(one).toMatchObject({ id: '11', grossFen: 20000n, netFen: 18000n, taxFen: 2000n, slipKind: 'DIFFERENCE' });
    expect(one.lines).toEqual([{ kind: 'EARNING', code: 'BASE', label: 'Base', amountFen: 20000n }]);
  });
});
