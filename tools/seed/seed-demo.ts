import { cityToday } from '@cws/kernel';
import type { ServiceName } from '@cws/platform';
import type { PiiCipher } from '@cws/persistence';
import type { DataSource } from 'typeorm';
import { seedWorkersService } from '../../apps/workers/src/seed/seed';
import { seedDemoTraining } from '../../apps/workers/src/seed/seed-training';
import { seedBudgetService, seedPayBudget, type SeedCommunity } from '../../apps/budget/src/seed/seed';
import { seedPayrollService } from '../../apps/payroll/src/seed/seed';
import { seedSchedulerService } from '../../apps/scheduler/src/seed/seed';

export interface DemoOptions {
  password: string;
  /** Total workers; the default is the small demo city (36 communities). */
  workers?: number;
}

export const DEFAULT_DEMO_WORKERS = 540;

/**
 * Seeds each service's schema through that service's own seed function. The org facts the
 * other services need (community codes, households) are handed over here, as the services
 * themselves would receive them through the workers API and events. Every step is idempotent.
 */
export async function seedDemo(sources: Record<ServiceName, DataSource>, cipher: PiiCipher, opts: DemoOptions): Promise<string> {
  const workers = opts.workers ?? DEFAULT_DEMO_WORKERS;
  const register = await seedWorkersService(sources.workers, cipher, { password: opts.password, workers });
  const communities: SeedCommunity[] = (
    await sources.workers.query('SELECT code, street_code, district_code, households FROM community WHERE active = 1 ORDER BY code')
  ).map((r: { code: string; street_code: string; district_code: string; households: number }) => ({
    code: r.code,
    streetCode: r.street_code,
    districtCode: r.district_code,
    households: Number(r.households),
  }));
  // The demo follows the calendar: a suite started in a later year than the demo was written for gets that year's
  // open fiscal year with money in it, a pay policy in force and its training (the seeds never go below their own year).
  const today = cityToday();
  const year = Number(today.slice(0, 4));
  const training = await seedDemoTraining(sources.workers, { year, today });
  const budget = await seedBudgetService(sources.budget, communities, { year });
  // Community workers' pay in the pay streams, so a paid demo payroll run's cost postings book.
  const payBudget = await seedPayBudget(sources.budget, communities, { year });
  const payroll = await seedPayrollService(sources.payroll, { lastYear: year });
  const scheduler = await seedSchedulerService(sources.scheduler, communities);
  return `demo city: ${JSON.stringify(register)}, training ${JSON.stringify(training)}; budget: ${JSON.stringify(budget)}, pay ${JSON.stringify(payBudget)}; payroll: ${JSON.stringify(payroll)}; scheduler: ${JSON.stringify(scheduler)}`;
}
