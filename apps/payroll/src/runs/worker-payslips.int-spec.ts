import { DataSource } from 'typeorm';
import { startTestApp, testConfig, testPrincipals, type TestApp } from '@cws/testing';
import { payrollService } from '../payroll.definition';
import { PayrollRunRepository } from './payroll-run.repository';
import { PayslipRepository, type PayslipRow } from './payslip.repository';

const XIHU = '330106';
const XIHU_STREET = '330106001';
const WORKER = 4242;

describe("a worker's payslips across runs: GET /v1/payslips?workerId= (real MySQL)", () => {
  let t: TestApp;
  let admin: string;

  /** A run and the slips it wrote, through the repositories the runs use. */
  async function runWithSlips(period: string, type: 'REGULAR' | 'BONUS', slips: Array<{ workerId: number; district: string; street: string; net: string }>) {
    const ds = t.app.get(DataSource);
    return ds.transaction(async (m) => {
      const runId = await t.app.get(PayrollRunRepository).insert(m, {
        period, type, scopeCode: null, districtCode: null, streetCode: null, correctsRunId: null, createdBy: 'u-city', createdByName: 'city-admin',
      });
      const rows: PayslipRow[] = slips.map((s) => ({
        runId, workerId: s.workerId, slipKind: 'REGULAR', correctsPayslipId: null, period, generation: 0, chunkNo: 0, districtCode: s.district, streetCode: s.street, communityCode: `${s.street}001`,
        workerName: `工人${s.workerId}`, bankAccount: null, status: 'COMPUTED', failureCode: null, failureMessage: null, band: 'ONE', grade: 3,
        gradeSource: 'REGISTER', payer: 'HOME', gross: '6000.00', employeeContributions: '1000.00', tax: '0.00', recoveries: '0.00', net: s.net,
        employerContributions: '1500.00', recoveryCarried: '0.00', flags: '', lines: '[]', taxState: null,
      }));
      await t.app.get(PayslipRepository).upsertMany(m, rows);
      return runId;
    });
  }
  const list = (token: string, query: string) => t.request('GET', `/v1/payslips?${query}`, { token });

  beforeAll(async () => {
    t = await startTestApp(payrollService, testConfig('payroll'));
    admin = t.tokenFor(testPrincipals.cityAdmin());
    // five months of regular runs, plus a bonus run in the last month; another worker in each
    for (const [i, period] of ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10'].entries()) {
      await runWithSlips(period, 'REGULAR', [
        { workerId: WORKER, district: XIHU, street: XIHU_STREET, net: `500${i}.00` },
        { workerId: WORKER + 1, district: XIHU, street: XIHU_STREET, net: '4000.00' },
      ]);
    }
    await runWithSlips('2026-10', 'BONUS', [{ workerId: WORKER, district: XIHU, street: XIHU_STREET, net: '12000.00' }]);
  });
  afterAll(() => t?.close());

  it('lists the worker’s slips newest period first, with each run’s type and status, in signed keyset pages', async () => {
    const seen: Array<{ period: string; net: string; runType: string }> = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const res = await list(admin, `workerId=${WORKER}&limit=4${after ? `&after=${encodeURIComponent(after)}` : ''}`);
      expect(res.status).toBe(200);
      for (const s of res.body.items) {
        expect(s.workerId).toBe(WORKER);
        expect(s.runStatus).toBe('DRAFT');
        seen.push({ period: s.period, net: s.net, runType: s.runType });
      }
      after = res.body.nextAfter;
      pages++;
    } while (after);
    expect(pages).toBe(2);
    expect(seen.map((s) => s.period)).toEqual(['2026-10', '2026-10', '2026-09', '2026-08', '2026-07', '2026-06']);
    // within a period the later run comes first: the bonus run was made after the regular one
    expect(seen.slice(0, 2).map((s) => s.runType)).toEqual(['BONUS', 'REGULAR']);
    expect(seen.map((s) => s.net)).toEqual(['12000.00', '5004.00', '5003.00', '5002.00', '5001.00', '5000.00']);
  });

  it('shows a district user only the slips in their district, and an API client needs payroll:read', async () => {
    expect((await list(t.tokenFor(testPrincipals.districtHr(XIHU)), `workerId=${WORKER}`)).body.items).toHaveLength(6);
    const other = await list(t.tokenFor(testPrincipals.districtHr('330102')), `workerId=${WORKER}`);
    expect(other.status).toBe(200);
    expect(other.body).toEqual({ items: [], nextAfter: null });
    expect((await list(t.tokenFor(testPrincipals.client(['budget:read'])), `workerId=${WORKER}`)).status).toBe(403);
    expect((await list(t.tokenFor(testPrincipals.client(['payroll:read'])), `workerId=${WORKER}`)).body.items).toHaveLength(6);
  });

  it('refuses a crafted cursor and a missing worker id on their fields', async () => {
    const crafted = await list(admin, `workerId=${WORKER}&after=${Buffer.from('["2026-09",1]').toString('base64url')}.AAAA`);
    expect(crafted.status).toBe(400);
    expect(crafted.body).toMatchObject({ code: 'INVALID_CURSOR', details: [{ path: 'after' }] });
    const missing = await list(admin, 'limit=5');
    expect(missing.status).toBe(400);
    expect(missing.body.details.map((d: { path: string }) => d.path)).toContain('workerId');
  });
});
