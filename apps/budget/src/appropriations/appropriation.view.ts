/** An appropriation as the API shows it: amounts as decimal strings, with what is still unallocated. */
import type { AppropriationView, FundingStream } from '@cws/budget-contracts';
import { unallocatedOf } from '@cws/budget-core';
import { fromDb, money } from '../common/money';
import type { AppropriationEntity } from './appropriation.entity';

export type { AppropriationView };

/** Typed by the contract (@cws/budget-contracts Appropriation). */
export function toAppropriationView(a: AppropriationEntity): AppropriationView {
  const amount = fromDb(a.amount);
  const allocated = fromDb(a.allocated);
  return {
    id: a.id,
    fiscalYear: a.fiscalYear,
    funder: a.funder,
    districtCode: a.districtCode,
    stream: a.stream as FundingStream,
    kind: a.kind,
    amount: money(amount),
    allocated: money(allocated),
    unallocated: money(unallocatedOf({ amount, allocated })),
    documentNo: a.documentNo,
    documentDate: a.documentDate,
    note: a.note,
    status: a.status,
    createdBy: a.createdBy,
    createdByName: a.createdByName,
    createdAt: a.createdAt.toISOString(),
    enactedBy: a.enactedBy,
    enactedByName: a.enactedByName,
    enactedAt: a.enactedAt ? a.enactedAt.toISOString() : null,
  };
}
