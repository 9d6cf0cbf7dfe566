import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { DataSource } from 'typeorm';
import { startTestApp, testConfig, testPrincipals, type TestApp } from '@cws/testing';
import { budgetService } from '../../apps/budget/src/budget.definition';
import { demoCommunities, seedBudgetService } from '../../apps/budget/src/seed/seed';
import { workersService } from '../../apps/workers/src/workers.definition';

/**
 * Issue #15: a client generated from the published documents (openapi-typescript 7 + openapi-fetch)
 * compiles, and drives the bureau's flow against the real workers and budget services.
 * The flow (client/bureau-flow.ts) only sees the generated types; it is loaded by path because
 * the root type-check runs before the types exist (client/tsconfig.json compiles it here).
 */
type BureauFlow = (input: Record<string, string>) => Promise<{
  tokenType: string;
  scope: string;
  cacheControl: string | null;
  first: { status: number; id: string; amount: string; replayed: string | null; ledgerEntryIds: string[] };
  replay: { status: number; id: string; replayed: string | null };
  ledger: Array<{ id: string; postingId: string | null; entryType: string; spent: string }>;
  pages: number;
}>;

const ROOT = path.resolve(__dirname, '../..');
const CLIENT = path.join(__dirname, 'client');
const bin = (name: string) => path.join(ROOT, 'node_modules/.bin', name);
/**
 * Asynchronous on purpose: the services run in this process, and a child run with spawnSync would
 * block their event loop past the keep-alive timeout (the next request then meets a reset socket).
 */
const run = async (file: string, args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(file, args, { encoding: 'utf8' });
    return { status: 0, output: stdout + stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { status: err.code ?? 1, output: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
};

describe('a generated OpenAPI client drives the bureau flow (openapi-typescript + openapi-fetch)', () => {
  let workers: TestApp;
  let budget: TestApp;
  let clientSecret: string;
  let allocationId: string;

  beforeAll(async () => {
    workers = await startTestApp(workersService, testConfig('workers'));
    budget = await startTestApp(budgetService, testConfig('budget'));
    await seedBudgetService(budget.app.get(DataSource), demoCommunities().filter((c) => c.districtCode === '330106').slice(0, 2));

    const generated = path.join(CLIENT, 'generated');
    mkdirSync(generated, { recursive: true });
    for (const [name, app] of [['workers', workers], ['budget', budget]] as const) {
      const doc = await app.request('GET', '/docs-json');
      expect(doc.status).toBe(200);
      writeFileSync(path.join(generated, `${name}.json`), JSON.stringify(doc.body));
      const gen = await run(bin('openapi-typescript'), [path.join(generated, `${name}.json`), '-o', path.join(generated, `${name}.ts`)]);
      expect([name, gen.status, gen.output.includes('✘') ? gen.output : '']).toEqual([name, 0, '']);
    }

    const created = await workers.request('POST', '/v1/api-clients', {
      token: workers.tokenFor(testPrincipals.cityAdmin()),
      body: { clientId: 'xihu-finance-gen', name: '西湖区财政局', scopeLevel: 'DISTRICT', scopeDistrict: '330106', permissions: ['budget:read', 'budget:write'] },
    });
    expect(created.status).toBe(201);
    clientSecret = created.body.clientSecret;
    const allocations = await budget.request('GET', '/v1/allocations?fiscalYear=2026&district=330106&stream=RESIDENTS_COMMITTEE&limit=1', { token: budget.tokenFor(testPrincipals.finance()) });
    expect(allocations.body.items).toHaveLength(1);
    allocationId = allocations.body.items[0].id;
  }, 180_000);
  afterAll(async () => {
    await budget?.close();
    await workers?.close();
  });

  it('the generated types compile with the flow written against them (tsc, strict)', async () => {
    const tsc = await run(bin('tsc'), ['-p', path.join(CLIENT, 'tsconfig.json')]);
    expect(tsc.output).toBe('');
    expect(tsc.status).toBe(0);
  }, 120_000);

  it('token by client credentials, an expenditure with an Idempotency-Key, its replay, the ledger read with ?after=', async () => {
    const flowPath = path.join(CLIENT, 'bureau-flow');
    const { bureauFlow } = (await import(flowPath)) as { bureauFlow: BureauFlow };
    const r = await bureauFlow({
      workersOrigin: new URL(workers.baseUrl).origin,
      budgetOrigin: new URL(budget.baseUrl).origin,
      clientId: 'xihu-finance-gen',
      clientSecret,
      allocationId,
      idempotencyKey: 'gk-2026-000123-try',
    });
    expect(r).toMatchObject({ tokenType: 'Bearer', scope: 'budget:read budget:write', cacheControl: 'no-store' });
    expect(r.first).toMatchObject({ status: 201, amount: '1250.00', replayed: null });
    // the same key again: the stored answer, marked, nothing booked twice
    expect(r.replay).toEqual({ status: 201, id: r.first.id, replayed: 'true' });
    expect(r.ledger).toEqual([{ id: r.first.ledgerEntryIds[0], postingId: r.first.id, entryType: 'EXPENDITURE', spent: '1250.00' }]);
    expect(r.first.ledgerEntryIds).toHaveLength(1);
    // limit=1: the single entry's page, then the empty end of the cursor
    expect(r.pages).toBeLessThanOrEqual(2);
  });
});
