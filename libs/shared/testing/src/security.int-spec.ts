import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Controller, Get, Module, Req } from '@nestjs/common';
import type { Principal } from '@cws/kernel';
import {
  CurrentPrincipal, jwtKeyIdOf, PlatformModule, Public, Roles, runService, TokenService, type ServiceConfig, type ServiceDefinition,
} from '@cws/platform';
import type { Request } from 'express';
import { sourceStringLiterals } from './source-literals';
import { dropTestResources, startTestApp, TEST_RUN_KEYS, testConfig, testPrincipals, type TestApp } from './test-app';

@Controller('v1/probe')
class ProbeController {
  @Roles('CITY_ADMIN')
  @Get('admin')
  admin(@CurrentPrincipal() p: Principal) {
    return { id: p.id };
  }
  @Public()
  @Get('ip')
  ip(@Req() req: Request) {
    return { ip: req.ip };
  }
}

function probeService(config: ServiceConfig): ServiceDefinition {
  @Module({ imports: [PlatformModule.forRoot(config, { entities: [], migrations: [] })], controllers: [ProbeController] })
  class ProbeModule {}
  return { config, module: ProbeModule, title: 't', description: 't', entities: [], migrations: [] };
}

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
/** A hand-made HS256 token, as a forger would make one. */
function forge(secret: string, claims: Record<string, unknown>, header: Record<string, unknown> = {}): string {
  const body = `${b64({ alg: 'HS256', typ: 'JWT', ...header })}.${b64(claims)}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}
const now = () => Math.floor(Date.now() / 1000);
const adminClaims = () => ({
  sub: 'forged', kind: 'user', name: 'city-admin', roles: ['CITY_ADMIN'], scope: { level: 'CITY' }, perms: [],
  iss: 'cws-workers', aud: 'cws-api', iat: now(), exp: now() + 600,
});

describe('keys and tokens (real MySQL and Redis)', () => {
  let t: TestApp;
  beforeAll(async () => {
    // no rate limit in the way of thousands of forged attempts
    t = await startTestApp(probeService, testConfig('workers', { rateLimitPerMinute: 1_000_000 }));
  });
  afterAll(() => t?.close());

  it('answers 401 to a token signed with any string literal of the source tree', async () => {
    const literals = sourceStringLiterals();
    expect(literals.length).toBeGreaterThan(1000);
    const kid = t.config.jwtKeyId;
    const tokens = t.app.get(TokenService);
    const accepted: string[] = [];
    const claims = adminClaims();
    const tryToken = (secret: string, header: Record<string, unknown>) => {
      try {
        tokens.verifyToken(forge(secret, claims, header));
        accepted.push(secret);
      } catch {
        /* refused, as it must be */
      }
    };
    // with the service's kid every literal reaches the signature check; another kid or none is
    // refused before it, which the key-like subset below confirms
    for (const secret of literals) tryToken(secret, { kid });
    expect(accepted).toEqual([]);
    // and through HTTP, with the service's real kid (the one a forger reads off any token), for
    // every literal shaped like a generated key: one token, base64/hex alphabet, long enough for
    // JWT_SECRET (the in-process check above already covered every literal with the guard's code)
    const keyLike = literals.filter((s) => s.length >= 32 && /^[A-Za-z0-9_+/=.-]+$/.test(s));
    expect(keyLike.length).toBeGreaterThan(10);
    for (const secret of keyLike) for (const header of [{ kid: jwtKeyIdOf(secret) }, {}]) tryToken(secret, header);
    expect(accepted).toEqual([]);
    const statuses = new Map<number, number>();
    for (let i = 0; i < keyLike.length; i += 32) {
      const batch = keyLike.slice(i, i + 32);
      const res = await Promise.all(batch.map((s) => t.request('GET', '/v1/probe/admin', { token: forge(s, adminClaims(), { kid }) })));
      for (const r of res) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    }
    expect(Object.fromEntries(statuses)).toEqual({ 401: keyLike.length });
    // the control: the run's own key works, so the 401s above are about the key
    expect((await t.request('GET', '/v1/probe/admin', { token: forge(TEST_RUN_KEYS.JWT_SECRET, adminClaims(), { kid }) })).status).toBe(200);
  }, 180_000);

  it('answers 401 to a token without exp, or with another audience, issuer or algorithm', async () => {
    const kid = t.config.jwtKeyId;
    const key = TEST_RUN_KEYS.JWT_SECRET;
    const { exp: _exp, ...noExp } = adminClaims();
    const refused = [
      forge(key, noExp, { kid }),
      forge(key, { ...adminClaims(), aud: 'someone-else' }, { kid }),
      forge(key, { ...adminClaims(), iss: 'cws' }, { kid }),
      forge(key, { ...adminClaims(), exp: now() - 5 }, { kid }),
      `${b64({ alg: 'none', typ: 'JWT', kid })}.${b64(adminClaims())}.`,
    ];
    for (const token of refused) expect((await t.request('GET', '/v1/probe/admin', { token })).status).toBe(401);
    expect((await t.request('GET', '/v1/probe/admin', { token: t.tokenFor(testPrincipals.cityAdmin()) })).status).toBe(200);
  });
});

describe('bind address and proxy trust', () => {
  it('listens on 127.0.0.1 unless HOST says otherwise', async () => {
    const config = testConfig('workers');
    const app = await runService(probeService(config));
    try {
      expect((app.getHttpServer().address() as AddressInfo).address).toBe('127.0.0.1');
    } finally {
      await app.close();
      await dropTestResources(config);
    }
  });

  it('believes X-Forwarded-For only with the gateway proof when a gateway secret is set', async () => {
    const t = await startTestApp(probeService, testConfig('workers', { gatewaySecret: 'g'.repeat(40) }));
    try {
      const spoofed = await t.request('GET', '/v1/probe/ip', { headers: { 'x-forwarded-for': '10.9.8.7' } });
      expect(spoofed.body.ip).not.toBe('10.9.8.7');
      const wrongProof = await t.request('GET', '/v1/probe/ip', { headers: { 'x-forwarded-for': '10.9.8.7', 'x-cws-gateway': 'h'.repeat(40) } });
      expect(wrongProof.body.ip).not.toBe('10.9.8.7');
      const gateway = await t.request('GET', '/v1/probe/ip', { headers: { 'x-forwarded-for': '10.9.8.7', 'x-cws-gateway': 'g'.repeat(40) } });
      expect(gateway.body.ip).toBe('10.9.8.7');
    } finally {
      await t.close();
    }
  });
});
