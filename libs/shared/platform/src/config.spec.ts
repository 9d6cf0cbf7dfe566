import { randomBytes } from 'node:crypto';
import { ConfigError, jwtKeyIdOf, loadConfig } from './config';

const keys = () => ({ JWT_SECRET: randomBytes(32).toString('base64url'), PII_KEY: randomBytes(32).toString('hex'), PII_HASH_KEY: randomBytes(32).toString('hex') });

describe('loadConfig', () => {
  it('gives working defaults for development, once the keys are given', () => {
    const c = loadConfig('payroll', keys());
    expect(c.port).toBe(3002);
    expect(c.host).toBe('127.0.0.1');
    expect(c.database).toBe('cws_payroll');
    expect(c.piiKey).toHaveLength(32);
    expect(c.serviceUrls.workers).toBe('http://127.0.0.1:3001');
    expect(c.queueLockMs).toBe(30_000);
  });

  it('lists every bad variable in one readable message', () => {
    let error: unknown;
    try {
      loadConfig('budget', { BUDGET_PORT: '99999', MYSQL_URL: 'postgres://x', JWT_SECRET: 'short', PII_KEY: 'zz', LOG_LEVEL: 'loud', QUEUE_LOCK_MS: '10' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const name of ['BUDGET_PORT', 'MYSQL_URL', 'JWT_SECRET', 'PII_KEY', 'LOG_LEVEL', 'QUEUE_LOCK_MS']) expect(message).toContain(name);
  });

  it('has no default keys, in production or out of it', () => {
    for (const NODE_ENV of ['production', 'development', undefined]) {
      expect(() => loadConfig('workers', { NODE_ENV })).toThrow(/JWT_SECRET is required[\s\S]*PII_KEY is required[\s\S]*PII_HASH_KEY is required/);
    }
  });

  it('refuses the keys once published as development defaults, and one key for both PII uses', () => {
    const published = { ...keys(), JWT_SECRET: ['dev', 'only', 'jwt', 'secret', 'change', 'me', '0123456789'].join('-') };
    expect(() => loadConfig('workers', published)).toThrow(/JWT_SECRET is a key published/);
    const same = keys();
    expect(() => loadConfig('workers', { ...same, PII_HASH_KEY: same.PII_KEY.toUpperCase() })).toThrow(/PII_HASH_KEY must differ/);
  });

  it('skips the keys only when asked (migrations)', () => {
    expect(loadConfig('workers', {}, { secrets: false }).jwtSecret).toBe('');
  });

  it('reads retired JWT and personal-data keys for rotation', () => {
    const old = 'ab'.repeat(32);
    const oldJwt = randomBytes(32).toString('base64url');
    const c = loadConfig('workers', { ...keys(), PII_KEY_ID: 'k2', PII_OLD_KEYS: `k1:${old}`, JWT_OLD_SECRETS: oldJwt });
    expect(c.piiOldKeys.k1.toString('hex')).toBe(old);
    expect(c.jwtOldSecrets[jwtKeyIdOf(oldJwt)]).toBe(oldJwt);
    expect(c.jwtKeyId).not.toBe(jwtKeyIdOf(oldJwt));
    expect(() => loadConfig('workers', { ...keys(), PII_OLD_KEYS: 'k1:short' })).toThrow(/PII_OLD_KEYS/);
  });

  it('reads machine credentials and the bind address', () => {
    const secret = randomBytes(32).toString('base64url');
    const c = loadConfig('payroll', { ...keys(), PAYROLL_CLIENT_SECRET: secret, HOST: '0.0.0.0' });
    expect(c.machineClients.payroll).toEqual({ clientId: 'payroll-service', secret });
    expect(c.host).toBe('0.0.0.0');
  });

  it('checks only the own service’s port and schema, and every machine secret that is set', () => {
    const c = loadConfig('workers', { ...keys(), PAYROLL_PORT: 'not-a-port', PAYROLL_CLIENT_SECRET: '', WORKERS_PORT: '' });
    expect(c.port).toBe(3001);
    expect(c.machineClients).toEqual({});
    expect(() => loadConfig('workers', { ...keys(), WORKERS_DB: '' })).toThrow(/WORKERS_DB is required/);
    expect(() => loadConfig('workers', { ...keys(), BUDGET_CLIENT_SECRET: 'short' })).toThrow(/BUDGET_CLIENT_SECRET must be at least 32 characters/);
    expect(loadConfig('workers', { BUDGET_CLIENT_SECRET: 'short' }, { secrets: false }).machineClients).toEqual({});
  });

  it('names one problem per variable, with the value it refused', () => {
    expect(() => loadConfig('scheduler', { ...keys(), SCHEDULER_PORT: '70000', MYSQL_URL: '', PAYROLL_NIGHTLY_CRON: '30 1 * *' })).toThrow(
      'Invalid configuration for the scheduler service:\n  - SCHEDULER_PORT must be an integer in [1, 65535], got "70000"\n  - MYSQL_URL is required\n' +
        '  - PAYROLL_NIGHTLY_CRON must be a 5-field cron pattern, e.g. "30 1 * * *"',
    );
  });
});
