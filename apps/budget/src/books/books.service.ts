import { Injectable, Logger } from '@nestjs/common';
import type { LedgerCloseView } from '@cws/budget-contracts';
import {
  accountsNamedIn, addSums, appropriationDiscrepanciesOf, assertCloseRange, assertDayOver, cityDayBounds, closeStatusOf, daysToClose, discrepanciesOf, type Discrepancy,
} from '@cws/budget-core';
import { addDays, cityToday, type Principal } from '@cws/kernel';
import { FILE_MEDIA_TYPES, type FileOut } from '@cws/platform';
import { DataSource } from 'typeorm';
import { money, sumsToMoney } from '../common/money';
import { requireCityScope } from '../common/access';
import { FiscalYearRepository } from '../fiscal-years/fiscal-year.repository';
import { LedgerEntryRepository } from '../ledger/ledger-entry.repository';
import { LedgerCloseRepository, type LedgerCloseRow } from './ledger-close.repository';
import { closesWorkbook } from './closes-workbook';
import { RunningColumnsReader } from './running-columns.reader';

/** The days a read of the closes asks for, both ends included. */
export interface CloseRangeQuery {
  from?: string;
  to?: string;
}

const view = (c: LedgerCloseRow): LedgerCloseView => ({
  day: c.day, entries: c.entries, lastEntryId: c.lastEntryId,
  movements: sumsToMoney(c.movements),
  totals: sumsToMoney(c.totals),
  status: c.status, allocationsChecked: c.allocationsChecked, appropriationsChecked: c.appropriationsChecked,
  discrepancies: c.discrepancies.map((d) => ({ ...d, running: money(d.running), ledger: money(d.ledger) })),
  closedAt: c.closedAt.toISOString(), closedBy: c.closedBy,
});

/**
 * Closing the books (日结, docs/budget.md): each city day, once over, gets one close with its movements,
 * the ledger's totals at its end and a reconciliation of the allocations' running columns against the
 * ledger. The nightly job closes through yesterday, catching up any day missed; a city user may too.
 */
@Injectable()
export class BooksService {
  private readonly logger = new Logger('Books');

  constructor(
    private readonly dataSource: DataSource,
    private readonly closes: LedgerCloseRepository,
    private readonly ledger: LedgerEntryRepository,
    private readonly runningColumns: RunningColumnsReader,
    private readonly years: FiscalYearRepository,
  ) {}

  /** A city user's close through `through` (default yesterday). */
  close(p: Principal, through?: string): Promise<LedgerCloseView[]> {
    requireCityScope(p);
    return this.closeThrough(through, p.id);
  }

  /**
   * Closes every day not closed yet through `through` (default: yesterday in the city), oldest first, and
   * answers the closes written. The reconciliation is read once, at this moment, for all of them. A day
   * closed meanwhile by another process is left as that process wrote it; nothing is closed twice.
   */
  async closeThrough(through: string | undefined, closedBy: string, now = new Date()): Promise<LedgerCloseView[]> {
    const today = cityToday(now);
    const last = through ?? addDays(today, -1);
    assertDayOver(last, today);
    const m = this.dataSource.manager;
    const first = await this.ledger.firstEntryAt(m);
    const days = daysToClose(await this.closes.lastDay(m), first && cityToday(first), last);
    if (!days.length) return [];
    await this.movementsInFlight();
    const { checked, discrepancies } = await this.reconcile();
    const written: LedgerCloseView[] = [];
    for (const day of days) {
      const close = await this.closeDay(day, checked, discrepancies, closedBy, now);
      if (close) written.push(view(close));
    }
    if (!written.length) return written; // another process closed them, and said so
    if (discrepancies.length) {
      // an alert: a running column (what postings lock) no longer equals the ledger
      const { allocations, appropriations } = accountsNamedIn(discrepancies);
      this.logger.error({
        msg: 'books closed with discrepancies', through: last, discrepancies: discrepancies.length, allocations: allocations.slice(0, 20), appropriations: appropriations.slice(0, 20),
      });
    } else {
      this.logger.log({ msg: 'books closed', through: last, days: written.length });
    }
    return written;
  }

  /** The closes of [from, to] (default: the last 31 days), city users only. */
  async list(p: Principal, q: CloseRangeQuery): Promise<LedgerCloseView[]> {
    return (await this.closesIn(p, q)).closes.map(view);
  }

  /** The same closes as a workbook (closes-workbook.ts), named by the range it holds. */
  async listXlsx(p: Principal, q: CloseRangeQuery): Promise<FileOut> {
    const { from, to, closes } = await this.closesIn(p, q);
    return { buffer: await closesWorkbook(closes), filename: `ledger-closes-${from}-${to}.xlsx`, type: FILE_MEDIA_TYPES.xlsx };
  }

  /** The range a read asks for (default: the last 31 days; at most 366) and its closes, oldest first; the totals are the city's (403 otherwise). */
  private async closesIn(p: Principal, q: CloseRangeQuery): Promise<{ from: string; to: string; closes: LedgerCloseRow[] }> {
    requireCityScope(p);
    const to = q.to ?? cityToday();
    const from = q.from ?? addDays(to, -30);
    assertCloseRange(from, to);
    return { from, to, closes: await this.closes.range(this.dataSource.manager, from, to) };
  }

  /**
   * Waits for the money movements in flight to end. An entry is stamped with the time its INSERT runs, not the time
   * its transaction commits: one written at 23:59:59.9 and committed after this close had read its day would be in
   * neither that day's close nor the next (whose totals chain from it), for good. Every ledger writer holds its
   * fiscal year's shared lock from before its entry to its commit; taking every year's exclusive lock (released at
   * once) waits for them, and a movement that starts after stamps a time after the days being closed. Postings
   * wait the moment it takes; a movement still open after innodb_lock_wait_timeout fails the close, which the job
   * retries.
   */
  private movementsInFlight(): Promise<void> {
    return this.dataSource.transaction('READ COMMITTED', (m) => this.years.lockAll(m));
  }

  /**
   * Every running column against the ledger, allocations and appropriations read in one REPEATABLE READ
   * transaction: one snapshot, so a posting committing between the two reads cannot show as a discrepancy.
   */
  private reconcile(): Promise<{ checked: { allocations: number; appropriations: number }; discrepancies: Discrepancy[] }> {
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const allocations = await this.runningColumns.allocations(m);
      const appropriations = await this.runningColumns.appropriations(m);
      return {
        checked: { allocations: allocations.checked, appropriations: appropriations.checked },
        discrepancies: [...appropriationDiscrepanciesOf(appropriations.differing), ...discrepanciesOf(allocations.differing)],
      };
    });
  }

  /** One day's close: its entries, and the totals as the day before's close plus its movements (or summed, for the first close). */
  private closeDay(day: string, checked: { allocations: number; appropriations: number }, discrepancies: Discrepancy[], closedBy: string, now: Date): Promise<LedgerCloseRow | null> {
    return this.dataSource.transaction('READ COMMITTED', async (m) => {
      const { from, to } = cityDayBounds(day);
      const written = await this.ledger.writtenBetween(m, from, to);
      const before = await this.closes.find(m, addDays(day, -1));
      const totals = before ? addSums(before.totals, written.sums) : await this.ledger.sumsBefore(m, to);
      const row: LedgerCloseRow = {
        day, entries: written.entries, lastEntryId: written.lastEntryId, movements: written.sums, totals,
        allocationsChecked: checked.allocations, appropriationsChecked: checked.appropriations, status: closeStatusOf(discrepancies), discrepancies, closedAt: now, closedBy,
      };
      return (await this.closes.insert(m, row)) ? row : null;
    });
  }
}
