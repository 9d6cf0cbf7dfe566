/**
 * From engine results to stored payslip rows, and from a worker's settled history to the state a
 * new slip starts from. Shared by the regular computation and the CORRECTION computation.
 */
import { DomainError, type Fen, formatMoney } from '@cws/kernel';
import { decodeTaxState, encodeTaxState, type FrozenWorker, type PayslipFlag, type PayslipOut, type RunTaxState } from '@cws/payroll-engine';
import { encodeLines } from './line-items';
import type { SlipKind } from './payroll-run.entities';
import type { PayslipRow, SettledSlip } from './payslip.repository';

const SIXTY_THOUSAND: Fen = 6_000_000n;

export function groupByWorker(rows: SettledSlip[]): Map<number, SettledSlip[]> {
  const out = new Map<number, SettledSlip[]>();
  for (const r of rows) {
    let list = out.get(r.workerId);
    if (!list) out.set(r.workerId, (list = []));
    list.push(r);
  }
  return out;
}

const parseState = (s: SettledSlip): RunTaxState | null => (s.taxState ? decodeTaxState(s.taxState) : null);

/**
 * The tax state after the latest settled slip of `year` (history is in settlement order). A
 * REVERSAL slip has no state; a correction's REISSUE carries the corrected year-to-date state.
 * `only` narrows the history (a correction's re-issue starts where the corrected slip started).
 */
export function stateOfYear(history: SettledSlip[], year: number, only?: (s: SettledSlip) => boolean): RunTaxState | null {
  for (let i = history.length - 1; i >= 0; i--) {
    if (only && !only(history[i])) continue;
    const s = parseState(history[i]);
    if (s && s.year === year) return s;
  }
  return null;
}

/** The recovery balance after the latest settled slip (any year; a REVERSAL's balance is its pair's REISSUE's). */
export function recoveryOwed(history: SettledSlip[]): Fen {
  for (let i = history.length - 1; i >= 0; i--) if (history[i].slipKind !== 'REVERSAL') return decimalFen(history[i].recoveryCarried);
  return 0n;
}

/** 公告2020年第13号: paid all twelve months of last year here, with income ≤ 60,000. */
export function lowIncomeLastYear(history: SettledSlip[], year: number): boolean {
  let last: RunTaxState | null = null;
  for (const h of history) if (Number(h.period.slice(0, 4)) === year - 1) last = parseState(h) ?? last;
  return !!last && last.lastMonth === 12 && last.monthsPaid === 12 && last.income <= SIXTY_THOUSAND;
}

export function decimalFen(s: string): Fen {
  const neg = s.startsWith('-');
  const [w, f = ''] = (neg ? s.slice(1) : s).split('.');
  const v = BigInt(w || '0') * 100n + BigInt((f + '00').slice(0, 2));
  return neg ? -v : v;
}

export interface SlipPlace {
  runId: string;
  period: string;
  generation: number;
  chunkNo: number;
  slipKind?: SlipKind;
  correctsPayslipId?: string | null;
}

function base(at: SlipPlace, w: FrozenWorker) {
  return {
    runId: at.runId, workerId: w.workerId, slipKind: at.slipKind ?? 'REGULAR', correctsPayslipId: at.correctsPayslipId ?? null, period: at.period,
    generation: at.generation, chunkNo: at.chunkNo, districtCode: w.districtCode, streetCode: w.streetCode, communityCode: w.communityCode,
    workerName: w.name, bankAccount: w.bankAccountEnc,
  };
}

export function computedRow(at: SlipPlace, w: FrozenWorker, s: Omit<PayslipOut, 'taxState'> & { taxState: RunTaxState | null }): PayslipRow {
  return {
    ...base(at, w),
    status: 'COMPUTED', failureCode: null, failureMessage: null, band: s.band, grade: s.grade, gradeSource: s.gradeSource, payer: s.payer,
    gross: formatMoney(s.gross), employeeContributions: formatMoney(s.employeeContributions), tax: formatMoney(s.tax), recoveries: formatMoney(s.recoveries),
    net: formatMoney(s.net), employerContributions: formatMoney(s.employerContributions), recoveryCarried: formatMoney(s.recoveryCarried),
    flags: s.flags.join(',').slice(0, 255),
    lines: encodeLines(s.lines),
    taxState: s.taxState ? encodeTaxState(s.taxState) : null,
  };
}

export function failedRow(at: SlipPlace, w: FrozenWorker, e: unknown): PayslipRow {
  const code = e instanceof DomainError ? e.code : 'COMPUTATION_FAILED';
  const detail = e instanceof DomainError && e.details[0] ? ` (${e.details[0].path}: ${e.details[0].issue})` : '';
  return {
    ...base(at, w),
    status: 'FAILED', failureCode: code.slice(0, 60), failureMessage: `${e instanceof Error ? e.message : String(e)}${detail}`.slice(0, 500),
    band: w.postBand, grade: w.grade, gradeSource: w.grade === null ? null : 'REGISTER', payer: 'HOME', gross: '0.00', employeeContributions: '0.00', tax: '0.00',
    recoveries: '0.00', net: '0.00', employerContributions: '0.00', recoveryCarried: '0.00', flags: 'FAILED' satisfies PayslipFlag, lines: null, taxState: null,
  };
}
