import { DataSource } from 'typeorm';
import { startedApp, type TestApp } from '@cws/testing';
import { idempotent, startSeededBudget } from '@cws/budget-testing';

/**
 * Closing a fiscal year while expenditures are being posted: every posting either commits before
 * the close or is refused with 409 FISCAL_YEAR_CLOSED; nothing is half-written and the ledger's
 * sums equal the running balances.
 */
describe('closing a fiscal year under concurrent postings (real MySQL and Redis)', () => {
  let t: TestApp;
  let ds: DataSource;
  let finance: string;
  let admin: string;
  const post = (path: string, body: unknown, token = finance) => t.request('POST', path, { token, body, headers: idempotent() });
  const communities = ['330106001001', '330106001002', '330106002001', '330106003001'];
  /** How many of the 20 postings each round booked. */
  const outcomes: number[] = [];

  beforeAll(async () => {
    ({ t, ds, tokens: { finance, admin } } = startedApp(await startSeededBudget({ communities: [] })));
  });
  afterAll(() => t?.close());

  /** Opens `year` with one enacted appropriation and an allocation of 1 000.00 to each of the communities. */
  async function openYear(year: number): Promise<string[]> {
    expect((await post('/v1/fiscal-years', { year }, admin)).status).toBe(201);
    const ap = await post('/v1/appropriations', {
      fiscalYear: year, funder: '330106', stream: 'PARTY_BUILDING', kind: 'ORIGINAL', amount: '10000.00', documentNo: `西财预〔${year}〕1号`, documentDate: `${year}-01-05`,
    });
    expect(ap.status).toBe(201);
    expect((await post(`/v1/appropriations/${ap.body.id}/enact`, undefined, admin)).status).toBe(200);
    const ids: string[] = [];
    for (const c of communities) {
      const al = await post('/v1/allocations', { appropriationId: ap.body.id, streetCode: c.slice(0, 9), communityCode: c, amount: '1000.00' });
      expect(al.status).toBe(201);
      ids.push(al.body.id);
    }
    return ids;
  }

  // The close is fired at different moments relative to the burst, so some rounds close early, some late.
  it.each([
    [2031, 0],
    [2032, 5],
    [2033, 15],
    [2034, 40],
  ])('year %i: 20 expenditures and a close fired together (close after %i ms)', async (year, delayMs) => {
    const allocations = await openYear(year);
    const ledgerBefore = Number((await ds.query('SELECT COUNT(*) AS n FROM ledger_entry WHERE fiscal_year = ?', [year]))[0].n);
    const postings = Array.from({ length: 20 }, (_, i) =>
      post(`/v1/allocations/${allocations[i % allocations.length]}/expenditures`, {
        amount: '10.00', category: 'OFFICE', description: `年末支出 ${i}`, source: 'FINANCE_API', sourceRef: `YE-${year}-${i}`,
      }),
    );
    const close = new Promise<void>((r) => setTimeout(r, delayMs)).then(() => t.request('POST', `/v1/fiscal-years/${year}/close`, { token: admin }));
    const [closed, ...results] = await Promise.all([close, ...postings]);

    expect({ status: closed.status, code: closed.body?.code }).toEqual({ status: 200, code: undefined });
    expect(closed.body.status).toBe('CLOSED');
    for (const r of results) {
      if (r.status !== 201) expect({ status: r.status, code: r.body?.code }).toEqual({ status: 409, code: 'FISCAL_YEAR_CLOSED' });
    }
    const booked = results.filter((r) => r.status === 201);
    outcomes.push(booked.length);

    // every booked posting committed before the close: created no later than closed_at
    const [fy] = await ds.query('SELECT closed_at FROM fiscal_year WHERE year = ?', [year]);
    const rows: Array<{ id: string; created_at: Date }> = await ds.query('SELECT id, created_at FROM posting WHERE fiscal_year = ? ORDER BY id', [year]);
    expect(rows.map((p) => String(p.id)).sort()).toEqual(booked.map((r) => String(r.body.id)).sort());
    for (const p of rows) expect(p.created_at.getTime()).toBeLessThanOrEqual(new Date(fy.closed_at).getTime());

    // nothing half-written: one ledger entry, one audit row and one stored response per booked posting, no claims left behind
    const [ledger] = await ds.query(
      `SELECT COUNT(*) AS n, COUNT(DISTINCT posting_id) AS postings, COALESCE(SUM(d_spent), 0) AS spent FROM ledger_entry WHERE fiscal_year = ? AND entry_type = 'EXPENDITURE'`,
      [year],
    );
    expect(Number(ledger.n)).toBe(booked.length);
    expect(Number(ledger.postings)).toBe(booked.length);
    expect(Number((await ds.query('SELECT COUNT(*) AS n FROM ledger_entry WHERE fiscal_year = ?', [year]))[0].n)).toBe(ledgerBefore + booked.length);
    const audited = await ds.query(`SELECT entity_id FROM audit_log WHERE entity = 'posting' AND action = 'EXPENDITURE'`);
    const auditedIds = new Set(audited.map((a: { entity_id: string }) => String(a.entity_id)));
    expect(booked.every((r) => auditedIds.has(String(r.body.id)))).toBe(true);
    expect(Number((await ds.query(`SELECT COUNT(*) AS n FROM idempotency_key WHERE status = 'PENDING'`))[0].n)).toBe(0);

    // the running balances equal the ledger's sums, per allocation and over the year
    for (const id of allocations) {
      const [sums] = await ds.query('SELECT SUM(d_allocated) AS allocated, SUM(d_committed) AS committed, SUM(d_spent) AS spent FROM ledger_entry WHERE allocation_id = ?', [id]);
      const [running] = await ds.query('SELECT amount, committed, spent FROM allocation WHERE id = ?', [id]);
      expect(sums).toEqual({ allocated: running.amount, committed: running.committed, spent: running.spent });
    }
    const balances = await t.request('GET', `/v1/balances?fiscalYear=${year}`, { token: finance });
    expect(balances.body.totals).toMatchObject({
      appropriated: '10000.00', allocated: '4000.00', committed: '0.00', spent: `${booked.length * 10}.00`, available: `${4000 - booked.length * 10}.00`,
    });

    // and after the close nothing more is booked
    const late = await post(`/v1/allocations/${allocations[0]}/expenditures`, { amount: '1.00', category: 'OFFICE', description: 'late', source: 'MANUAL' });
    expect({ status: late.status, code: late.body.code }).toEqual({ status: 409, code: 'FISCAL_YEAR_CLOSED' });
  });

  it('the rounds did race: at least one close landed in the middle of a burst', () => {
    expect(outcomes).toHaveLength(4);
    expect(outcomes.some((n) => n > 0 && n < 20)).toBe(true);
  });
});
