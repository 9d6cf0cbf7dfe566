import type { DataSource } from 'typeorm';
import type { TestApp } from '@cws/testing';
import { payrollService } from '../../apps/payroll/src/payroll.definition';
import { seedPayrollService } from '../../apps/payroll/src/seed/seed';
import { defaultPathValue, describeFindings, FULL, runHostileCases } from './hostile-runner';
import { startWithWorkers } from './hostile-setup';

/** Hostile input on every write route of the payroll service. */
describe(`hostile input: payroll (${FULL ? 'full' : 'fast'})`, () => {
  let app: TestApp;
  let workers: TestApp;
  let ds: DataSource;
  beforeAll(async () => {
    ({ app, workers, ds } = await startWithWorkers('payroll', payrollService));
    await seedPayrollService(ds);
  });
  afterAll(async () => {
    await app?.close();
    await workers?.close();
  });

  it('answers every generated case with a 4xx (code, field path) or a success — never a 5xx — and a refused case writes nothing', async () => {
    const s = await runHostileCases(app, ds, { pathValue: defaultPathValue() });
    console.log(`payroll: ${s.routes} write routes, ${s.cases} cases, statuses ${JSON.stringify(s.byStatus)}, concurrent ${JSON.stringify(s.concurrentByStatus)}, findings ${s.findings.length}`);
    // every write route of the service's OpenAPI document is generated from (a floor: one dropped from the document shows)
    expect(s.routes).toBeGreaterThanOrEqual(18);
    expect(s.cases).toBeGreaterThan(0);
    expect(describeFindings(s)).toBe('');
  }, 900_000);
});
