import { Injectable } from '@nestjs/common';
import { PostExpenditureJob, type CostPosting } from '@cws/budget-contracts';
import { CITY_SCOPE, DomainError, formatMoney } from '@cws/kernel';
import { buildCostPostings, combineCorrectionPairs, missingCostStreams, type CostStreamRule, type RunCostPosting } from '@cws/payroll-engine';
import { OutboxService } from '@cws/messaging';
import type { EntityManager } from 'typeorm';
import { PolicyService } from '../policy/policy.service';
import { PayrollRunChunkRepository } from '../runs/payroll-run-chunk.repository';
import type { PayrollRunEntity } from '../runs/payroll-run.entities';
import { PayslipRepository } from '../runs/payslip.repository';
import { toOutputPayslip } from './run-slips.reader';

const PAGE = 5000;
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
    const slips = [];
    let after: string | undefined;
    for (;;) {
      const page = await this.payslips.computedPage(run.id, CITY_SCOPE, after, PAGE, m);
      // Account numbers are not needed here: leave them encrypted (never decrypted for postings).
      for (const s of page) slips.push(toOutputPayslip({ ...s, bankAccount: null }, () => ''));
      if (page.length < PAGE) break;
      after = String(page[page.length - 1].id);
    }
    // A CORRECTION run posts each worker's difference (reversal + re-issue), not the two slips.
    return buildCostPostings(run.id, run.type === 'CORRECTION' ? combineCorrectionPairs(slips) : slips, (id) => bodies.get(id) ?? null, rules);
  }

  /** Called by RunPaidHook inside the PAY transaction. */
  async enqueue(m: EntityManager, run: PayrollRunEntity): Promise<number> {
    const postings = await this.postingsOf(m, run);
    const year = Number(run.period.slice(0, 4));
    for (const p of postings) {
      const cost: CostPosting = {
        source: 'PAYROLL', sourceRef: p.sourceRef, fiscalYear: year, funder: p.funder, stream: p.stream as CostPosting['stream'],
        communityCode: p.communityCode, streetCode: p.streetCode, districtCode: p.districtCode, amount: formatMoney(p.amountFen),
        category: p.part === 'WAGES' ? 'PAYROLL_WAGES' : 'PAYROLL_EMPLOYER',
        description: `${run.period} 社区工作者${PART_LABEL[p.part]} (${run.type} run ${run.id}, ${p.workers} workers)`.slice(0, 200),
      };
      await this.outbox.add(m, PostExpenditureJob, cost);
    }
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
