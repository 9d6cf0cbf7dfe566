import type { Principal } from '@cws/kernel';
import { TokenService } from './auth';
import type { ServiceConfig } from './config';

describe('TokenService', () => {
  const tokens = new TokenService({ jwtSecret: 'x'.repeat(48), accessTokenTtlSeconds: 60 } as ServiceConfig);
  const user: Principal = { kind: 'user', id: 'u1', name: 'xihu-hr', roles: ['DISTRICT_HR'], scope: { level: 'DISTRICT', district: '330106' }, permissions: [] };

  it('carries the display name when there is one, and keeps name = the username', () => {
    const p = tokens.verify(tokens.sign({ ...user, displayName: '西湖区人事专员' }));
    expect(p).toEqual({ ...user, displayName: '西湖区人事专员' });
  });

  it('leaves displayName out when the principal has none (clients, older tokens)', () => {
    const p = tokens.verify(tokens.sign(user));
    expect(p).toEqual(user);
    expect('displayName' in p).toBe(false);
  });
});
