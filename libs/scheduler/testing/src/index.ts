/**
 * Test-only: the scheduler service for integration tests — its own specs and payroll's, which read the
 * roster hours over HTTP and hear of them through the scheduler's events. Lint allows only specs and
 * testing libs to import it.
 */
import { OutboxRelay } from '@cws/messaging';
import type { MonthHoursResponse } from '@cws/scheduler-contracts';
import { callingApps, startStack, startTestApp, testConfig, tokensOf, until, type TestApp, type TestTokens } from '@cws/testing';
import { communitiesOf, startSeededWorkers, type SeededCommunity } from '@cws/workers-testing';
import { DataSource } from 'typeorm';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { schedulerService } from '../../../../apps/scheduler/src/scheduler.definition';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { seedSchedulerService } from '../../../../apps/scheduler/src/seed/seed';

// eslint-disable-next-line @nx/enforce-module-boundaries
export { schedulerService } from '../../../../apps/scheduler/src/scheduler.definition';
// eslint-disable-next-line @nx/enforce-module-boundaries
export { seedSchedulerService } from '../../../../apps/scheduler/src/seed/seed';

/** Workers seeded for rosters: 432 over the 36 demo communities, 12 each — the demo centre's size. */
export const ROSTER_WORKERS = 432;

export interface SchedulerOverWorkers {
  workers: TestApp;
  scheduler: TestApp;
  /** The workers service's active communities, by code. */
  communities: SeededCommunity[];
  /** The demo service centre's community (the first of 西湖区). */
  community: string;
  /** The test principals' tokens (signed by the scheduler; every app of the file takes them). */
  tokens: TestTokens;
  /** Closes the scheduler, then the workers service. */
  close(): Promise<void>;
}

/**
 * Starts a workers service with {@link ROSTER_WORKERS} workers and a scheduler that reads it, seeded with
 * its communities and the demo centre. `sharedQueue`: both on the workers service's queue prefix, so
 * one hears the other's events.
 */
export async function startSchedulerOverWorkers(opts: { sharedQueue?: boolean } = {}): Promise<SchedulerOverWorkers> {
  return startStack(async (stack) => {
    const workersConfig = testConfig('workers');
    const queue = opts.sharedQueue ? { queuePrefix: workersConfig.queuePrefix } : {};
    const workers = await stack.add(startSeededWorkers({ workers: ROSTER_WORKERS, config: workersConfig }));
    const communities = await communitiesOf(workers);
    const scheduler = await stack.add(startTestApp(schedulerService, callingApps(testConfig('scheduler', queue), { workers })));
    const { demoCentre } = await seedSchedulerService(scheduler.app.get(DataSource), communities);
    if (!demoCentre) throw new Error('the scheduler seed made no demo centre');
    return { workers, scheduler, communities, community: demoCentre, tokens: tokensOf(scheduler) };
  });
}

/**
 * Generates `community`'s roster of `month` as `token`'s user, waits for the solver's draft, publishes
 * it and relays the scheduler's outbox (the hours-published event leaves now, not on the relay's next
 * tick); returns the published hours as the scheduler's API answers them.
 */
export async function publishRoster(scheduler: TestApp, token: string, community: string, month: string): Promise<MonthHoursResponse> {
  const created = await scheduler.request('POST', '/v1/rosters', { token, body: { community, month } });
  expect(created.status).toBe(201);
  const roster = await solvedRoster(scheduler, token, created.body.id);
  expect(roster.status).toBe('DRAFT');
  expect((await scheduler.request('POST', `/v1/rosters/${roster.id}/publish`, { token })).status).toBe(200);
  await scheduler.app.get(OutboxRelay).relayNow();
  return (await scheduler.request('GET', `/v1/hours?month=${month}&community=${community}`, { token })).body;
}

/**
 * {@link until} on a scheduler whose outbox is relayed before each read, so what the scheduler wrote
 * leaves without waiting for the relay's tick (specs that stop the relay decide when events move).
 */
export function relayedUntil<T>(scheduler: TestApp, what: string, read: () => Promise<T>, done: (v: T) => boolean, ms = 150_000): Promise<T> {
  const relay = scheduler.app.get(OutboxRelay);
  return until(what, async () => {
    await relay.relayNow();
    return read();
  }, done, ms);
}

/** Waits for roster `id` to leave QUEUED (the solver's draft, or its refusal) and returns it as `GET /v1/rosters/:id` answers `token`'s user. */
export function solvedRoster(scheduler: TestApp, token: string, id: number, ms = 150_000) {
  return relayedUntil(scheduler, `roster ${id}`, async () => (await scheduler.request('GET', `/v1/rosters/${id}`, { token })).body, (b) => b.status !== 'QUEUED', ms);
}
