/** The append-only ledger: every money movement is one row of signed deltas; balances are its sums. */
import { Injectable } from '@nestjs/common';
import type { BalanceView, FundingStream, LedgerEntryView } from '@cws/budget-contracts';
import { ledgerTotals } from '@cws/budget-core';
import type { Principal } from '@cws/kernel';
import { assertFilterInScope } from '../common/access';
import { pageInScope } from '../common/list-page';
import { money, sumsFromDb } from '../common/money';
import type { PlaceFilter } from '../common/place-query';
import { LedgerEntryRepository } from './ledger-entry.repository';
import { toLedgerEntryView } from './ledger-entry.view';

export interface BalanceTotals {
  appropriated: string;
  allocated: string;
  /** appropriated − allocated */
  unallocated: string;
  committed: string;
  spent: string;
  /** allocated − committed − spent */
  available: string;
}

@Injectable()
export class LedgerService {
  constructor(private readonly entries: LedgerEntryRepository) {}

  /** Keyset pagination for reconciliation: entries with id > after, oldest first. */
  list(p: Principal, f: PlaceFilter & { after?: string; limit?: number; sourceRefPrefix?: string }): Promise<{ items: LedgerEntryView[]; nextAfter: string | null }> {
    return pageInScope(p, f, (q) => this.entries.page(p, q), toLedgerEntryView);
  }

  /** Balances per (year, funder, stream, place), summed from the ledger, plus totals over the filter. */
  async balances(p: Principal, f: PlaceFilter): Promise<{ items: BalanceView[]; totals: BalanceTotals }> {
    assertFilterInScope(p, f);
    const rows = (await this.entries.sums(p, f)).map((r) => ({
      row: r,
      sums: sumsFromDb(r),
    }));
    const items = rows.map(({ row, sums }) => ({
      fiscalYear: Number(row.fiscalYear),
      funder: String(row.funder),
      stream: row.stream as FundingStream,
      districtCode: row.districtCode ?? null,
      streetCode: row.streetCode ?? null,
      communityCode: row.communityCode ?? null,
      appropriated: money(sums.appropriated),
      allocated: money(sums.allocated),
      committed: money(sums.committed),
      spent: money(sums.spent),
      available: money(ledgerTotals([sums]).available),
    }));
    const t = ledgerTotals(rows.map((r) => r.sums));
    return {
      items,
      totals: {
        appropriated: money(t.appropriated),
        allocated: money(t.allocated),
        unallocated: money(t.unallocated),
        committed: money(t.committed),
        spent: money(t.spent),
        available: money(t.available),
      },
    };
  }
}
