import ExcelJS from 'exceljs';
import { parseMoney } from '@cws/kernel';
import { testPrincipals, type TestApp } from '@cws/testing';
import { DataSource } from 'typeorm';
// The payroll service reads the workforce only through the workers HTTP API; the test starts a real workers app for it.
import { startPayrollWithBudget } from '@cws/payroll-testing';

const DISTRICTS = ['330102', '330105', '330106'];

describe('benchmark over the demo city, workforce from the workers API (real MySQL and Redis)', () => {
  let workers: TestApp;
  let budget: TestApp;
  let t: TestApp;
  let close: () => Promise<void>;
  let ds: DataSource;
  let admin: string;
  let xihu: string;
  /** Workers the benchmark counts: the snapshot less seconded-in cadres (the demo seed has a few). */
  let counted: number;

  beforeAll(async () => {
    ({ workers, budget, payroll: t, tokens: { admin, xihu }, close } = await startPayrollWithBudget({ workers: 540 }));
    ds = t.app.get(DataSource);
    const snap = await workers.request('GET', '/v1/snapshots?asOf=2026-01-01&limit=5000', { token: workers.tokenFor(testPrincipals.cityAdmin()) });
    const items: Array<{ employmentType: string; secondment: { direction: string; payer: string } | null }> = snap.body.items;
    expect(items).toHaveLength(540);
    expect(items.some((w) => w.secondment?.direction === 'OUT' && w.secondment.payer === 'HOST')).toBe(false);
    counted = items.filter((w) => w.employmentType !== 'SECONDED_IN').length;
    expect(counted).toBeLessThan(540);
  });
  afterAll(() => close?.());

  it('pulls the workforce with the payroll service\'s own credential (payroll:read), audited by the workers service', async () => {
    const res = await t.request('GET', '/v1/benchmark/compliance?year=2026', { token: xihu });
    expect(res.status).toBe(200);
    const rows = await workers.app.get(DataSource).query(
      `SELECT actor_kind AS kind, actor_name AS name, action, JSON_UNQUOTE(JSON_EXTRACT(\`after\`, '$.scope')) AS scope, JSON_EXTRACT(\`after\`, '$.rows') AS \`rows\`
         FROM audit_log WHERE entity = 'worker_snapshot' ORDER BY id DESC LIMIT 1`,
    );
    // the machine client, not the user: and narrowed by payroll to the caller's district
    expect(rows[0]).toMatchObject({ kind: 'client', name: 'payroll-service', action: 'PULL_WITH_BANK_ACCOUNTS', scope: '330106' });
    expect(Number(rows[0].rows)).toBeGreaterThan(0);
  });

  it('calibrates the least unit value on the demo city: the average reaches W(Y−1), and one fen less does not', async () => {
    const res = await t.request('POST', '/v1/benchmark/calibrations', { token: admin, body: { year: 2026 } });
    expect(res.status).toBe(201);
    const c = res.body;
    expect(c).toMatchObject({ year: 2026, scope: null, asOf: '2026-01-01', headcount: counted, benchmark: '175535.85', cityGrowth: '0.050000', illustrative: true });
    expect(c.result.passes).toBe(true);
    expect(c.unitValue).toBe(c.result.unitValue);
    // Exact: 12 × total ≥ W × worker-months at U, and < at U − 0.01.
    const meets = (v: { totalPay: string; workerMonths: number }) => 12n * parseMoney(v.totalPay) >= parseMoney(c.benchmark) * BigInt(v.workerMonths);
    expect(meets(c.result)).toBe(true);
    expect(parseMoney(c.projectedAverage)).toBeGreaterThanOrEqual(parseMoney(c.benchmark));
    expect(c.belowByOneFen.unitValue).toBe((Number(parseMoney(c.unitValue) - 1n) / 100).toFixed(2));
    expect(c.belowByOneFen.passes).toBe(false);
    expect(meets(c.belowByOneFen)).toBe(false);
    expect(c.bindingTest).toBe('LEVEL');
    // Just exceeds: one fen of unit value moves the average by less than a yuan.
    expect(parseMoney(c.projectedAverage) - parseMoney(c.benchmark)).toBeLessThan(100n);
    // The demo scale is far below the benchmark; growth is met at the calibrated value.
    expect(c.current.passes).toBe(false);
    expect(c.result.meetsGrowth).toBe(true);

    const stored = await t.request('GET', `/v1/benchmark/calibrations/${c.id}`, { token: admin });
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({ id: c.id, unitValue: c.unitValue, projectedAverage: c.projectedAverage });
    const [row] = await ds.query('SELECT inputs FROM benchmark_result WHERE id = ?', [c.id]);
    const inputs = typeof row.inputs === 'string' ? JSON.parse(row.inputs) : row.inputs;
    expect(inputs).toMatchObject({ asOf: '2026-01-01', workers: counted, snapshotWorkers: 540 });
    expect(inputs.cityWages['2025'].source).toMatch(/illustrative/);
  });

  it('reports compliance for each demo district, and by street', async () => {
    const res = await t.request('GET', '/v1/benchmark/compliance?year=2026&groupBy=district&asOf=2026-06-30', { token: admin });
    expect(res.status).toBe(200);
    expect(res.body.groups.map((g: { districtCode: string }) => g.districtCode)).toEqual(DISTRICTS);
    expect(res.body.groups.map((g: { districtName: string }) => g.districtName)).toEqual(['上城区', '拱墅区', '西湖区']);
    // Seconded-in cadres are not community workers: the benchmark leaves them out.
    expect(res.body.groups.reduce((n: number, g: { headcount: number }) => n + g.headcount, 0)).toBe(counted);
    for (const g of res.body.groups) {
      expect(g).toMatchObject({ benchmark: '175535.85', ytdMonths: 6, compliant: false });
      expect(parseMoney(g.gap)).toBe(parseMoney(g.benchmark) - parseMoney(g.projectedAverage));
    }
    // At the calibrated unit value the city meets the benchmark; so does at least one district.
    const cal = (await t.request('POST', '/v1/benchmark/calibrations', { token: admin, body: { year: 2026 } })).body;
    const at = await t.request('GET', `/v1/benchmark/compliance?year=2026&unitValue=${cal.unitValue}`, { token: admin });
    expect(at.body.groups.some((g: { compliant: boolean }) => g.compliant)).toBe(true);

    const streets = await t.request('GET', '/v1/benchmark/compliance?year=2026&groupBy=street', { token: admin });
    expect(streets.status).toBe(200);
    expect(streets.body.groups.length).toBeGreaterThan(3);
    expect(streets.body.groups.every((g: { streetCode: string; districtCode: string }) => g.streetCode.startsWith(g.districtCode))).toBe(true);

    const own = await t.request('GET', '/v1/benchmark/compliance?year=2026', { token: xihu });
    expect(own.body.groups.map((g: { districtCode: string }) => g.districtCode)).toEqual(['330106']);
    const stored = await t.request('POST', '/v1/benchmark/compliance-reports', { token: xihu, body: { year: 2026, groupBy: 'street' } });
    expect(stored.status).toBe(201);
    expect((await t.request('GET', `/v1/benchmark/compliance-reports/${stored.body.id}`, { token: xihu })).status).toBe(200);
  });

  it('scopes stored results: a district HR gets 404 for another district’s result and for a city-wide one', async () => {
    const shangcheng = await t.request('POST', '/v1/benchmark/calibrations', { token: admin, body: { year: 2026, scope: '330102' } });
    expect(shangcheng.status).toBe(201);
    expect(shangcheng.body.headcount).toBeGreaterThan(0);
    expect(shangcheng.body.headcount).toBeLessThan(540);
    const cityWide = await t.request('POST', '/v1/benchmark/calibrations', { token: admin, body: { year: 2026 } });

    const other = await t.request('GET', `/v1/benchmark/calibrations/${shangcheng.body.id}`, { token: xihu });
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('CALIBRATION_NOT_FOUND');
    expect((await t.request('GET', `/v1/benchmark/calibrations/${cityWide.body.id}`, { token: xihu })).status).toBe(404);
    const sameDistrict = await t.request('GET', `/v1/benchmark/calibrations/${shangcheng.body.id}`, { token: t.tokenFor(testPrincipals.districtHr('330102')) });
    expect(sameDistrict.status).toBe(200);
    // Asking to run for another district answers 404 too; the own district is the default scope.
    expect((await t.request('POST', '/v1/benchmark/calibrations', { token: xihu, body: { year: 2026, scope: '330102' } })).status).toBe(404);
    const own = await t.request('POST', '/v1/benchmark/calibrations', { token: xihu, body: { year: 2026 } });
    expect(own.status).toBe(201);
    expect(own.body.scope).toBe('330106');
  });

  it('lists the stored runs newest first within the scope (a city-wide one for the city only), by kind and year, in keyset pages', async () => {
    const shangcheng = (await t.request('POST', '/v1/benchmark/calibrations', { token: admin, body: { year: 2026, scope: '330102' } })).body;
    const cityWide = (await t.request('POST', '/v1/benchmark/calibrations', { token: admin, body: { year: 2026 } })).body;
    const own = (await t.request('POST', '/v1/benchmark/compliance-reports', { token: xihu, body: { year: 2026 } })).body;
    const list = async (query: string, token = admin) => {
      const res = await t.request('GET', `/v1/benchmark/results?${query}`, { token });
      expect(res.status).toBe(200);
      return res.body as { items: Array<{ id: string; kind: string; year: number; scope: string | null; createdBy: string }>; nextAfter: string | null };
    };
    const all = await list('year=2026');
    const ids = all.items.map((r) => r.id);
    expect(ids.map(Number)).toEqual([...ids.map(Number)].sort((a, b) => b - a));
    expect(ids.slice(0, 3)).toEqual([own.id, cityWide.id, shangcheng.id]);
    expect(all.items[0]).toMatchObject({ kind: 'COMPLIANCE', year: 2026, scope: '330106', createdBy: expect.any(String) });
    expect(all.items[1]).toMatchObject({ kind: 'CALIBRATION', scope: null });
    // xihu sees its own district's runs only: not Shangcheng's, not the city-wide one
    const xihuIds = (await list('year=2026', xihu)).items.map((r) => r.id);
    expect(xihuIds).toContain(own.id);
    expect(xihuIds).not.toContain(shangcheng.id);
    expect(xihuIds).not.toContain(cityWide.id);
    expect((await list('kind=COMPLIANCE&year=2026')).items.every((r) => r.kind === 'COMPLIANCE')).toBe(true);
    const first = await list('year=2026&limit=1');
    expect([first.items.map((r) => r.id), first.nextAfter]).toEqual([[own.id], own.id]);
    expect((await list(`year=2026&limit=1&after=${first.nextAfter}`)).items.map((r) => r.id)).toEqual([cityWide.id]);
    // a cursor past BIGINT is no run (an empty page), never a 500; a forged one, a partial year or a lone surrogate is a 400
    expect((await list(`year=2026&after=${'9'.repeat(19)}`)).items.length).toBeGreaterThan(0);
    for (const bad of ['kind=PAYSLIP', 'year=20x6', 'after=-1', 'after=WyJ4Il0', `after=${'9'.repeat(30)}`, 'limit=0', 'kind=%ED%A0%80']) {
      const res = await t.request('GET', `/v1/benchmark/results?${bad}`, { token: admin });
      expect([bad, res.status]).toEqual([bad, 400]);
    }
  });

  it('computes year-end top-ups under the configured AVERAGE rule and PER_WORKER with a ratio, storing per-worker lines', async () => {
    const avg = await t.request('POST', '/v1/benchmark/top-ups', { token: admin, body: { year: 2026 } });
    expect(avg.status).toBe(201);
    expect(avg.body).toMatchObject({ rule: 'AVERAGE', level: 'DISTRICT', workers: counted });
    expect(avg.body.byDistrict.map((d: { districtCode: string }) => d.districtCode)).toEqual(DISTRICTS);
    // Each district's shortfall is shared out exactly: with the top-ups every district average reaches W(Y−1).
    const compliance = (await t.request('GET', '/v1/benchmark/compliance?year=2026', { token: admin })).body.groups;
    for (const d of avg.body.byDistrict) {
      expect(d.total).toBe(compliance.find((g: { districtCode: string }) => g.districtCode === d.districtCode).shortfall);
    }
    const lines = await t.request('GET', `/v1/benchmark/top-ups/${avg.body.id}/lines?limit=5000`, { token: admin });
    expect(lines.body.items).toHaveLength(counted);
    // each line names its worker, as the workforce snapshot did
    expect(lines.body.items.every((l: { workerName: string | null }) => typeof l.workerName === 'string' && l.workerName.length > 0)).toBe(true);
    const sum = lines.body.items.reduce((s: bigint, l: { topUp: string }) => s + parseMoney(l.topUp), 0n);
    expect(sum).toBe(parseMoney(avg.body.total));
    const xihuLines = await t.request('GET', `/v1/benchmark/top-ups/${avg.body.id}/lines`, { token: xihu });
    expect(xihuLines.status).toBe(404);

    const per = await t.request('POST', '/v1/benchmark/top-ups', { token: xihu, body: { year: 2026, rule: 'PER_WORKER', ratio: '0.60' } });
    expect(per.status).toBe(201);
    expect(per.body).toMatchObject({ rule: 'PER_WORKER', ratio: '0.60', scope: '330106' });
    const perLines = (await t.request('GET', `/v1/benchmark/top-ups/${per.body.id}/lines?limit=5000`, { token: xihu })).body.items;
    const target = (parseMoney('175535.85') * 60n + 99n) / 100n;
    for (const l of perLines) {
      const after = parseMoney(l.annualPay) + parseMoney(l.topUp);
      expect(after >= target).toBe(true);
      if (parseMoney(l.topUp) > 0n) expect(after - target <= 1n).toBe(true);
    }
    expect(perLines.every((l: { districtCode: string }) => l.districtCode === '330106')).toBe(true);
  });
  it('adopts a city-wide calibration as the year’s unit value (CITY_ADMIN only); the policy then meets the benchmark', async () => {
    const cal = (await t.request('POST', '/v1/benchmark/calibrations', { token: admin, body: { year: 2026 } })).body;
    const district = (await t.request('POST', '/v1/benchmark/calibrations', { token: admin, body: { year: 2026, scope: '330105' } })).body;
    expect((await t.request('POST', `/v1/benchmark/calibrations/${cal.id}/apply`, { token: xihu, body: {} })).status).toBe(403);
    const partial = await t.request('POST', `/v1/benchmark/calibrations/${district.id}/apply`, { token: admin, body: {} });
    expect(partial.status).toBe(409);
    expect(partial.body.code).toBe('CALIBRATION_NOT_CITY_WIDE');
    const applied = await t.request('POST', `/v1/benchmark/calibrations/${cal.id}/apply`, { token: admin, body: {} });
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({ kind: 'UNIT_VALUE', key: '2026', validTo: null, data: { year: 2026, unitValue: cal.unitValue } });
    expect(applied.body.sourceRef).toContain(`calibration #${cal.id}`);
    const again = (await t.request('POST', '/v1/benchmark/calibrations', { token: admin, body: { year: 2026 } })).body;
    expect(again.unitValue).toBe(cal.unitValue);
    expect(again.current).toMatchObject({ unitValue: cal.unitValue, passes: true });
  });

  it('核定 report: per district and street, headcount × (W(Y−1) + employer insurance and housing fund) against the budget held in the pay streams', async () => {
    const res = await t.request('GET', '/v1/benchmark/funding-requirement?year=2026&asOf=2026-06-30', { token: admin });
    expect(res.status).toBe(200);
    const r = res.body;
    expect(r).toMatchObject({ year: 2026, scope: null, benchmark: '175535.85', streams: ['PARTY_BUILDING', 'RESIDENTS_COMMITTEE', 'SERVICE_STATION'], paidThrough: 0 });
    const districts = r.lines.filter((l: { level: string }) => l.level === 'DISTRICT');
    expect(districts.map((l: { districtCode: string }) => l.districtCode)).toEqual(DISTRICTS);
    expect(districts.map((l: { districtName: string }) => l.districtName)).toEqual(['上城区', '拱墅区', '西湖区']);
    // The budget figure is what the budget service reports as allocated in the three pay streams for the district.
    const balances = (await budget.request('GET', '/v1/balances?fiscalYear=2026&district=330106', { token: budget.tokenFor(testPrincipals.cityAdmin()) })).body.items;
    const held = balances
      .filter((b: { stream: string; streetCode: string | null }) => b.streetCode && ['PARTY_BUILDING', 'RESIDENTS_COMMITTEE', 'SERVICE_STATION'].includes(b.stream))
      .reduce((s: bigint, b: { allocated: string }) => s + parseMoney(b.allocated), 0n);
    const xihuLine = districts.find((l: { districtCode: string }) => l.districtCode === '330106');
    expect(parseMoney(xihuLine.budgeted)).toBe(held);
    expect(held).toBeGreaterThan(0n);
    let requirement = 0n;
    for (const l of r.lines) {
      expect(parseMoney(l.requirement)).toBe(parseMoney(l.wages) + parseMoney(l.employerContributions));
      // headcount × W(Y−1), from worker-months, half up.
      expect(parseMoney(l.wages)).toBe((parseMoney('175535.85') * BigInt(l.workerMonths * 2) * 2n + 24n) / 48n);
      const gap = parseMoney(l.requirement) - parseMoney(l.budgeted);
      expect(parseMoney(l.shortfall)).toBe(gap > 0n ? gap : 0n);
      if (l.level === 'DISTRICT') requirement += parseMoney(l.requirement);
    }
    expect(parseMoney(r.totals.requirement)).toBe(requirement);
    // Streets add up to their district.
    const streetMonths = r.lines.filter((l: { level: string; districtCode: string }) => l.level === 'STREET' && l.districtCode === '330106').reduce((n: number, l: { workerMonths: number }) => n + l.workerMonths, 0);
    expect(streetMonths).toBe(xihuLine.workerMonths);

    // The same report as a workbook for the finance bureau: a row per line in order, then the totals, to the fen.
    const res2 = await fetch(`${t.baseUrl}/v1/benchmark/funding-requirement.xlsx?year=2026&asOf=2026-06-30`, { headers: { authorization: `Bearer ${admin}` } });
    expect(res2.status).toBe(200);
    expect(res2.headers.get('content-type')).toContain('spreadsheetml');
    expect(res2.headers.get('content-disposition')).toBe('attachment; filename="funding-requirement-2026-city.xlsx"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res2.arrayBuffer());
    const ws = wb.getWorksheet('经费核定')!;
    const cells = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
    const fen = (v: unknown) => BigInt(Math.round(Number(v) * 100));
    expect(String(cells(1)[0])).toContain('175535.85');
    expect(cells(2)).toEqual(['区县代码', '区县', '街道代码', '人月', '年平均人数', '工资（人数 × W）', '单位社保公积金', '核定所需', '已分配预算', '缺口']);
    r.lines.forEach((l: Record<string, string | number | null>, i: number) => {
      const [district, name, street, months, headcount, ...money] = cells(3 + i);
      expect([district, name ?? '', street ?? '', months, headcount]).toEqual([l.districtCode, l.districtName ?? '', l.streetCode ?? '', l.workerMonths, Number(l.headcount)]);
      expect(money.map(fen)).toEqual(['wages', 'employerContributions', 'requirement', 'budgeted', 'shortfall'].map((k) => parseMoney(String(l[k]))));
    });
    const totals = cells(3 + r.lines.length);
    expect([totals[0], ...totals.slice(7).map(fen)]).toEqual(['合计', parseMoney(r.totals.requirement), parseMoney(r.totals.budgeted), parseMoney(r.totals.shortfall)]);
    expect((await fetch(`${t.baseUrl}/v1/benchmark/funding-requirement.xlsx?year=2026&scope=330102`, { headers: { authorization: `Bearer ${xihu}` } })).status).toBe(404);

    const own = await t.request('GET', '/v1/benchmark/funding-requirement?year=2026', { token: xihu });
    expect(own.status).toBe(200);
    expect(new Set(own.body.lines.map((l: { districtCode: string }) => l.districtCode))).toEqual(new Set(['330106']));
    expect((await t.request('GET', '/v1/benchmark/funding-requirement?year=2026&scope=330102', { token: xihu })).status).toBe(404);
  });

  it('compliance reports the growth test beside the level, and refuses a W(Y−1) of another caliber than W(Y−2)', async () => {
    const res = await t.request('GET', '/v1/benchmark/compliance?year=2026&asOf=2026-06-30', { token: admin });
    expect(res.body).toMatchObject({ cityGrowth: '0.050000', lastYearBasis: 'PROJECTED_FROM_PREVIOUS_SCALE', paidThrough: 0 });
    for (const g of res.body.groups) {
      expect(typeof g.meetsGrowth).toBe('boolean');
      expect(g.compliant).toBe(g.meetsLevel && g.meetsGrowth);
      expect(g.growth).toMatch(/^-?\d+\.\d{6}$/);
    }
    // 2025's recorded community average, entered once known (valid from 2026-01-01, after the year): compliance reads it
    const recorded = await t.request('POST', '/v1/policy/rows', {
      token: admin, body: { kind: 'COMMUNITY_WAGE', validFrom: '2026-01-01', sourceRef: 'test: 2025 统计年报', data: { year: 2025, annual: '150000.00' } },
    });
    expect(recorded.status).toBe(201);
    expect((await t.request('GET', '/v1/benchmark/compliance?year=2026&asOf=2026-06-30', { token: admin })).body.lastYearBasis).toBe('RECORDED');
    const closed = await t.request('POST', `/v1/policy/rows/${recorded.body.id}/close`, { token: admin, body: { validTo: '2025-12-31' } });
    expect(closed.status).toBe(200);
    expect((await t.request('GET', '/v1/benchmark/compliance?year=2026&asOf=2026-06-30', { token: admin })).body.lastYearBasis).toBe('PROJECTED_FROM_PREVIOUS_SCALE');
    const open = (await t.request('GET', '/v1/policy/rows?kind=CITY_WAGE&key=2025', { token: admin })).body;
    const w2025 = (Array.isArray(open) ? open : open.items).find((r: { validTo: string | null }) => r.validTo === null);
    const edit = await t.request('POST', '/v1/policy/rows', {
      token: admin, body: { kind: 'CITY_WAGE', validFrom: w2025.validFrom, sourceRef: 'test: a 全口径 figure', data: { ...w2025.data, caliber: 'ALL_UNITS' } },
    });
    expect(edit.status).toBe(201);
    const refused = await t.request('GET', '/v1/benchmark/compliance?year=2026', { token: admin });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('CITY_WAGE_CALIBER_MISMATCH');
    expect(refused.body.details[0].path).toBe('CITY_WAGE:2025.caliber');
    expect((await t.request('POST', '/v1/benchmark/calibrations', { token: admin, body: { year: 2026 } })).status).toBe(422);
  });
});
