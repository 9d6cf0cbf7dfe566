/** A ledger entry as the API shows it: deltas as decimal strings. */
import type { FundingStream, LedgerEntryType, LedgerEntryView } from '@cws/budget-contracts';
import { fromDb, money } from '../common/money';
import type { LedgerEntryRow } from './ledger-entry.repository';

export function toLedgerEntryView(e: LedgerEntryRow): LedgerEntryView {
  return {
    id: e.id,
    fiscalYear: e.fiscalYear,
    funder: e.funder,
    stream: e.stream as FundingStream,
    districtCode: e.districtCode,
    streetCode: e.streetCode,
    communityCode: e.communityCode,
    entryType: e.entryType as LedgerEntryType,
    appropriationId: e.appropriationId,
    allocationId: e.allocationId,
    postingId: e.postingId,
    appropriated: money(fromDb(e.dAppropriated)),
    allocated: money(fromDb(e.dAllocated)),
    committed: money(fromDb(e.dCommitted)),
    spent: money(fromDb(e.dSpent)),
    memo: e.memo,
    createdAt: e.createdAt.toISOString(),
  };
}
