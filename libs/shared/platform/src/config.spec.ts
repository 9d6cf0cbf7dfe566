import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('gives working defaults for development', () => {
    const c = loadConfig('payroll', {});
    expect(c.port).toBe(3002);
    expect(c.database).toBe('cws_payroll');
    expect(c.piiKey).toHaveLength(32);
    expect(c.serviceUrls.workers).toBe('http://127.0.0.1:3001');
  });

  it('lists every bad variable in one readable message', () => {
    let error: unknown;
    try {
      loadConfig('budget', { BUDGET_PORT: '99999', MYSQL_URL: 'postgres://x', JWT_SECRET: 'short', PII_KEY: 'zz', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const name of ['BUDGET_PORT', 'MYSQL_URL', 'JWT_SECRET', 'PII_KEY', 'LOG_LEVEL']) expect(message).toContain(name);
  });

  it('insists on real secrets in production', () => {
    expect(() => loadConfig('workers', { NODE_ENV: 'production' })).toThrow(/JWT_SECRET is required in production[\s\S]*PII_KEY is required[\s\S]*PII_HASH_KEY is required/);
  });

  it('reads retired personal-data keys for rotation', () => {
    const old = 'ab'.repeat(32);
    const c = loadConfig('workers', { PII_KEY_ID: 'k2', PII_OLD_KEYS: `k1:${old}` });
    expect(c.piiOldKeys.k1.toString('hex')).toBe(old);
    expect(() => loadConfig('workers', { PII_OLD_KEYS: 'k1:short' })).toThrow(/PII_OLD_KEYS/);
  });
});
