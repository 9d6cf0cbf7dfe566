/** A ledger entry as the API shows it: deltas as decimal strings, createdAt as an ISO-8601 instant. */
import type { FundingStream, LedgerEntryType, LedgerEntryView } from '@cws/budget-contracts';
import { instantFromDb } from '../common/instant';
import { moneyFromDb } from '../common/money';
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
    appropriated: moneyFromDb(e.dAppropriated),
    allocated: moneyFromDb(e.dAllocated),
    committed: moneyFromDb(e.dCommitted),
    spent: moneyFromDb(e.dSpent),
    memo: e.memo,
    createdAt: instantFromDb(e.createdAt),
  };
}
