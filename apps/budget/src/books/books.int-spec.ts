import { Logger } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { addDays, cityToday } from '@cws/kernel';
import { DataSource } from 'typeorm';
import { startedApp, until, type TestApp, type TestTokens } from '@cws/testing';
import { idempotent, startSeededBudget } from '@cws/budget-testing';
import { JobProducer } from '@cws/messaging';
import { BooksService } from './books.service';
import { CloseBooksHandler, CloseBooksJob } from './close-books.job';

/**
 * Closing the books (日结): each day once over, its movements and end-of-day totals from the ledger, every
 * allocation reconciled against the ledger, nothing closed twice. Days are simulated by the close's `now`:
 * the ledger stamps its entries with the real time, so "today" is closed as if it were tomorrow.
 */
describe('closing the books (real MySQL and Redis)', () => {
  let t: TestApp;
  let ds: DataSource;
  let tokens: TestTokens;
  let books: BooksService;
  const today = cityToday();
  const tomorrow = addDays(today, 1);
  /** Noon of a city day, as the instant a close runs at. */
  const noonOf = (day: string) => new Date(`${day}T12:00:00+08:00`);
  const post = (path: string, body: unknown, token = tokens.finance) => t.request('POST', path, { token, body, headers: idempotent() });

  beforeAll(async () => {
    ({ t, ds, tokens } = startedApp(await startSeededBudget({ communities: [] })));
    books = t.app.get(BooksService);
  });
  afterAll(() => t?.close());

  it('the nightly batch closes the books through a BullMQ job scheduler (01:00 Beijing time by default), registered once at boot', async () => {
    const schedulers = await t.app.get(JobProducer).queue(CloseBooksJob.queue).getJobSchedulers();
    expect(schedulers).toContainEqual(expect.objectContaining({ key: 'nightly-close-books', pattern: '0 1 * * *', tz: 'Asia/Shanghai' }));
    // the ledger's first day is today, not over yet: the job closes nothing and says so
    expect(await t.app.get(CloseBooksHandler).handle({})).toEqual({ closed: [] });
  });

  it('closes each day once over: its movements, the totals at its end, every allocation and appropriation reconciled; drifted running columns are named; nothing twice', async () => {
    // refusals first: a day not over, a district user, an inverted range
    const notOver = await post('/v1/ledger/closes', { through: today }, tokens.admin);
    expect([notOver.status, notOver.body.code, notOver.body.details?.[0]?.path]).toEqual([400, 'BOOKS_DAY_NOT_OVER', 'through']);
    const district = await t.request('GET', '/v1/ledger/closes', { token: tokens.xihu });
    expect([district.status, district.body.code]).toEqual([403, 'CITY_SCOPE_REQUIRED']);
    expect((await t.request('GET', `/v1/ledger/closes?from=${tomorrow}&to=${today}`, { token: tokens.finance })).body).toMatchObject({ code: 'RANGE_INVERTED', details: [{ path: 'from' }] });
    // hostile dates: partial, impossible, a lone surrogate, a huge year — each a 400 naming its field, never a 500
    for (const [query, path] of [['from=2026-02', 'from'], ['to=2026-02-30', 'to'], ['from=%ED%A0%80', 'from'], ['to=999999999-01-01', 'to']]) {
      const res = await t.request('GET', `/v1/ledger/closes?${query}`, { token: tokens.finance });
      expect([res.status, res.body.details?.[0]?.path]).toEqual([400, path]);
    }
    for (const through of ['2026-11', '2026-13-01', '\ud800', '99999999999999999999']) {
      const res = await post('/v1/ledger/closes', { through }, tokens.admin);
      expect([res.status, res.body.details?.[0]?.path]).toEqual([400, 'through']);
    }
    // the ledger's first entries are today's (the seed): nothing is over yet to close
    expect((await post('/v1/ledger/closes', {}, tokens.admin)).body).toEqual([]);

    // today's money: a year with an appropriation, two allocations and an expenditure
    expect((await post('/v1/fiscal-years', { year: 2041 }, tokens.admin)).status).toBe(201);
    const ap = await post('/v1/appropriations', { fiscalYear: 2041, funder: '330106', stream: 'PARTY_BUILDING', kind: 'ORIGINAL', amount: '9000.00', documentNo: '西财预〔2041〕1号', documentDate: '2041-01-05' });
    expect((await post(`/v1/appropriations/${ap.body.id}/enact`, undefined, tokens.admin)).status).toBe(200);
    const allocation = async (community: string) => (await post('/v1/allocations', { appropriationId: ap.body.id, streetCode: community.slice(0, 9), communityCode: community, amount: '3000.00' })).body.id as string;
    const [a1] = [await allocation('330106001001'), await allocation('330106001002')];
    expect((await post(`/v1/allocations/${a1}/expenditures`, { amount: '123.45', category: 'OFFICE', description: '办公用品', source: 'FINANCE_API', sourceRef: 'GK-2041-1' })).status).toBe(201);

    const [ledger] = await ds.query('SELECT COUNT(*) AS n, MAX(id) AS last FROM ledger_entry');
    const balances = (await t.request('GET', '/v1/balances', { token: tokens.finance })).body.totals;
    const [first] = await books.closeThrough(undefined, 'test', noonOf(tomorrow));
    expect(first).toMatchObject({
      day: today, entries: Number(ledger.n), lastEntryId: String(ledger.last), status: 'BALANCED', discrepancies: [], closedBy: 'test',
      totals: { appropriated: balances.appropriated, allocated: balances.allocated, committed: balances.committed, spent: balances.spent },
    });
    // every entry is today's, so the day's movements are the totals
    expect(first.movements).toEqual(first.totals);
    expect(first.allocationsChecked).toBe(Number((await ds.query('SELECT COUNT(*) AS n FROM allocation'))[0].n));
    expect(first.appropriationsChecked).toBe(Number((await ds.query('SELECT COUNT(*) AS n FROM appropriation'))[0].n));
    // again, or by the job at the same moment: nothing more
    expect(await books.closeThrough(undefined, 'test', noonOf(tomorrow))).toEqual([]);

    // running columns that drifted from the ledger (written around the posting path): the next close names them,
    // an allocation's spent and an appropriation's allocated (what allocations may still draw on it)
    await ds.query('UPDATE allocation SET spent = spent + 0.01 WHERE id = ?', [a1]);
    await ds.query('UPDATE appropriation SET allocated = allocated - 1.00 WHERE id = ?', [ap.body.id]);
    const alert = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      const racing = await Promise.all([1, 2, 3].map(() => books.closeThrough(undefined, 'test', noonOf(addDays(tomorrow, 1)))));
      const written = racing.flat();
      expect(written).toHaveLength(1);
      expect(written[0]).toMatchObject({
        day: tomorrow, entries: 0, lastEntryId: null, movements: { appropriated: '0.00', allocated: '0.00', committed: '0.00', spent: '0.00' }, totals: first.totals,
        status: 'DISCREPANCY', discrepancies: [
          { appropriationId: ap.body.id, measure: 'allocated', running: '5999.00', ledger: '6000.00' },
          { allocationId: a1, measure: 'spent', running: '123.46', ledger: '123.45' },
        ],
      });
      // one alert, from the process that wrote the close
      expect(alert.mock.calls).toEqual([[expect.objectContaining({ msg: 'books closed with discrepancies', through: tomorrow, allocations: [a1], appropriations: [ap.body.id] })]]);
    } finally {
      alert.mockRestore();
      await ds.query('UPDATE allocation SET spent = spent - 0.01 WHERE id = ?', [a1]);
      await ds.query('UPDATE appropriation SET allocated = allocated + 1.00 WHERE id = ?', [ap.body.id]);
    }

    // finance reads them back, oldest first
    const read = await t.request('GET', `/v1/ledger/closes?from=${today}&to=${tomorrow}`, { token: tokens.finance });
    expect(read.status).toBe(200);
    expect(read.body.map((c: { day: string; status: string }) => [c.day, c.status])).toEqual([[today, 'BALANCED'], [tomorrow, 'DISCREPANCY']]);
    expect(read.body[0]).toEqual(first);
  });

  it('exports the closes of a range as a workbook: a row per day with its sums and available in fen, a sheet of the discrepancies; the same refusals', async () => {
    // the two closes written above: today (the day of postings, balanced) and tomorrow (empty, two discrepancies)
    const xlsx = (query: string, token = tokens.finance) => fetch(`${t.baseUrl}/v1/ledger/closes.xlsx?${query}`, { headers: { authorization: `Bearer ${token}` } });
    const res = await xlsx(`from=${today}&to=${tomorrow}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="ledger-closes-${today}-${tomorrow}.xlsx"`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const [days, differing] = wb.worksheets;
    const rows = (ws: ExcelJS.Worksheet) => ws.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1));

    // the day of postings: its movements are the sums of every ledger entry (all written today), its totals the same,
    // available = allocated − committed − spent as the database's DECIMAL arithmetic says
    const [sums] = await ds.query(
      `SELECT SUM(d_appropriated) AS appropriated, SUM(d_allocated) AS allocated, SUM(d_committed) AS committed, SUM(d_spent) AS spent,
              SUM(d_allocated) - SUM(d_committed) - SUM(d_spent) AS available, COUNT(*) AS n FROM ledger_entry`,
    );
    const four = [sums.appropriated, sums.allocated, sums.committed, sums.spent].map(Number);
    const closes = (await t.request('GET', `/v1/ledger/closes?from=${today}&to=${tomorrow}`, { token: tokens.finance })).body;
    const [checkedAllocations, checkedAppropriations] = [closes[0].allocationsChecked, closes[0].appropriationsChecked];
    expect(rows(days)).toEqual([
      [today, 'BALANCED', Number(sums.n), closes[0].lastEntryId, ...four, ...four, Number(sums.available), checkedAllocations, checkedAppropriations, 0, closes[0].closedAt, 'test'],
      [tomorrow, 'DISCREPANCY', 0, undefined, 0, 0, 0, 0, ...four, Number(sums.available), checkedAllocations, checkedAppropriations, 2, closes[1].closedAt, 'test'],
    ]);
    expect(sums.spent).toBe('123.45');
    expect(days.getRow(1).getCell(1).value).toBe('日期 day');
    expect(closes[0].lastEntryId).toBe(String((await ds.query('SELECT MAX(id) AS last FROM ledger_entry'))[0].last));
    expect(days.getColumn(13).numFmt).toBe('#,##0.00');
    // every discrepancy with its day, the row it names, both amounts and running − ledger
    const [[, , appropriation], [, allocation]] = rows(differing);
    expect(rows(differing)).toEqual([
      [tomorrow, null, appropriation, 'allocated', 5999, 6000, -1],
      [tomorrow, allocation, null, 'spent', 123.46, 123.45, 0.01],
    ].map((r) => r.map((v) => (v === null ? undefined : v))));
    expect([appropriation, allocation]).toEqual(closes[1].discrepancies.map((d: { appropriationId?: string; allocationId?: string }) => d.appropriationId ?? d.allocationId));

    // the list's refusals: a district user (the totals are the city's), an inverted or too long range, a bad date
    const district = await xlsx(`from=${today}&to=${tomorrow}`, tokens.xihu);
    expect([district.status, ((await district.json()) as { code: string }).code]).toEqual([403, 'CITY_SCOPE_REQUIRED']);
    for (const [query, code] of [[`from=${tomorrow}&to=${today}`, 'RANGE_INVERTED'], [`from=${addDays(today, -366)}&to=${today}`, 'RANGE_TOO_LONG'], ['from=2026-02-30', expect.any(String)]]) {
      const refused = await xlsx(query);
      const body = (await refused.json()) as { code: string; details?: Array<{ path: string }> };
      expect([refused.status, body.code, body.details?.[0]?.path]).toEqual([400, code, 'from']);
    }
  });

  it('waits for a money movement in flight: an entry written just before midnight and committed after the close began is in its day', async () => {
    // the closes above reach tomorrow; the day after has none yet
    const day = addDays(tomorrow, 1);
    const [{ id: allocationId }] = await ds.query('SELECT id FROM allocation WHERE fiscal_year = 2041 ORDER BY id LIMIT 1');
    // an expenditure as the posting path writes one (the year's shared lock, its entry, the running column),
    // stamped 23:59:59.9 city time and not committed yet
    const movement = ds.createQueryRunner();
    await movement.connect();
    try {
      await movement.startTransaction();
      await movement.query('SELECT status FROM fiscal_year WHERE year = 2041 LOCK IN SHARE MODE');
      await movement.query(
        `INSERT INTO ledger_entry (fiscal_year, funder, stream, district_code, street_code, community_code, entry_type, allocation_id, d_appropriated, d_allocated, d_committed, d_spent, memo, created_by, created_at)
         SELECT fiscal_year, funder, stream, district_code, street_code, community_code, 'EXPENDITURE', id, 0, 0, 0, 1.00, 'in flight at midnight', 'test', ? FROM allocation WHERE id = ?`,
        [`${day} 15:59:59.900`, allocationId],
      );
      await movement.query('UPDATE allocation SET spent = spent + 1.00 WHERE id = ?', [allocationId]);

      let closed = false;
      const closing = books.closeThrough(day, 'test', noonOf(addDays(day, 1))).finally(() => (closed = true));
      // the close waits on the movement's lock rather than reading the day without it (polled every 200 ms:
      // InnoDB refreshes innodb_trx only when it was not read in the last 100 ms)
      const lockWaits = async () => Number((await ds.query("SELECT COUNT(*) AS n FROM information_schema.innodb_trx WHERE trx_state = 'LOCK WAIT'"))[0].n);
      await until('the close to wait on the lock, or to end', async () => closed || (await lockWaits()) > 0, Boolean, 15_000);
      expect(closed).toBe(false);
      await movement.commitTransaction();
      const [close] = await closing;
      const [last] = await ds.query('SELECT MAX(id) AS id FROM ledger_entry');
      expect(close).toMatchObject({
        day, entries: 1, lastEntryId: String(last.id), status: 'BALANCED',
        movements: { appropriated: '0.00', allocated: '0.00', committed: '0.00', spent: '1.00' },
        totals: { spent: '124.45' },
      });
    } finally {
      if (movement.isTransactionActive) await movement.rollbackTransaction();
      await movement.release();
    }
  });
});
