import { Injectable } from '@nestjs/common';
import type { Principal } from '@cws/kernel';
import type { WorkforceChangeView } from '@cws/payroll-contracts';
import type { WorkforceChangesQueryDto } from './workforce-changes.dto';
import type { WorkforceChangeEntity } from './workforce-change.entity';
import { WorkforceChangeRepository } from './workforce-change.repository';
import { visibleRow } from '@cws/platform';

/** Reads the recorded workforce changes, filtered by the caller's scope (outside it = not there). */
@Injectable()
export class WorkforceChangesService {
  constructor(private readonly changes: WorkforceChangeRepository) {}

  async list(p: Principal, q: WorkforceChangesQueryDto): Promise<{ items: WorkforceChangeView[]; nextAfter: string | null }> {
    const page = await this.changes.page(p.scope, { ...q, limit: q.limit ?? 500 });
    return { items: page.items.map(viewOf), nextAfter: page.nextAfter };
  }

  async get(p: Principal, id: string): Promise<WorkforceChangeView> {
    return viewOf(visibleRow(p, await this.changes.findById(id), 'workforce_change', id));
  }
}

function viewOf(c: WorkforceChangeEntity): WorkforceChangeView {
  return {
    id: String(c.id),
    eventName: c.eventName,
    workerId: Number(c.workerId),
    districtCode: c.districtCode,
    streetCode: c.streetCode,
    communityCode: c.communityCode,
    effectiveDate: c.effectiveDate,
    payload: typeof c.payload === 'string' ? JSON.parse(c.payload) : c.payload,
    receivedAt: c.receivedAt.toISOString(),
  };
}
