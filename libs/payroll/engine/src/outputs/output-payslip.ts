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
