import { DataSource } from 'typeorm';
import { PiiCipher } from '@cws/persistence';
import { startTestApp, testConfig, type TestApp } from '@cws/testing';
import { seedWorkersService } from '../../apps/workers/src/seed/seed';
import { workersService } from '../../apps/workers/src/workers.definition';
import { payrollService } from '../../apps/payroll/src/payroll.definition';
import { seedPayrollService } from '../../apps/payroll/src/seed/seed';
import { defaultPathValue, describeFindings, FULL, runHostileCases } from './hostile-runner';

/** Hostile input on every write route of the payroll service. */
describe(`hostile input: payroll (${FULL ? 'full' : 'fast'})`, () => {
  let app: TestApp;
  let workers: TestApp;
  let ds: DataSource;
  beforeAll(async () => {
    // the workers service it reads the workforce from, so valid-looking input gets past that call
    workers = await startTestApp(workersService, testConfig('workers'));
    await seedWorkersService(workers.app.get(DataSource), workers.app.get(PiiCipher), { password: 'Test@2026', workers: 30 });
    const base = testConfig('payroll', { rateLimitPerMinute: 1_000_000 });
    app = await startTestApp(payrollService, { ...base, serviceUrls: { ...base.serviceUrls, workers: new URL(workers.baseUrl).origin } });
    ds = app.app.get(DataSource);
    await seedPayrollService(ds);
  });
  afterAll(async () => {
    await app?.close();
    await workers?.close();
  });

  it('answers every generated case with a 4xx (code, field path) or a success — never a 5xx — and a refused case writes nothing', async () => {
    const s = await runHostileCases(app, ds, { pathValue: defaultPathValue() });
    console.log(`payroll: ${s.routes} write routes, ${s.cases} cases, statuses ${JSON.stringify(s.byStatus)}, findings ${s.findings.length}`);
    expect(s.cases).toBeGreaterThan(0);
    expect(describeFindings(s)).toBe('');
  }, 900_000);
});
