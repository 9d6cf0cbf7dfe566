/**
 * CORRECTION runs (冲正重发): a wrongly paid slip is never edited. A correction run holds, per
 * worker, a REVERSAL slip (every line and total of the corrected slip negated) and a REISSUE slip
 * (the period recomputed from today's inputs), so the pair's sums are exactly the difference.
 * Pure: the app fetches the corrected slip and the worker's settled history and stores the pair.
 */
import type { Fen } from '@cws/kernel';
import type { PayslipFlag, PayslipLineOut, PayslipOut } from './payslip';
import type { RunTaxState } from './tax-state';

/** The settled slip a correction reverses (the regular slip, or the re-issue of an earlier correction). */
export type CorrectedSlip = Omit<PayslipOut, 'recoveryCarried' | 'flags' | 'taxState'> & {
  /** Its stored tax state (null for a slip that had none, e.g. a failed one). */
  taxState: RunTaxState | null;
};

export interface CorrectionInput {
  corrected: CorrectedSlip;
  /**
   * The period recomputed now, from the same starting state as the corrected slip, with the
   * corrected slip's arrears items and `recoveryOwedFen` = what the corrected slip recovered
   * (so the pair leaves the recovery balance as it was, unless the new pay cannot carry it).
   */
  reissue: PayslipOut;
  /** The worker's tax state after their latest settled slip of the period's year (any period), null = none. */
  latestState: RunTaxState | null;
  /** The recovery balance after the worker's latest settled slip (what the next run would deduct). */
  latestRecoveryBalanceFen: Fen;
  /** Earning codes the policy makes tax-free (their sum is the slip's tax-free income). */
  taxFreeCodes: ReadonlySet<string>;
}

export interface CorrectionPair {
  reversal: Omit<PayslipOut, 'taxState'> & { taxState: null };
  reissue: PayslipOut;
  /** Net paid now by the pair (≥ 0 is paid by the bank file; < 0 is an overpayment carried as a recovery). */
  differenceFen: Fen;
}

/** The only lines in no total: recomputed for the pair, never negated. */
const isInfo = (l: PayslipLineOut) => l.kind === 'INFO';

/** Every line and total negated; INFO lines (in no total) are left out. */
export function reversalOf(s: CorrectedSlip): CorrectionPair['reversal'] {
  return {
    payer: s.payer, band: s.band, grade: s.grade, gradeSource: s.gradeSource,
    lines: s.lines.filter((l) => !isInfo(l)).map((l) => ({ ...l, amount: -l.amount, rule: `REVERSAL_OF_${l.rule}`.slice(0, 60) })),
    gross: -s.gross, employeeContributions: -s.employeeContributions, tax: -s.tax, recoveries: -s.recoveries, net: -s.net,
    employerContributions: -s.employerContributions, recoveryCarried: 0n, flags: ['REVERSAL'], taxState: null,
  };
}

/**
 * The YTD amounts this correction adds to the withholding state, from the two slips' own amounts (a
 * monthly slip adds its gross to income, its tax-free earnings to tax-free income, its contributions
 * and its withheld tax) — not from their stored states, which for a corrected re-issue is already a
 * later month's state plus an earlier difference.
 */
function ytdDelta(reissue: PayslipOut, corrected: CorrectedSlip, taxFreeCodes: ReadonlySet<string>) {
  const taxFree = (lines: PayslipLineOut[]) => lines.reduce((t, l) => (l.kind === 'EARNING' && taxFreeCodes.has(l.code) ? t + l.amount : t), 0n);
  return {
    income: reissue.gross - corrected.gross,
    taxFree: taxFree(reissue.lines) - taxFree(corrected.lines),
    employeeContributions: reissue.employeeContributions - corrected.employeeContributions,
    taxWithheld: reissue.tax - corrected.tax,
  };
}

/**
 * The pair. Tax: the re-issue's withholding is the period's own (cumulative up to that month, as the
 * corrected slip was); the state it leaves is the worker's **latest** settled state plus the
 * difference in income, contributions, deductions and tax withheld, so the next run's cumulative
 * withholding counts the corrected amounts (and trues up any later month withheld on the old ones).
 * (Special and other deductions are not applied by runs, so they do not move.)
 * Recovery: a negative difference is not taken from the bank: it is added to the recovery balance
 * (RECOVERY_CARRIED), which the next run deducts up to its net, like any shortfall.
 */
export function correctionPair(input: CorrectionInput): CorrectionPair {
  const { corrected, latestState } = input;
  const reversal = reversalOf(corrected);
  const r = input.reissue;
  const difference = r.net - corrected.net;
  // What the re-issue itself could not recover or pay (settle's own carry), plus an overpayment.
  const carriedHere = r.recoveryCarried + (difference < 0n ? -difference : 0n);
  const lines = r.lines.filter((l) => !isInfo(l));
  const flags: PayslipFlag[] = r.flags.filter((f) => f !== 'RECOVERY_CARRIED');
  if (carriedHere > 0n) {
    lines.push({ kind: 'INFO', code: 'RECOVERY_CARRIED', label: 'Overpayment carried to the next run (多发结转下期扣回)', amount: carriedHere, rule: 'CORRECTION_OVERPAID', policyRowId: null });
    flags.push('RECOVERY_CARRIED');
  }
  flags.push('REISSUE');
  let taxState = r.taxState;
  if (latestState && latestState.year === r.taxState.year) {
    const d = ytdDelta(r, corrected, input.taxFreeCodes);
    taxState = {
      ...latestState, income: latestState.income + d.income, taxFree: latestState.taxFree + d.taxFree,
      employeeContributions: latestState.employeeContributions + d.employeeContributions, taxWithheld: latestState.taxWithheld + d.taxWithheld,
    };
  }
  return {
    reversal,
    reissue: { ...r, lines, flags, taxState, recoveryCarried: input.latestRecoveryBalanceFen + carriedHere },
    differenceFen: difference,
  };
}
