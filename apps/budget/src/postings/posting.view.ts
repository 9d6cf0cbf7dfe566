/** A posting as the API shows it: amounts as decimal strings. */
import type { FundingStream, PostingSource, PostingView } from '@cws/budget-contracts';
import { moneyFromDb } from '../common/money';
import type { PostingEntity } from './posting.entity';

export type { PostingView };

/** Typed by the contract (@cws/budget-contracts Posting), less what the write adds. */
export function toPostingView(x: PostingEntity): Omit<PostingView, 'ledgerEntryIds' | 'balanceAfter'> {
  return {
    id: x.id,
    kind: x.kind,
    allocationId: x.allocationId,
    counterAllocationId: x.counterAllocationId,
    fiscalYear: x.fiscalYear,
    funder: x.funder,
    stream: x.stream as FundingStream,
    districtCode: x.districtCode,
    streetCode: x.streetCode,
    communityCode: x.communityCode,
    amount: moneyFromDb(x.amount),
    category: x.category,
    description: x.description,
    source: x.source as PostingSource,
    sourceRef: x.sourceRef,
    commitmentId: x.commitmentId,
    settled: moneyFromDb(x.settled),
    reversesId: x.reversesId,
    reason: x.reason,
    taskRef: x.taskRef,
    overrideReason: x.overrideReason,
    createdBy: x.createdBy,
    createdByName: x.createdByName,
    createdAt: x.createdAt.toISOString(),
  };
}
