/**
 * A computed payslip as the run outputs (register, bank files, declarations, cost postings, PDF)
 * read it: plain data with money in fen. The app maps its stored payslips to this shape once.
 */
import type { Fen } from '@cws/kernel';

export interface OutputLine {
  kind: 'EARNING' | 'EMPLOYEE_CONTRIBUTION' | 'EMPLOYER_CONTRIBUTION' | 'TAX' | 'DEDUCTION' | 'INFO' | string;
  code: string;
  label: string;
  amountFen: Fen;
  refPeriod?: string;
}

export interface OutputPayslip {
  id: string;
  workerId: number;
  name: string;
  districtCode: string;
  streetCode: string;
  communityCode: string;
  /** Plain account number (decrypted by the app), or null when none is on file. */
  bankAccount: string | null;
  /** HOST: a seconded-out worker the host pays — nothing is paid, declared or posted here. */
  payer: 'HOME' | 'HOST';
  grossFen: Fen;
  employeeContributionsFen: Fen;
  taxFen: Fen;
  recoveriesFen: Fen;
  netFen: Fen;
  employerContributionsFen: Fen;
  lines: OutputLine[];
  /** CORRECTION runs: REVERSAL or REISSUE (one of each per worker); absent or REGULAR otherwise. */
  slipKind?: string;
}

/** Orders slips by place then worker: the order of every output. */
export function byPlace(a: OutputPayslip, b: OutputPayslip): number {
  if (a.districtCode !== b.districtCode) return a.districtCode < b.districtCode ? -1 : 1;
  if (a.streetCode !== b.streetCode) return a.streetCode < b.streetCode ? -1 : 1;
  if (a.communityCode !== b.communityCode) return a.communityCode < b.communityCode ? -1 : 1;
  return a.workerId - b.workerId;
}

/** Σ of one kind's lines with a code. */
export function lineSum(slip: OutputPayslip, kind: string, code: string): Fen {
  let s = 0n;
  for (const l of slip.lines) if (l.kind === kind && l.code === code) s += l.amountFen;
  return s;
}

/**
 * A CORRECTION run's outputs show only the difference: each worker's REVERSAL and REISSUE slips
 * become one slip whose amounts (and lines, by kind, code and reference period) are the sums; a
 * line summing to zero is left out. The REISSUE's id is the one kept (bank references name it).
 */
export function combineCorrectionPairs(slips: OutputPayslip[]): OutputPayslip[] {
  const byWorker = new Map<number, OutputPayslip>();
  for (const s of slips) {
    const seen = byWorker.get(s.workerId);
    if (!seen) {
      byWorker.set(s.workerId, { ...s, lines: s.lines.map((l) => ({ ...l })) });
      continue;
    }
    const keep = s.slipKind === 'REISSUE' ? s : seen;
    const lines = new Map<string, OutputLine>();
    for (const l of [...seen.lines, ...s.lines]) {
      const key = `${l.kind}|${l.code}|${l.refPeriod ?? ''}`;
      const had = lines.get(key);
      if (had) had.amountFen += l.amountFen;
      else lines.set(key, { ...l });
    }
    byWorker.set(s.workerId, {
      ...keep, payer: seen.payer === 'HOME' || s.payer === 'HOME' ? 'HOME' : 'HOST', slipKind: 'DIFFERENCE',
      grossFen: seen.grossFen + s.grossFen, employeeContributionsFen: seen.employeeContributionsFen + s.employeeContributionsFen, taxFen: seen.taxFen + s.taxFen,
      recoveriesFen: seen.recoveriesFen + s.recoveriesFen, netFen: seen.netFen + s.netFen, employerContributionsFen: seen.employerContributionsFen + s.employerContributionsFen,
      lines: [...lines.values()].filter((l) => l.amountFen !== 0n),
    });
  }
  return [...byWorker.values()];
}
