import { Injectable } from '@nestjs/common';
import { PostExpenditureJob, type CostPosting } from '@cws/budget-contracts';
import { DomainError, formatMoney, parseMoney } from '@cws/kernel';
import { buildCostPostings, combineCorrectionPairs, missingCostStreams, type CostStreamRule, type OutputPayslip, type RunCostPosting } from '@cws/payroll-engine';
import { OutboxService } from '@cws/messaging';
import type { EntityManager } from 'typeorm';
import { PolicyService } from '../policy/policy.service';
import { PayrollRunChunkRepository } from '../runs/payroll-run-chunk.repository';
import type { PayrollRunEntity } from '../runs/payroll-run.entities';
import { PayslipRepository } from '../runs/payslip.repository';

const PAGE = 10000;
const fen = (s: string) => parseMoney(s, { allowNegative: true });
const PART_LABEL = { WAGES: '工资 wages', EMPLOYER: '单位社保公积金 employer contributions' } as const;

/**
 * The cost of a paid run, posted to the budget service by funding stream: one outbox row per
 * (funder, stream, community, wages | employer contributions), written in the transaction that
 * marks the run PAID — so they are sent if and only if the run is paid, and the relay delivers
 * them to budget's `budget-postings` queue at least once. The budget books each source reference
 * (`payroll-run:<id>:…`) once, so a redelivery is a DUPLICATE, never a second posting.
 */
@Injectable()
export class RunCostPostingsService {
  constructor(
    private readonly chunks: PayrollRunChunkRepository,
    private readonly outbox: OutboxService,
    private readonly payslips: PayslipRepository,
    private readonly policy: PolicyService,
  ) {}

  /** The postings of a run, as they will be (or were) sent. */
  async postingsOf(m: EntityManager, run: PayrollRunEntity): Promise<RunCostPosting[]> {
    const bodies = new Map<number, string | null>();
    for await (const chunk of this.chunks.frozenWorkers(run.id, run.generation, m)) for (const w of chunk) bodies.set(w.workerId, w.primaryBody ?? null);
    const rules = await this.streams(run);
    const missing = missingCostStreams(rules, bodies.values());
    if (missing.length) {
      throw new DomainError('UNPROCESSABLE', 'COST_STREAM_MISSING', `no budget stream is mapped for ${missing.join(', ')}: add COST_STREAM policy rows (or a DEFAULT one)`,
        missing.map((path) => ({ path, issue: 'no row in force at the end of the period' })));
    }
    // Only the amounts posted, paged by id: no lines, no names, no accounts (this runs inside the PAY transaction).
    const slips: OutputPayslip[] = [];
    let after = '0';
    for (;;) {
      const page = await this.payslips.costPage(m, run.id, after, PAGE);
      for (const s of page) {
        slips.push({
          id: s.id, workerId: s.workerId, name: '', districtCode: s.districtCode, streetCode: s.streetCode, communityCode: s.communityCode, bankAccount: null,
          payer: s.payer, grossFen: fen(s.gross), employeeContributionsFen: 0n, taxFen: 0n, recoveriesFen: 0n, netFen: 0n,
          employerContributionsFen: fen(s.employerContributions), lines: [], slipKind: s.slipKind,
        });
      }
      if (page.length < PAGE) break;
      after = page[page.length - 1].id;
    }
    // A CORRECTION run posts each worker's difference (reversal + re-issue), not the two slips; a lowered one is a
    // refund naming the corrected run's posting, so the budget gives the money back where it was paid from.
    return run.type === 'CORRECTION'
      ? buildCostPostings(run.id, combineCorrectionPairs(slips), (id) => bodies.get(id) ?? null, rules, run.correctsRunId)
      : buildCostPostings(run.id, slips, (id) => bodies.get(id) ?? null, rules);
  }

  /** Called by RunPaidHook inside the PAY transaction. */
  async enqueue(m: EntityManager, run: PayrollRunEntity): Promise<number> {
    const postings = await this.postingsOf(m, run);
    const year = Number(run.period.slice(0, 4));
    // One multi-row INSERT per 1,000 outbox rows (a city run has ≈ 8,000 postings per 20,000 workers: one INSERT each took minutes under load).
    const costs: CostPosting[] = postings.map((p) => ({
      source: 'PAYROLL', sourceRef: p.sourceRef, fiscalYear: year, funder: p.funder, stream: p.stream as CostPosting['stream'],
      communityCode: p.communityCode, streetCode: p.streetCode, districtCode: p.districtCode, amount: formatMoney(p.amountFen),
      category: p.part === 'WAGES' ? 'PAYROLL_WAGES' : 'PAYROLL_EMPLOYER',
      description: `${run.period} 社区工作者${PART_LABEL[p.part]} (${run.type} run ${run.id}, ${p.workers} workers)`.slice(0, 200),
      ...(p.refundOf ? { refundOf: p.refundOf } : {}),
    }));
    await this.outbox.addMany(m, PostExpenditureJob, costs);
    return postings.length;
  }

  private async streams(run: PayrollRunEntity): Promise<CostStreamRule[]> {
    const [y, mo] = run.period.split('-').map(Number);
    const date = `${run.period}-${String(new Date(Date.UTC(y, mo, 0)).getUTCDate()).padStart(2, '0')}`;
    const rows = await this.policy.rowsFor(y, date);
    return rows
      .filter((r) => r.kind === 'COST_STREAM' && r.validFrom <= date && (r.validTo === null || r.validTo >= date))
      .map((r) => ({ bodyKind: String(r.data.bodyKind), stream: String(r.data.stream), funder: r.data.funder === 'CITY' ? 'CITY' : 'DISTRICT' }));
  }
}
