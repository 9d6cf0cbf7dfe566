/**
 * The payroll service's side of "no secret and no raw personal identifier in the logs or the error
 * answers" (log-secrets.int-spec.ts is the workers service's): payroll decrypts nothing itself but
 * receives every worker's bank account in the snapshot and writes it into the bank files. A payroll
 * app at debug level, its stdout captured through a run computed, approved and paid out as bank
 * files, and through refused requests that carry a bank account or resident ID; then the capture
 * and every 4xx/5xx body are searched for the accounts, the resident IDs, the tokens and the keys.
 */
import { DataSource } from 'typeorm';
import type { INestApplication } from '@nestjs/common';
import { PiiCipher } from '@cws/persistence';
import { createServiceApp, TokenService } from '@cws/platform';
import { callingApps, dropTestResources, testConfig, testPrincipals, type TestApp } from '@cws/testing';
import { payrollService, seedPayrollService } from '@cws/payroll-testing';
import { startSeededWorkers } from '@cws/workers-testing';

describe('captured logs hold no bank accounts, resident IDs or secrets (payroll at debug level)', () => {
  const captured: string[] = [];
  const errorBodies: string[] = [];
  const realWrite = process.stdout.write.bind(process.stdout);
  let workers: TestApp;
  let payroll: INestApplication;
  let config: ReturnType<typeof testConfig>;
  let base: string;

  beforeAll(async () => {
    workers = await startSeededWorkers({ workers: 300 });
    config = callingApps(testConfig('payroll', { logLevel: 'debug', rateLimitPerMinute: 1_000_000 }), { workers });
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      captured.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true || rest;
    }) as typeof process.stdout.write;
    payroll = await createServiceApp(payrollService(config));
    await payroll.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(payroll.getHttpServer().address() as { port: number }).port}/api/payroll`;
    await seedPayrollService(payroll.get(DataSource));
  }, 180_000);
  afterAll(async () => {
    process.stdout.write = realWrite;
    await payroll?.close();
    await dropTestResources(config);
    await workers?.close();
  });

  const call = async (method: string, path: string, token: string, body?: unknown) => {
    const res = await fetch(base + path, {
      method, body: body === undefined ? undefined : JSON.stringify(body),
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), authorization: `Bearer ${token}` },
    });
    const text = await res.text();
    if (res.status >= 400) errorBodies.push(`${res.status} ${method} ${path}: ${text}`);
    return { status: res.status, text, body: res.headers.get('content-type')?.includes('json') && text ? JSON.parse(text) : undefined };
  };

  it('logs no bank account, resident ID, token or key through a run to its bank files; no error answer carries them', async () => {
    const tokens = payroll.get(TokenService);
    const [xihu, admin, finance] = [testPrincipals.districtHr('330106'), testPrincipals.cityAdmin(), testPrincipals.finance()].map((p) => tokens.sign(p));
    const made = await call('POST', '/v1/runs', xihu, { period: '2026-11', type: 'REGULAR' });
    expect(made.status).toBe(201);
    let run = made.body;
    for (let i = 0; i < 600 && !['DONE', 'FAILED'].includes(run.computation.state); i++) {
      await new Promise((r) => setTimeout(r, 100));
      run = (await call('GET', `/v1/runs/${made.body.id}`, xihu)).body;
    }
    expect([run.computation.state, run.progress.failed]).toEqual(['DONE', 0]);
    expect((await call('POST', `/v1/runs/${run.id}/submit`, xihu)).status).toBe(200);
    expect((await call('POST', `/v1/runs/${run.id}/approve`, admin)).status).toBe(200);
    const files = await call('GET', `/v1/runs/${run.id}/bank-files`, finance);
    expect(files.status).toBe(200);
    const csv = await call('GET', files.body[0].url.replace('/api/payroll', ''), finance);
    expect(csv.status).toBe(200);
    // the payees' whole accounts, as the bank file must carry them
    const accounts = csv.text.trimEnd().split('\r\n').slice(1, -1).map((line) => line.split(',')[0]);
    expect(accounts.length).toBeGreaterThan(10);
    const slips = (await call('GET', `/v1/runs/${run.id}/payslips?limit=5`, xihu)).body.items;
    await call('GET', `/v1/payslips/${slips[0].id}`, xihu);
    // refused requests that carry an account or an ID: none may echo it into a log line or an answer
    const workerRows: Array<{ enc: string }> = await workers.app.get(DataSource).query("SELECT resident_id_enc AS enc FROM worker WHERE district_code = '330106'");
    const residentIds = workerRows.map((r) => workers.app.get(PiiCipher).decrypt(r.enc));
    await call('POST', '/v1/runs', xihu, { period: '2026-13', type: 'REGULAR', scope: accounts[0] });
    await call('POST', `/v1/runs/${run.id}/reject`, admin, { reason: `${residentIds[0]} ${accounts[1]} \ud800` });
    await call('POST', '/v1/simulations', xihu, { residentId: residentIds[1], bankAccount: accounts[2] });
    await call('GET', '/v1/runs', 'eyJhbGciOiJIUzI1NiJ9.e30.forged-signature-value');

    const logs = captured.join('');
    // the capture works: the payroll app's own lines, request lines among them, were written
    expect(logs).toContain('"service":"payroll"');
    expect(logs).toContain(`"path":"/api/payroll/v1/runs/${run.id}/bank-files"`);
    const secrets: Array<[string, string]> = [
      ...accounts.map((a): [string, string] => ['bank account', a]),
      ...residentIds.map((id): [string, string] => ['resident ID', id]),
      ['district HR token', xihu], ['admin token', admin], ['finance token', finance],
      ['JWT key', config.jwtSecret], ['PII key', config.piiKey.toString('hex')], ['PII hash key', config.piiHashKey.toString('hex')],
    ];
    expect(secrets.filter(([, v]) => v && logs.includes(v)).map(([k, v]) => `${k} ${v.slice(0, 4)}…`)).toEqual([]);
    expect(errorBodies.length).toBeGreaterThanOrEqual(3);
    expect(secrets.filter(([, v]) => v && errorBodies.some((b) => b.includes(v))).map(([k, v]) => `${k} ${v.slice(0, 4)}…`)).toEqual([]);
  }, 300_000);
});
