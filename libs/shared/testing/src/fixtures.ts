/**
 * What the specs' start-ups have in common: the tokens of the test principals, one service pointed at
 * the others it calls, and several apps closed in reverse order (and closed again when a later start fails).
 */
import type { ServiceConfig, ServiceName } from '@cws/platform';
import { DataSource } from 'typeorm';
import { testPrincipals, type TestApp } from './test-app';

/** Access tokens of the test principals, as the specs name them. */
export interface TestTokens {
  /** CITY_ADMIN, city scope. */
  admin: string;
  /** FINANCE, city scope. */
  finance: string;
  /** AUDITOR, city scope. */
  auditor: string;
  /** DISTRICT_HR of 西湖区 (330106). */
  xihu: string;
  /** DISTRICT_HR of 上城区 (330102). */
  shangcheng: string;
}

const XIHU = '330106';
const SHANGCHENG = '330102';

/** Signs the test principals' tokens with `app`'s keys (the apps of one test file share them). */
export function tokensOf(app: TestApp): TestTokens {
  return {
    admin: app.tokenFor(testPrincipals.cityAdmin()),
    finance: app.tokenFor(testPrincipals.finance()),
    auditor: app.tokenFor(testPrincipals.auditor()),
    xihu: app.tokenFor(testPrincipals.districtHr(XIHU)),
    shangcheng: app.tokenFor(testPrincipals.districtHr(SHANGCHENG)),
  };
}

/** One started service with its data source and tokens: what a single-service spec's `beforeAll` hands on. */
export interface StartedApp {
  t: TestApp;
  ds: DataSource;
  tokens: TestTokens;
}

export function startedApp(t: TestApp): StartedApp {
  return { t, ds: t.app.get(DataSource), tokens: tokensOf(t) };
}

/**
 * Starts a service before the file's tests and closes it after them, in place of a spec's own `let t; let ds; …`
 * block with its beforeAll and afterAll: the fields of what it returns are there from the first test on.
 */
export function usingApp(start: () => Promise<TestApp>, timeoutMs = 120_000): StartedApp {
  const started = {} as StartedApp;
  beforeAll(async () => {
    Object.assign(started, startedApp(await start()));
  }, timeoutMs);
  afterAll(() => started.t?.close());
  return started;
}

/** The same for a spec that starts several services (`start…Over…` from the testing libs): closed with the stack's own `close`. */
export function usingStack<T extends { close(): Promise<void> }>(start: () => Promise<T>, timeoutMs = 120_000): T {
  const started = {} as T;
  beforeAll(async () => {
    Object.assign(started, await start());
  }, timeoutMs);
  afterAll(() => started.close?.());
  return started;
}

/** `config` with its service URLs pointing at the given running apps (the services it calls). */
export function callingApps(config: ServiceConfig, apps: Partial<Record<ServiceName, TestApp>>): ServiceConfig {
  const urls = Object.fromEntries(Object.entries(apps).map(([name, app]) => [name, new URL(app.baseUrl).origin]));
  return { ...config, serviceUrls: { ...config.serviceUrls, ...urls } };
}

/** Apps of one spec, closed in the reverse order of their start. */
export class TestStack {
  private readonly apps: Array<{ close(): Promise<void> }> = [];

  /** Waits for `starting` and keeps the app to close it later. */
  async add<A extends { close(): Promise<void> }>(starting: Promise<A>): Promise<A> {
    const app = await starting;
    this.apps.push(app);
    return app;
  }

  async close(): Promise<void> {
    while (this.apps.length) await this.apps.pop()!.close();
  }
}

/**
 * Runs `start` with a fresh stack and returns what it returns plus `close()` (reverse order). When a
 * start fails, the apps already up are closed (schemas and queue keys dropped) before the error is thrown.
 */
export async function startStack<T extends object>(start: (stack: TestStack) => Promise<T>): Promise<T & { close(): Promise<void> }> {
  const stack = new TestStack();
  try {
    return { ...(await start(stack)), close: () => stack.close() };
  } catch (err) {
    await stack.close().catch(() => undefined);
    throw err;
  }
}
