import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { notFound, type Principal } from '@cws/kernel';
import { applyScope, keysetPage } from '@cws/persistence';
import type { WorkforceChangeView } from '@cws/payroll-contracts';
import type { WorkforceChangesQueryDto } from './workforce-changes.dto';
import { WorkforceChangeEntity } from './workforce-change.entity';
import { assertVisible } from '@cws/platform';

/** Reads the recorded workforce changes, filtered by the caller's scope (outside it = not there). */
@Injectable()
export class WorkforceChangesService {
  constructor(private readonly dataSource: DataSource) {}

  async list(p: Principal, q: WorkforceChangesQueryDto): Promise<{ items: WorkforceChangeView[]; nextAfter: string | null }> {
    const limit = q.limit ?? 500;
    const qb = this.dataSource.getRepository(WorkforceChangeEntity).createQueryBuilder('c');
    if (q.workerId) qb.andWhere('c.workerId = :workerId', { workerId: q.workerId });
    if (q.since) qb.andWhere('c.receivedAt >= :since', { since: new Date(q.since) });
    applyScope(qb, p.scope, { district: 'c.districtCode', street: 'c.streetCode' });
    const page = await keysetPage(qb, { column: 'c.id', after: q.after, limit, keyOf: (c) => c.id });
    return { items: page.items.map(viewOf), nextAfter: page.nextAfter };
  }

  async get(p: Principal, id: string): Promise<WorkforceChangeView> {
    const row = await this.dataSource.getRepository(WorkforceChangeEntity).findOneBy({ id });
    if (!row) throw notFound('workforce_change', id);
    assertVisible(p, row.districtCode, row.streetCode, 'workforce_change', id);
    return viewOf(row);
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
