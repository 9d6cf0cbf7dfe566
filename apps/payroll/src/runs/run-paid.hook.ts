import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RunCostPostingsService } from '../run-outputs/run-cost-postings.service';
import type { PayrollRunEntity } from './payroll-run.entities';

/**
 * Called inside the transaction that marks a run PAID, after the status change and before the
 * commit: the place for work that must happen exactly once with the payment — the cost postings
 * to the budget service (an outbox row per posting, `OutboxService.add(m, …)`), so they are sent
 * if and only if the run is paid. Throwing rolls the payment back.
 */
@Injectable()
export class RunPaidHook {
  constructor(private readonly costs: RunCostPostingsService) {}

  async onPaid(m: EntityManager, run: PayrollRunEntity): Promise<void> {
    await this.costs.enqueue(m, run);
  }
}
