import { DataSource } from 'typeorm';
import { SIMULATION_EXAMPLE, SIMULATION_EXAMPLE_QUARTER } from '@cws/payroll-contracts';
import { startedApp, type TestApp, testPrincipals } from '@cws/testing';
import { seedPayrollService } from '../seed/seed';
import { startSeededPayroll } from '@cws/payroll-testing';

describe('payroll simulator and policy tables (real MySQL and Redis)', () => {
  let t: TestApp;
  let ds: DataSource;
  let token: string;

  beforeAll(async () => {
    ({ t, ds, tokens: { xihu: token } } = startedApp(await startSeededPayroll()));
  });
  afterAll(() => t?.close());

  const simulate = (body: unknown, tok = token) => t.request('POST', '/v1/simulations', { token: tok, body });

  describe('simulations', () => {
    it('answers the documented form: January 555.00 and the separate bonus 1080.00', async () => {
      const res = await simulate(SIMULATION_EXAMPLE);
      expect(res.status).toBe(200);
      expect(res.body.months).toEqual([{ month: 1, cumulativeTaxable: '18500.00', tax: '555.00', cumulativeTax: '555.00' }]);
      expect(res.body.bonusTax).toBe('1080.00');
      expect(res.body.totalTax).toBe('1635.00');
      expect(res.body.tables.tax.source).toContain('累计预扣法');
    });

    it('matches the official worked example to the fen over a quarter', async () => {
      const res = await simulate(SIMULATION_EXAMPLE_QUARTER);
      expect(res.status).toBe(200);
      expect(res.body.months).toEqual([
        { month: 1, cumulativeTaxable: '18500.00', tax: '555.00', cumulativeTax: '555.00' },
        { month: 2, cumulativeTaxable: '37000.00', tax: '625.00', cumulativeTax: '1180.00' },
        { month: 3, cumulativeTaxable: '55500.00', tax: '1850.00', cumulativeTax: '3030.00' },
      ]);
      expect(res.body.bonusTax).toBe('1080.00');
    });

    it('counts the basic deduction only for the months employed (a hire in October)', async () => {
      const months = [10, 11, 12].map((month) => ({ month, gross: '12000.00', employeeInsurance: '2100.00' }));
      const res = await simulate({ year: 2026, months });
      expect(res.status).toBe(200);
      expect(res.body.months).toEqual([
        { month: 10, cumulativeTaxable: '4900.00', tax: '147.00', cumulativeTax: '147.00' },
        { month: 11, cumulativeTaxable: '9800.00', tax: '147.00', cumulativeTax: '294.00' },
        { month: 12, cumulativeTaxable: '14700.00', tax: '147.00', cumulativeTax: '441.00' },
      ]);
      expect(res.body.bonusTax).toBeUndefined();
    });

    const month = (m: number, over: Record<string, unknown> = {}) => ({ month: m, gross: '10000.00', employeeInsurance: '1000.00', ...over });
    const cases: Array<[string, unknown, string]> = [
      ['a non-numeric amount', { year: 2026, months: [month(1), month(2, { gross: 'abc' })] }, 'months[1].gross'],
      ['a negative amount', { year: 2026, months: [month(1, { employeeInsurance: '-1.00' })] }, 'months[0].employeeInsurance'],
      ['more than two decimals', { year: 2026, months: [month(1), month(2, { specialDeductions: '10.123' })] }, 'months[1].specialDeductions'],
      ['a number instead of a decimal string', { year: 2026, months: [month(1, { taxFree: 5 })] }, 'months[0].taxFree'],
      ['a repeated month', { year: 2026, months: [month(1), month(1)] }, 'months[1].month'],
      ['months out of order', { year: 2026, months: [month(3), month(2)] }, 'months[1].month'],
      ['a month outside 1–12', { year: 2026, months: [month(13)] }, 'months[0].month'],
      ['month 0', { year: 2026, months: [month(0)] }, 'months[0].month'],
      ['a missing gross', { year: 2026, months: [{ month: 1 }] }, 'months[0].gross'],
      ['a malformed bonus amount', { year: 2026, months: [month(1)], bonus: { amount: '1.001', method: 'SEPARATE' } }, 'bonus.amount'],
      ['an unknown bonus method', { year: 2026, months: [month(1)], bonus: { amount: '1.00', method: 'LATER' } }, 'bonus.method'],
      ['a separate bonus after the allowed years', { year: 2028, months: [month(1)], bonus: { amount: '1.00', method: 'SEPARATE' } }, 'bonus.method'],
      ['no months', { year: 2026, months: [] }, 'months'],
      ['months not a list', { year: 2026, months: 'all' }, 'months'],
      ['a month that is not an object', { year: 2026, months: [month(1), 7] }, 'months[1]'],
      ['a bonus that is not an object', { year: 2026, months: [month(1)], bonus: '36000.00' }, 'bonus'],
      ['a year given as a string', { year: '2026', months: [month(1)] }, 'year'],
      ['a year past 9999', { year: 10000, months: [month(1)] }, 'year'],
      ['a year before 2019', { year: 2018, months: [month(1)] }, 'year'],
      ['an unknown field', { year: 2026, months: [month(1, { overtime: '1.00' })] }, 'months[0].overtime'],
    ];
    it.each(cases)('answers 400 naming the field for %s', async (_name, body, path) => {
      const res = await simulate(body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ path, issue: expect.any(String) })]));
    });

    it("names each issue by a code the UI translates (the engine's), not only by its English text", async () => {
      const res = await simulate({ year: 2026, months: [month(1, { employeeInsurance: '-1.00' })], bonus: { amount: '1.001', method: 'MERGED' } });
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: 'months[0].employeeInsurance', code: 'AMOUNT_NEGATIVE' }),
          expect.objectContaining({ path: 'bonus.amount', code: 'AMOUNT_TOO_MANY_DECIMALS' }),
        ]),
      );
    });

    it('needs a token; API clients need payroll:read', async () => {
      expect((await t.request('POST', '/v1/simulations', { body: SIMULATION_EXAMPLE })).status).toBe(401);
      expect((await simulate(SIMULATION_EXAMPLE, t.tokenFor(testPrincipals.client(['budget:read'])))).status).toBe(403);
      expect((await simulate(SIMULATION_EXAMPLE, t.tokenFor(testPrincipals.client(['payroll:read'])))).status).toBe(200);
    });

    it('documents the example in OpenAPI', async () => {
      const doc = await t.request('GET', '/docs-json');
      expect(doc.status).toBe(200);
      const op = doc.body.paths['/api/payroll/v1/simulations'].post;
      expect(op.requestBody.content['application/json'].examples.official.value).toEqual(SIMULATION_EXAMPLE);
      expect(op.requestBody.content['application/json'].examples.firstQuarter.value).toEqual(SIMULATION_EXAMPLE_QUARTER);
    });
  });

  describe('policy tables', () => {
    const admin = () => t.tokenFor(testPrincipals.cityAdmin());

    it('seeds idempotently, with sources marked illustrative where they are', async () => {
      const before = Number((await ds.query('SELECT COUNT(*) AS n FROM policy_row'))[0].n);
      expect((await seedPayrollService(ds)).added).toBe(0);
      expect(Number((await ds.query('SELECT COUNT(*) AS n FROM policy_row'))[0].n)).toBe(before);
      const wages = await t.request('GET', '/v1/policy/rows?kind=CITY_WAGE', { token });
      expect(wages.status).toBe(200);
      const w2025 = wages.body.find((r: { key: string }) => r.key === '2025');
      expect(w2025).toMatchObject({ data: { year: 2025, annual: '175535.85', caliber: 'URBAN_NON_PRIVATE' }, validTo: null });
      expect(w2025.sourceRef).toMatch(/illustrative/);
      const effective = await t.request('GET', '/v1/policy/effective?year=2026', { token });
      expect(effective.status).toBe(200);
      expect(effective.body.illustrative).toBe(true);
      expect(effective.body.payScale.bands.map((b: { band: string; minGrade: number; maxGrade: number }) => [b.band, b.minGrade, b.maxGrade]))
        .toEqual(expect.arrayContaining([['HEAD', 7, 18], ['DEPUTY', 4, 15], ['OTHER', 1, 12]]));
      expect(effective.body.proRating.standardDaysPerMonth).toBe('21.75');
      expect(effective.body.insurance).toHaveLength(5);
    });

    it('an edit closes the open row the day before, inserts its successor and audits both', async () => {
      const [old] = (await t.request('GET', '/v1/policy/rows?kind=CITY_WAGE&key=2025', { token })).body;
      const res = await t.request('POST', '/v1/policy/rows', {
        token: admin(),
        body: { kind: 'CITY_WAGE', validFrom: '2026-07-01', sourceRef: '杭州市统计公报 2025 (test figure)', data: { year: 2025, annual: '176000.00', caliber: 'URBAN_NON_PRIVATE' } },
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ kind: 'CITY_WAGE', key: '2025', validFrom: '2026-07-01', validTo: null, data: { annual: '176000.00' } });
      const closed = await t.request('GET', `/v1/policy/rows/${old.id}`, { token });
      expect(closed.body).toMatchObject({ validTo: '2026-06-30', supersededBy: res.body.id, data: { annual: '175535.85' } });
      const history = await t.request('GET', '/v1/policy/rows?kind=CITY_WAGE&key=2025&history=true', { token });
      expect(history.body.map((r: { id: string }) => r.id)).toEqual([old.id, res.body.id]);
      const audit = await ds.query(`SELECT entity_id, action, actor_name, \`before\`, \`after\` FROM audit_log WHERE entity = 'policy_row' ORDER BY id`);
      expect(audit.map((a: { entity_id: string; action: string }) => [a.entity_id, a.action])).toEqual([[old.id, 'CLOSE'], [res.body.id, 'SUPERSEDE']]);
      expect(audit.every((a: { actor_name: string }) => a.actor_name === 'city-admin')).toBe(true);
      const superseded = typeof audit[1].before === 'string' ? JSON.parse(audit[1].before) : audit[1].before;
      expect(superseded).toMatchObject({ id: old.id, validTo: null });
    });

    it('refuses a row starting before the open one (409), a malformed body (400 naming data.<field>) and non-admins (403)', async () => {
      const base = { kind: 'UNIT_VALUE', sourceRef: 'test', data: { year: 2026, unitValue: '4000.00' } };
      const backdated = await t.request('POST', '/v1/policy/rows', { token: admin(), body: { ...base, validFrom: '2025-12-31' } });
      expect(backdated.status).toBe(409);
      expect(backdated.body.code).toBe('POLICY_ROW_BACKDATED');
      const bad = await t.request('POST', '/v1/policy/rows', { token: admin(), body: { ...base, validFrom: '2026-03-01', data: { year: 2026, unitValue: '4000.001' } } });
      expect(bad.status).toBe(400);
      expect(bad.body.details).toEqual([expect.objectContaining({ path: 'data.unitValue' })]);
      const brackets = await t.request('POST', '/v1/policy/rows', {
        token: admin(),
        body: { kind: 'TAX_TABLE', validFrom: '2027-01-01', sourceRef: 'test', data: { basicDeductionMonthly: '5000.00', brackets: [{ upTo: '100.00', rate: '0.03', quickDeduction: '0.00' }, { upTo: '50.00', rate: '0.1', quickDeduction: '0.00' }] } },
      });
      expect(brackets.status).toBe(400);
      expect(brackets.body.details.map((d: { path: string }) => d.path)).toContain('data.brackets[1].upTo');
      const hr = await t.request('POST', '/v1/policy/rows', { token, body: { ...base, validFrom: '2026-03-01' } });
      expect(hr.status).toBe(403);
      const client = await t.request('POST', '/v1/policy/rows', { token: t.tokenFor(testPrincipals.client(['payroll:read', 'payroll:write'])), body: { ...base, validFrom: '2026-03-01' } });
      expect(client.status).toBe(403);
      expect(Number((await ds.query(`SELECT COUNT(*) AS n FROM policy_row WHERE kind = 'UNIT_VALUE' AND row_key = '2026'`))[0].n)).toBe(1);
    });

    it('a new tax table from a later year is used for that year only', async () => {
      const res = await t.request('POST', '/v1/policy/rows', {
        token: admin(),
        body: { kind: 'BONUS_TAX', validFrom: '2027-01-01', sourceRef: 'test: separate method extended', data: { allowedFromYear: 2019, allowedToYear: 2030, brackets: [{ upTo: null, rate: '0.05', quickDeduction: '0.00' }] } },
      });
      expect(res.status).toBe(201);
      const y2028 = await simulate({ year: 2028, months: [{ month: 1, gross: '1000.00' }], bonus: { amount: '36000.00', method: 'SEPARATE' } });
      expect(y2028.status).toBe(200);
      expect(y2028.body.bonusTax).toBe('1800.00');
      expect(y2028.body.tables.bonusTax.id).toBe(res.body.id);
      const y2026 = await simulate(SIMULATION_EXAMPLE);
      expect(y2026.body.bonusTax).toBe('1080.00');
      expect(y2026.body.tables.bonusTax.id).not.toBe(res.body.id);
    });
  });
});
