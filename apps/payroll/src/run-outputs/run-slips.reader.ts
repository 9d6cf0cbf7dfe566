import { Injectable } from '@nestjs/common';
import { parseMoney, type Principal } from '@cws/kernel';
import { combineCorrectionPairs, type OutputPayslip } from '@cws/payroll-engine';
import type { PayslipLine } from '@cws/payroll-contracts';
import { PiiCipher } from '@cws/persistence';
import type { EntityManager } from 'typeorm';
import { PayrollRunReadsService } from '../runs/payroll-run-reads.service';
import type { PayrollRunEntity, PayslipEntity } from '../runs/payroll-run.entities';
import { PayslipRepository } from '../runs/payslip.repository';

const PAGE = 5000;
const fen = (s: string) => parseMoney(s, { allowNegative: true });

/** A stored payslip as the output builders read it: fen amounts, parsed lines, the account decrypted (or null). */
export function toOutputPayslip(s: PayslipEntity, decrypt: (enc: string) => string): OutputPayslip {
  const lines: PayslipLine[] = s.lines ? JSON.parse(s.lines) : [];
  return {
    id: String(s.id), workerId: Number(s.workerId), name: s.workerName, districtCode: s.districtCode, streetCode: s.streetCode, communityCode: s.communityCode,
    bankAccount: s.bankAccount ? decrypt(s.bankAccount) : null,
    payer: s.payer, grossFen: fen(s.gross), employeeContributionsFen: fen(s.employeeContributions), taxFen: fen(s.tax), recoveriesFen: fen(s.recoveries),
    netFen: fen(s.net), employerContributionsFen: fen(s.employerContributions),
    lines: lines.map((l) => ({ kind: l.kind, code: l.code, label: l.label, amountFen: fen(l.amount), refPeriod: l.refPeriod })),
    slipKind: s.slipKind,
  };
}

/**
 * The run and its computed payslips within the caller's scope: a run outside the scope is 404
 * (PayrollRunReadsService.runInScope), so every output route answers 404 for another district's run.
 */
@Injectable()
export class RunSlipsReader {
  constructor(
    private readonly cipher: PiiCipher,
    private readonly payslips: PayslipRepository,
    private readonly reads: PayrollRunReadsService,
  ) {}

  run(p: Principal, runId: string): Promise<PayrollRunEntity> {
    return this.reads.runInScope(p, runId);
  }

  /**
   * Every computed slip of the run the principal may see, keyset-paged from the table. A CORRECTION
   * run's outputs show the difference only: each worker's reversal and re-issue become one slip.
   */
  async slips(p: Principal, run: PayrollRunEntity, manager?: EntityManager): Promise<OutputPayslip[]> {
    const out: OutputPayslip[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await this.payslips.computedPage(run.id, p.scope, after, PAGE, manager);
      for (const s of page) out.push(toOutputPayslip(s, (enc) => this.cipher.decrypt(enc)));
      if (page.length < PAGE) return run.type === 'CORRECTION' ? combineCorrectionPairs(out) : out;
      after = String(page[page.length - 1].id);
    }
  }
}
