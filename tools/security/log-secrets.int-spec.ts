/**
 * No secret and no raw personal identifier in the logs or the error answers: a workers app at debug
 * level, its stdout captured through logins, token grants, a hire with a resident ID and bank
 * account, refused and failing requests; then the capture, and every 4xx/5xx body the requests
 * got, are searched for every secret and raw ID they saw.
 */
import { DataSource } from 'typeorm';
import type { INestApplication } from '@nestjs/common';
import { createServiceApp, TokenService } from '@cws/platform';
import { dropTestResources, testConfig, testPrincipals } from '@cws/testing';
import { demoResidentId, seedOrgAndUsers, workersService } from '@cws/workers-testing';

describe('captured logs hold no secrets or raw IDs (workers at debug level)', () => {
  const config = testConfig('workers', { logLevel: 'debug', rateLimitPerMinute: 1_000_000 });
  const captured: string[] = [];
  const errorBodies: string[] = [];
  const realWrite = process.stdout.write.bind(process.stdout);
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      captured.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true || rest;
    }) as typeof process.stdout.write;
    app = await createServiceApp(workersService(config));
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}/api/workers`;
    await seedOrgAndUsers(app.get(DataSource), { password: 'Test@2026' });
  });
  afterAll(async () => {
    process.stdout.write = realWrite;
    await app?.close();
    await dropTestResources(config);
  });

  const call = async (method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(base + path, {
      method, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      headers: { ...(body === undefined ? {} : { 'content-type': typeof body === 'string' ? 'application/x-www-form-urlencoded' : 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    });
    const text = await res.text();
    if (res.status >= 400) errorBodies.push(`${res.status} ${method} ${path}: ${text}`);
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };

  it('logs none of: passwords, tokens, client secrets, keys, resident IDs, bank accounts; no error answer carries them either', async () => {
    const admin = app.get(TokenService).sign(testPrincipals.cityAdmin());
    const login = await call('POST', '/v1/auth/login', undefined, { username: 'city-admin', password: 'Test@2026' });
    expect(login.status).toBe(200);
    await call('POST', '/v1/auth/login', undefined, { username: 'city-admin', password: 'Wrong-Pass-4711' });
    const client = await call('POST', '/v1/api-clients', admin, { clientId: 'log-probe', name: '日志探针', scopeLevel: 'CITY', permissions: ['budget:read'] });
    expect(client.status).toBe(201);
    const grant = await call('POST', '/v1/auth/token', undefined, `grant_type=client_credentials&client_id=log-probe&client_secret=${client.body.clientSecret}`);
    expect(grant.status).toBe(200);
    await call('POST', '/v1/auth/token', undefined, 'grant_type=client_credentials&client_id=log-probe&client_secret=Wrong-Secret-0815');
    const rid = demoResidentId('330106', 4242, 'M');
    const bank = '6222020000000004242';
    const worker = await call('POST', '/v1/workers', admin, {
      name: '日志测试', residentId: rid.id, education: 'BACHELOR', politicalStatus: 'NONE', hireDate: '2024-03-01', employmentType: 'FULL_TIME',
      communityCode: '330106001001', bankAccount: bank,
    });
    expect(worker.status).toBe(201);
    // refused and failing requests log their errors: none may carry the input
    await call('POST', '/v1/workers', admin, { name: '重复', residentId: rid.id, education: 'BACHELOR', politicalStatus: 'NONE', hireDate: '2024-03-01', employmentType: 'FULL_TIME', communityCode: '330106001001', bankAccount: bank });
    await call('POST', '/v1/workers', admin, { residentId: rid.id, bankAccount: bank, name: '\ud800' });
    await call('GET', `/v1/workers/${worker.body.worker.id}/pii`, admin);
    await call('POST', '/v1/auth/refresh', undefined, { refreshToken: login.body.refreshToken });
    await call('GET', '/v1/workers', 'eyJhbGciOiJIUzI1NiJ9.e30.forged-signature-value');

    const logs = captured.join('');
    expect(logs.length).toBeGreaterThan(200); // the capture works: debug logs were written
    const secrets: Record<string, string> = {
      'user password': 'Test@2026',
      'wrong password': 'Wrong-Pass-4711',
      'access token': login.body.accessToken,
      'refresh token': login.body.refreshToken,
      'client secret': client.body.clientSecret,
      'wrong client secret': 'Wrong-Secret-0815',
      'granted token': grant.body.access_token,
      'admin token': admin,
      'JWT key': config.jwtSecret,
      'PII key': config.piiKey.toString('hex'),
      'PII hash key': config.piiHashKey.toString('hex'),
      'resident ID': rid.id,
      'bank account': bank,
    };
    const found = Object.entries(secrets).filter(([, v]) => v && logs.includes(v)).map(([k]) => k);
    expect(found).toEqual([]);
    // the refused requests above answered with errors: a wrong password, a wrong secret, a duplicate
    // resident ID, a lone surrogate beside a resident ID and bank account, a forged token
    expect(errorBodies.length).toBeGreaterThanOrEqual(5);
    const inErrors = Object.entries(secrets).filter(([, v]) => v && errorBodies.some((b) => b.includes(v))).map(([k]) => k);
    expect(inErrors).toEqual([]);
  });
});
