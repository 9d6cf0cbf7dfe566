import { createHmac, randomBytes } from 'node:crypto';
import type { Principal } from '@cws/kernel';
import { TokenService } from './auth';
import { jwtKeyIdOf, type ServiceConfig } from './config';

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
function hs256(header: object, claims: object, secret: string): string {
  const body = `${b64(header)}.${b64(claims)}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}
function configWith(secret: string, old: string[] = []): ServiceConfig {
  return { jwtSecret: secret, jwtKeyId: jwtKeyIdOf(secret), jwtOldSecrets: Object.fromEntries(old.map((s) => [jwtKeyIdOf(s), s])), accessTokenTtlSeconds: 60 } as ServiceConfig;
}

describe('TokenService', () => {
  const secret = randomBytes(32).toString('base64url');
  const tokens = new TokenService(configWith(secret));
  const user: Principal = { kind: 'user', id: 'u1', name: 'xihu-hr', roles: ['DISTRICT_HR'], scope: { level: 'DISTRICT', district: '330106' }, permissions: [] };
  const claims = { sub: 'u1', kind: 'user', name: 'x', roles: ['CITY_ADMIN'], scope: { level: 'CITY' }, perms: [] };
  const now = Math.floor(Date.now() / 1000);

  it('carries the display name when there is one, and keeps name = the username', () => {
    const p = tokens.verify(tokens.sign({ ...user, displayName: '西湖区人事专员' }));
    expect(p).toEqual({ ...user, displayName: '西湖区人事专员' });
  });

  it('leaves displayName out when the principal has none (clients)', () => {
    const p = tokens.verify(tokens.sign(user));
    expect(p).toEqual(user);
    expect('displayName' in p).toBe(false);
  });

  it('signs with kid, iss, aud, iat and exp', () => {
    const [h, c] = tokens.sign(user, 60, { sessionId: 's1' }).split('.').slice(0, 2).map((p) => JSON.parse(Buffer.from(p, 'base64url').toString()));
    expect(h).toEqual({ alg: 'HS256', typ: 'JWT', kid: jwtKeyIdOf(secret) });
    expect(c).toMatchObject({ iss: 'cws-workers', aud: 'cws-api', sid: 's1' });
    expect(c.exp - c.iat).toBe(60);
  });

  it('refuses tokens without exp, with the wrong audience or issuer, another algorithm or an unknown kid', () => {
    const kid = jwtKeyIdOf(secret);
    const good = { ...claims, iss: 'cws-workers', aud: 'cws-api', iat: now, exp: now + 60 };
    expect(tokens.verify(hs256({ alg: 'HS256', typ: 'JWT', kid }, good, secret)).id).toBe('u1');
    const { exp: _exp, ...noExp } = good;
    for (const t of [
      hs256({ alg: 'HS256', kid }, noExp, secret),
      hs256({ alg: 'HS256', kid }, { ...good, aud: 'other' }, secret),
      hs256({ alg: 'HS256', kid }, { ...good, iss: 'cws' }, secret),
      hs256({ alg: 'HS256', kid }, { ...good, exp: now - 10 }, secret),
      hs256({ alg: 'HS256' }, good, secret),
      hs256({ alg: 'HS256', kid: 'other' }, good, secret),
      `${b64({ alg: 'none', kid })}.${b64(good)}.`,
      // the right kid, signed with another secret (the key is a KeyObject now: still checked)
      hs256({ alg: 'HS256', kid }, good, `${secret}-not-ours-but-long-enough`),
    ]) {
      expect(() => tokens.verify(t)).toThrow();
    }
  });

  it('keeps verifying tokens of a retired key after a rotation, and signs only with the new one', () => {
    const next = randomBytes(32).toString('base64url');
    const rotated = new TokenService(configWith(next, [secret]));
    const before = tokens.sign(user);
    expect(rotated.verify(before).id).toBe('u1');
    expect(() => tokens.verify(rotated.sign(user))).toThrow();
    expect(() => new TokenService(configWith(next)).verify(before)).toThrow();
  });
});
