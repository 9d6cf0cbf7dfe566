/**
 * Bank files: one CSV per paying account of the run's scope. Line 1 is the header
 * `account,name,amount,reference`; then one line per payee with a positive net; the last line is
 * the trailer `TOTAL,<count>,<sum>`. Lines end with CRLF (what bank upload portals expect).
 */
import { formatMoney, type Fen } from '@cws/kernel';
import { byPlace, type OutputPayslip } from './output-payslip';
import { csvField } from './safe-text';

export interface PayingAccount {
  /** District (6 digits) or street (9) the account pays for; the most specific one wins. */
  orgCode: string;
  account: string;
  name: string;
}

export interface BankFile {
  payingAccount: string;
  payingAccountName: string;
  count: number;
  totalFen: Fen;
  /** Payees of this paying account with a positive net but no bank account on file: not in the file, to pay by hand. */
  missingAccounts: Array<{ payslipId: string; workerId: number; netFen: Fen }>;
  csv: string;
}

export const BANK_FILE_HEADER = 'account,name,amount,reference';

export function payingAccountFor(accounts: PayingAccount[], districtCode: string, streetCode: string): PayingAccount | null {
  return accounts.find((a) => a.orgCode === streetCode) ?? accounts.find((a) => a.orgCode === districtCode) ?? null;
}

/** The reference a payee's line carries: the run and the payslip, so a bank return can be matched. */
export const bankReference = (runId: string, payslipId: string): string => `payroll-run:${runId}:payslip:${payslipId}`;

/**
 * Groups the home-paid slips with a positive net by paying account. A slip whose place has no
 * paying account is returned in `unassigned` (the caller refuses: money must not silently vanish).
 */
export function buildBankFiles(runId: string, slips: OutputPayslip[], accounts: PayingAccount[]): { files: BankFile[]; unassigned: OutputPayslip[] } {
  const files = new Map<string, BankFile & { lines: string[] }>();
  const unassigned: OutputPayslip[] = [];
  for (const s of [...slips].sort(byPlace)) {
    if (s.payer !== 'HOME' || s.netFen <= 0n) continue;
    const paying = payingAccountFor(accounts, s.districtCode, s.streetCode);
    if (!paying) {
      unassigned.push(s);
      continue;
    }
    let f = files.get(paying.account);
    if (!f) {
      f = { payingAccount: paying.account, payingAccountName: paying.name, count: 0, totalFen: 0n, missingAccounts: [], csv: '', lines: [BANK_FILE_HEADER] };
      files.set(paying.account, f);
    }
    if (!s.bankAccount) {
      f.missingAccounts.push({ payslipId: s.id, workerId: s.workerId, netFen: s.netFen });
      continue;
    }
    f.lines.push([csvField(s.bankAccount), csvField(s.name), formatMoney(s.netFen), csvField(bankReference(runId, s.id))].join(','));
    f.count++;
    f.totalFen += s.netFen;
  }
  const out = [...files.values()].sort((a, b) => (a.payingAccount < b.payingAccount ? -1 : 1)).map(({ lines, ...f }) => ({
    ...f,
    csv: [...lines, `TOTAL,${f.count},${formatMoney(f.totalFen)}`].join('\r\n') + '\r\n',
  }));
  return { files: out, unassigned };
}
