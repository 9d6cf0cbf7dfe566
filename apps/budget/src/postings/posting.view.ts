/** A posting as the API shows it: amounts as decimal strings. */
import { fromDb, money } from '../common/money';
import type { balanceOf } from '../allocations/allocation.view';
import type { PostingEntity } from './posting.entity';

export type PostingView = ReturnType<typeof toPostingView> & { ledgerEntryIds: string[]; balanceAfter: ReturnType<typeof balanceOf> };

export function toPostingView(x: PostingEntity) {
  return {
    id: x.id,
    kind: x.kind,
    allocationId: x.allocationId,
    counterAllocationId: x.counterAllocationId,
    fiscalYear: x.fiscalYear,
    funder: x.funder,
    stream: x.stream,
    districtCode: x.districtCode,
    streetCode: x.streetCode,
    communityCode: x.communityCode,
    amount: money(fromDb(x.amount)),
    category: x.category,
    description: x.description,
    source: x.source,
    sourceRef: x.sourceRef,
    commitmentId: x.commitmentId,
    settled: money(fromDb(x.settled)),
    reversesId: x.reversesId,
    reason: x.reason,
    taskRef: x.taskRef,
    overrideReason: x.overrideReason,
    createdBy: x.createdBy,
    createdByName: x.createdByName,
    createdAt: x.createdAt.toISOString(),
  };
}
