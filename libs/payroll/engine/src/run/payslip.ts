/**
 * One worker's payslip in a monthly run, from frozen inputs: who pays (secondments), the grade
 * (recorded, or derived and said so), pro-rating, roster hours, arrears, the year-to-date tax
 * state with its flags, and recovery so that net pay is never negative. Pure.
 */
import { type Fen, fullYearsBetween, validationError } from '@cws/kernel';
import { compilePolicy } from '../compiled-policy';
import { entryGrade } from '../grade';
import type { PayrollPolicy } from '../policy';
import { separateBonusAllowed, separateBonusTax, withholdThisMonth } from '../tax';
import { type BonusMethod, type ResultLine, computeWorkerMonth } from '../worker-month';
import { contributionBase, type DeclaredBase, type WageRecord } from './contribution-base';
import type { FrozenWorker } from './frozen-inputs';
import { attendanceFor, type PayCalendar, parsePeriod, periodFirstDay } from './pro-rating';
import { type RunTaxState, deductionMonths, initialTaxState, withFlags } from './tax-state';

export interface ArrearsItem {
  refPeriod: string;
  /** Positive = 补发 (paid now), negative = 扣回 (clawed back). */
  amountFen: Fen;
}

export interface PayslipInput {
  period: string;
  worker: FrozenWorker;
  /** The state after the worker's latest settled slip of the year; null = none this year. */
  state: RunTaxState | null;
  /** Recovery still owed from earlier runs (≥ 0). */
  recoveryOwedFen: Fen;
  arrears: ArrearsItem[];
  /** The previous year's income from this employer was ≤ 60,000 over twelve months paid. */
  lowIncomeLastYear: boolean;
  /** The settled wages the contribution base comes from (contribution-base.ts); absent = none on record. */
  wages?: WageRecord;
  /** The base HR declared for this contribution year, which wins over the wages; absent = none. */
  declaredBase?: DeclaredBase;
  /** The period's 调休 from the holiday calendar, for pro-rating; absent or null = plain weekdays. */
  calendar?: PayCalendar | null;
}

export interface PayslipLineOut extends Omit<ResultLine, 'kind'> {
  kind: ResultLine['kind'] | 'DEDUCTION' | 'INFO';
  refPeriod?: string;
  derived?: boolean;
}


/**
 * The flags for review a payslip can carry (each named in `PAYSLIP_FLAG_NAMES`): a part month, a derived grade,
 * arrears, a shortfall carried, a correction's two slips, a secondment's special cases, a bonus taxed with the month's
 * wages, and the month's warnings (`WorkerMonthWarning`, pushed as flags: counts paid at their cap, overtime above 36 hours).
 */
export const PAYSLIP_FLAGS = [
  'ARREARS', 'GRADE_DERIVED', 'PRO_RATED', 'RECOVERY_CARRIED', 'REVERSAL', 'REISSUE',
  'SECONDED_OUT_HOST_PAYS', 'SECONDED_OUT_PART_MONTH', 'SECONDED_IN_NO_BONUS', 'SECONDED_IN_SUBSIDY_ONLY',
  'BONUS_MERGED', 'OVERTIME_OVER_36_HOURS', 'EXTRA_BODIES_CAPPED', 'SHIFTS_CAPPED',
  'FAILED', // the run's own: a slip that could not be computed (slip-rows.ts `failedRow`)
] as const;
export type PayslipFlag = (typeof PAYSLIP_FLAGS)[number];

/**
 * Each flag's name, in Chinese and English: the one source for the admin's slip views (in the user's language) and the
 * payslip PDF (both, like its other headings).
 */
export const PAYSLIP_FLAG_NAMES: Readonly<Record<PayslipFlag, { zh: string; en: string }>> = {
  ARREARS: { zh: '含补发（以前月份）', en: 'Arrears included (earlier months)' },
  GRADE_DERIVED: { zh: '等级按入职规则推算', en: 'Grade derived from the hiring rules' },
  PRO_RATED: { zh: '不满月折算', en: 'Part month, pro-rated' },
  RECOVERY_CARRIED: { zh: '有结转下次扣回', en: 'Shortfall carried to the next pay' },
  REVERSAL: { zh: '冲销', en: 'Reversal' },
  REISSUE: { zh: '重开', en: 'Re-issue' },
  SECONDED_OUT_HOST_PAYS: { zh: '外派，由接收单位发放', en: 'Seconded out; the host pays' },
  SECONDED_OUT_PART_MONTH: { zh: '月内外派，按在岗天数折算', en: 'Seconded out part of the month; pro-rated' },
  SECONDED_IN_NO_BONUS: { zh: '挂职人员，不发奖金', en: 'Seconded in; no bonus' },
  SECONDED_IN_SUBSIDY_ONLY: { zh: '挂职人员，只发补贴', en: 'Seconded in; subsidy only' },
  BONUS_MERGED: { zh: '奖金并入当月工资薪金计税', en: 'Bonus taxed with the month’s wages' },
  OVERTIME_OVER_36_HOURS: { zh: '加班超过每月 36 小时', en: 'Overtime above 36 hours in the month' },
  EXTRA_BODIES_CAPPED: { zh: '兼职组织数超上限，按上限计', en: 'Cross-appointments above the cap; paid at the cap' },
  SHIFTS_CAPPED: { zh: '值班次数超上限，按上限计', en: 'Duty shifts above the cap; paid at the cap' },
  FAILED: { zh: '计算失败', en: 'Not computed' },
};

export interface PayslipOut {
  payer: 'HOME' | 'HOST';
  band: string | null;
  grade: number | null;
  gradeSource: 'REGISTER' | 'DERIVED' | null;
  lines: PayslipLineOut[];
  gross: Fen;
  employeeContributions: Fen;
  tax: Fen;
  recoveries: Fen;
  net: Fen;
  employerContributions: Fen;
  recoveryCarried: Fen;
  flags: PayslipFlag[];
  taxState: RunTaxState;
}

const ARREARS_LABEL = (a: ArrearsItem) => (a.amountFen >= 0n ? `Arrears for ${a.refPeriod} (补发)` : `Claw-back for ${a.refPeriod} (扣回)`);

export function computePayslip(input: PayslipInput, policy: PayrollPolicy): PayslipOut {
  const { period, worker: w } = input;
  const { year, month } = parsePeriod(period);
  const state = withSetFlags(input.state ?? initialTaxState(year, { firstJobOfYear: w.hireDate.slice(0, 4) === String(year), lowIncomeLastYear: input.lowIncomeLastYear }), w, month);
  if (state.year !== year) throw validationError('TAX_STATE_YEAR', 'state.year', `tax state is for ${state.year}, the run for ${year}`);

  // Days a host pays (an outward secondment): not paid here. Runs frozen before the month's secondments were read
  // know only the one in force on the period's last day, which then decides the whole month.
  const paidElsewhere = w.hostPaidInMonth ?? (w.secondment && w.secondment.direction === 'OUT' && w.secondment.payer === 'HOST' ? [{ from: periodFirstDay(period), to: null }] : []);
  const attendance = attendanceFor(period, w.hireDate, w.leftDate, paidElsewhere, input.calendar ?? null);
  if (paidElsewhere.length && attendance?.workedDays === '0') return carryOnly(input, state, 'HOST', ['SECONDED_OUT_HOST_PAYS']);
  if (w.employmentType === 'SECONDED_IN' || (w.secondment && w.secondment.direction === 'IN')) return secondedIn(input, state, policy);

  const flags: PayslipFlag[] = [];
  let grade = w.grade;
  let gradeSource: 'REGISTER' | 'DERIVED' = w.gradeDerived ? 'DERIVED' : 'REGISTER';
  if (w.gradeDerived) flags.push('GRADE_DERIVED');
  if (grade === null) {
    grade = entryGrade(policy, w.postBand, w.education, Math.max(0, fullYearsBetween(w.hireDate, periodFirstDay(period)))).grade;
    gradeSource = 'DERIVED';
    flags.push('GRADE_DERIVED');
  }
  if (attendance) flags.push('PRO_RATED');
  if (attendance && paidElsewhere.length) flags.push('SECONDED_OUT_PART_MONTH');
  if (input.arrears.length) flags.push('ARREARS');
  const base = contributionBase(input.wages, input.declaredBase);
  const fed = withFlags(state, state.firstJobOfYear, state.lowIncomeLastYear, state.monthsPaid, deductionMonths(state, month) - 1);
  const r = computeWorkerMonth(
    {
      workerId: String(w.workerId), year, month, band: w.postBand, grade, serviceStartDate: w.hireDate,
      qualificationLevel: w.qualificationLevel, extraBodies: Math.max(0, w.bodiesHeld - 1), shifts: w.hours?.shifts, overtime: w.hours?.overtime,
      attendance: attendance ?? undefined,
      arrears: input.arrears.map((a) => ({ ref: a.refPeriod, label: ARREARS_LABEL(a), amountFen: a.amountFen })),
      contributionBaseFen: base.baseFen,
      housingFundBaseFen: base.housingFundBaseFen,
      specialDeductionsFen: specialDeductionsThisMonth(w, state),
    },
    policy,
    fed,
  );
  flags.push(...r.warnings);
  const lines: PayslipLineOut[] = r.lines;
  lines.push({ kind: 'INFO', code: 'CONTRIBUTION_BASE', label: 'Contribution base (缴费基数)', amount: r.contributionBaseFen, rule: `BASE_${base.source}`, policyRowId: null });
  if (base.housingFundBaseFen !== undefined) lines.push({ kind: 'INFO', code: 'HOUSING_FUND_BASE', label: 'Housing fund base (公积金缴存基数)', amount: base.housingFundBaseFen, rule: 'BASE_DECLARED', policyRowId: null });
  if (gradeSource === 'DERIVED') for (const l of lines) if (l.code === 'BASE') l.derived = true;
  let arrearsIndex = 0;
  for (const l of lines) if (l.code === 'ARREARS') l.refPeriod = input.arrears[arrearsIndex++].refPeriod;
  const taxState = withFlags(r.ytd, state.firstJobOfYear, state.lowIncomeLastYear, state.monthsPaid + 1);
  return settle(input, lines, { gross: r.gross, employee: r.employeeContributions, employer: r.employerContributions, tax: r.tax }, taxState, 'HOME', w.postBand, grade, gradeSource, flags);
}

/**
 * The flags HR set in the register win over the defaults (hired this year; last year's slips), from this slip
 * on: cumulative withholding re-reads the whole year with them, so a flag set in August corrects the year's
 * tax in August. The basic deductions counted before this month follow the flag: January onwards for a first
 * job of the year, else the months paid here (the 60,000 rule counts twelve whatever the count).
 */
function withSetFlags(state: RunTaxState, w: FrozenWorker, month: number): RunTaxState {
  const firstJob = w.taxFlags?.firstJobOfYear ?? state.firstJobOfYear;
  const lowIncome = w.taxFlags?.lowIncomeLastYear ?? state.lowIncomeLastYear;
  if (firstJob === state.firstJobOfYear && lowIncome === state.lowIncomeLastYear) return state;
  return withFlags(state, firstJob, lowIncome, state.monthsPaid, firstJob ? month - 1 : state.monthsPaid);
}

/**
 * What this month adds to the year's special deductions: the year-to-date sum the register gives, less what
 * earlier slips counted. More than one month's worth when a declaration came late (the catch-up cumulative
 * withholding allows); negative when one was withdrawn or ended back in time, so the tax owed is withheld now.
 */
function specialDeductionsThisMonth(w: FrozenWorker, state: RunTaxState): Fen {
  return w.specialDeductionsYtdFen === undefined ? 0n : BigInt(w.specialDeductionsYtdFen) - state.specialDeductions;
}

/** A seconded-in cadre: only the subsidy the policy gives; their home agency pays salary and insurance. */
function secondedIn(input: PayslipInput, state: RunTaxState, policy: PayrollPolicy): PayslipOut {
  const { year, month } = parsePeriod(input.period);
  const sec = compilePolicy(policy).seconded;
  const lines: PayslipLineOut[] = [];
  let gross = 0n;
  if (sec) {
    lines.push({ kind: 'EARNING', code: sec.code, label: sec.label, amount: sec.monthlyFen, rule: 'SECONDED_IN_MONTHLY', policyRowId: sec.id });
    gross = sec.monthlyFen;
  }
  const taxFree = sec?.taxFree ? gross : 0n;
  const next = withFlags(state, state.firstJobOfYear, state.lowIncomeLastYear, state.monthsPaid + 1, deductionMonths(state, month));
  next.lastMonth = month;
  next.specialDeductions = state.specialDeductions + specialDeductionsThisMonth(input.worker, state);
  next.income = state.income + gross;
  next.taxFree = state.taxFree + taxFree;
  const w = withholdThisMonth(next, state.taxWithheld, policy.tax);
  next.taxWithheld += w.tax;
  lines.push({ kind: 'TAX', code: 'IIT', label: 'Individual income tax (个人所得税)', amount: w.tax, rule: 'CUMULATIVE_WITHHOLDING', policyRowId: w.bracketId });
  if (state.year !== year) throw validationError('TAX_STATE_YEAR', 'state.year', 'tax state year mismatch');
  return settle(input, lines, { gross, employee: 0n, employer: 0n, tax: w.tax }, next, 'HOME', null, null, null, ['SECONDED_IN_SUBSIDY_ONLY']);
}

/** Nothing earned here this month: only a recovery still owed is carried on. */
function carryOnly(input: PayslipInput, state: RunTaxState, payer: 'HOME' | 'HOST', flags: PayslipFlag[]): PayslipOut {
  return settle(input, [], { gross: 0n, employee: 0n, employer: 0n, tax: 0n }, state, payer, input.worker.postBand, input.worker.grade, input.worker.grade === null ? null : 'REGISTER', flags);
}

/**
 * Recovery after tax, and the never-negative rule: what is owed is deducted up to the net; a net
 * that would still be negative (a claw-back larger than the month's pay) is paid as 0.00 and the
 * shortfall is carried to the next run, flagged for review.
 */
function settle(
  input: PayslipInput, lines: PayslipLineOut[], t: { gross: Fen; employee: Fen; employer: Fen; tax: Fen }, taxState: RunTaxState,
  payer: 'HOME' | 'HOST', band: string | null, grade: number | null, gradeSource: 'REGISTER' | 'DERIVED' | null, flags: PayslipFlag[],
): PayslipOut {
  const before = t.gross - t.employee - t.tax;
  const owed = input.recoveryOwedFen;
  const available = before > 0n ? before : 0n;
  const recovered = owed < available ? owed : available;
  if (recovered > 0n) lines.push({ kind: 'DEDUCTION', code: 'RECOVERY', label: 'Recovery of an earlier shortfall (追回)', amount: recovered, rule: 'RECOVERY_UP_TO_NET', policyRowId: null });
  const carried = owed - recovered + (before < 0n ? -before : 0n);
  if (carried > 0n) {
    lines.push({ kind: 'INFO', code: 'RECOVERY_CARRIED', label: 'Shortfall carried to the next run (结转下期扣回)', amount: carried, rule: 'NET_NEVER_NEGATIVE', policyRowId: null });
    flags.push('RECOVERY_CARRIED');
  }
  // Net = max(0, gross − employee − tax) − recovered; `before < 0` is exactly the part carried.
  const net = available - recovered;
  return {
    payer, band, grade, gradeSource, lines, gross: t.gross, employeeContributions: t.employee, tax: t.tax, recoveries: recovered, net,
    employerContributions: t.employer, recoveryCarried: carried, flags, taxState,
  };
}

export interface BonusSlipInput extends Omit<PayslipInput, 'arrears'> {
  bonus: { amountFen: Fen; method: BonusMethod };
  /** YEAR_END_BONUS (BONUS runs) or TOP_UP (the year-end top-up, 年终补差: always wages of its month). */
  code?: 'YEAR_END_BONUS' | 'TOP_UP';
}

/**
 * A BONUS run's slip: the year-end bonus alone. Taxed separately (bonus ÷ 12 picks the monthly
 * table's row) only if the worker has not used the separate option this year (财税〔2018〕164号:
 * once per taxpayer per year) and the option is still allowed; otherwise merged into the month's
 * cumulative withholding, and the line says why. No contributions; the month's basic deduction
 * is left to the regular slip, so `lastMonth` does not move.
 */
export function computeBonusSlip(input: BonusSlipInput, policy: PayrollPolicy): PayslipOut {
  const { period, worker: w, bonus } = input;
  const { year } = parsePeriod(period);
  const state = input.state ?? initialTaxState(year, { firstJobOfYear: w.hireDate.slice(0, 4) === String(year), lowIncomeLastYear: input.lowIncomeLastYear });
  const full = { ...input, arrears: [] };
  if (w.secondment && w.secondment.direction === 'OUT' && w.secondment.payer === 'HOST') return carryOnly(full, state, 'HOST', ['SECONDED_OUT_HOST_PAYS']);
  if (w.employmentType === 'SECONDED_IN' || (w.secondment && w.secondment.direction === 'IN')) return carryOnly(full, state, 'HOME', ['SECONDED_IN_NO_BONUS']);
  const topUp = input.code === 'TOP_UP';
  const separate = !topUp && bonus.method === 'SEPARATE' && !state.separateBonusUsed && separateBonusAllowed(policy.bonusTax, `${period}-01`);
  const rule = topUp ? 'TOP_UP_MERGED' : separate ? 'BONUS_SEPARATE' : bonus.method === 'SEPARATE' ? 'BONUS_MERGED_SEPARATE_ALREADY_USED' : 'BONUS_MERGED';
  const lines: PayslipLineOut[] = [
    topUp
      ? { kind: 'EARNING', code: 'TOP_UP', label: 'Year-end top-up (年终补差)', amount: bonus.amountFen, rule, policyRowId: null }
      : { kind: 'EARNING', code: 'YEAR_END_BONUS', label: 'Year-end bonus (年终奖)', amount: bonus.amountFen, rule, policyRowId: null },
  ];
  const next = withFlags(state, state.firstJobOfYear, state.lowIncomeLastYear, state.monthsPaid);
  let tax: Fen;
  if (separate) {
    const bt = separateBonusTax(bonus.amountFen, policy.bonusTax);
    tax = bt.tax;
    next.separateBonusUsed = true;
    next.separateBonusTax += bt.tax;
    lines.push({ kind: 'TAX', code: 'IIT_BONUS', label: 'Tax on year-end bonus (全年一次性奖金个税)', amount: bt.tax, rule: 'BONUS_SEPARATE_MONTHLY_TABLE', policyRowId: bt.bracketId });
  } else {
    next.income += bonus.amountFen;
    const wh = withholdThisMonth(next, state.taxWithheld, policy.tax);
    tax = wh.tax;
    next.taxWithheld += wh.tax;
    lines.push({ kind: 'TAX', code: 'IIT', label: 'Individual income tax (个人所得税)', amount: wh.tax, rule: 'CUMULATIVE_WITHHOLDING', policyRowId: wh.bracketId });
  }
  return settle(full, lines, { gross: bonus.amountFen, employee: 0n, employer: 0n, tax }, next, 'HOME', w.postBand, w.grade, w.grade === null ? null : 'REGISTER', separate || topUp ? [] : ['BONUS_MERGED']);
}
