import { startTestApp, testConfig, type TestApp } from '@cws/testing';
import { budgetService } from '../../apps/budget/src/budget.definition';
import { demoCommunities, seedBudgetService } from '../../apps/budget/src/seed/seed';
import { payrollService } from '../../apps/payroll/src/payroll.definition';
import { seedPayrollService } from '../../apps/payroll/src/seed/seed';
import { schedulerService } from '../../apps/scheduler/src/scheduler.definition';
import { seedSchedulerService } from '../../apps/scheduler/src/seed/seed';
import { DataSource } from 'typeorm';
import { defaultPathValue } from './hostile-runner';
import { startWithWorkers } from './hostile-setup';
import { runReadCases } from './read-cases';

/** Hostile query strings and path parameters on every read route of the four services. */
describe('hostile input: read routes', () => {
  let workers: TestApp;
  const apps: TestApp[] = [];

  beforeAll(async () => {
    const payroll = await startWithWorkers('payroll', payrollService);
    workers = payroll.workers;
    await seedPayrollService(payroll.ds);
    const base = (name: 'scheduler' | 'budget') => {
      const c = testConfig(name, { rateLimitPerMinute: 1_000_000 });
      return { ...c, serviceUrls: { ...c.serviceUrls, workers: new URL(workers.baseUrl).origin } };
    };
    const scheduler = await startTestApp(schedulerService, base('scheduler'));
    await seedSchedulerService(scheduler.app.get(DataSource), [{ code: '330106001001', streetCode: '330106001', districtCode: '330106' }]);
    const budget = await startTestApp(budgetService, base('budget'));
    await seedBudgetService(budget.app.get(DataSource), demoCommunities());
    payroll.app.config.serviceUrls.budget = new URL(budget.baseUrl).origin; // read per call: the funding requirement asks budget
    apps.push(workers, payroll.app, scheduler, budget);
  }, 180_000);
  afterAll(async () => {
    for (const a of apps.reverse()) await a.close();
  });

  const pathValue = defaultPathValue({ month: '2026-03', period: '2026-03' });

  // the floors: every read route of the service's OpenAPI document (one dropped from it fails here)
  it.each([['workers', 43], ['payroll', 27], ['scheduler', 9], ['budget', 21]] as const)('%s: never a 5xx; every 4xx has a code, a 400 names the parameter', async (service, floor) => {
    const app = apps.find((a) => a.config.service === service)!;
    const s = await runReadCases(app, pathValue);
    console.log(`${service}: ${s.routes} read routes, ${s.cases} cases, statuses ${JSON.stringify(s.byStatus)}, findings ${s.findings.length}`);
    expect(s.routes).toBeGreaterThanOrEqual(floor);
    expect(s.findings.slice(0, 30).map((f) => `${f.status} ${f.route} ${f.case}: ${JSON.stringify(f.body)?.slice(0, 200)}`).join('\n')).toBe('');
  }, 600_000);
});
