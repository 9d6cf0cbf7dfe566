/**
 * Validated configuration. The only place that reads process.env: every service builds its
 * config once at boot and fails fast with one readable message listing every bad variable.
 */
export interface ServiceConfig {
  service: ServiceName;
  port: number;
  mysqlUrl: string;
  database: string;
  redisUrl: string;
  queuePrefix: string;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  corsOrigins: string[];
  rateLimitPerMinute: number;
  runMigrations: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  piiKey: Buffer;
  piiKeyId: string;
  piiHashKey: Buffer;
  /** Retired keys, by id, still needed to read values written before a rotation. */
  piiOldKeys: Record<string, Buffer>;
  serviceUrls: Record<ServiceName, string>;
  shutdownTimeoutMs: number;
  /** Express "trust proxy": whose X-Forwarded-For to believe for the client IP (rate limits, logs). */
  trustProxy: string;
}

export type ServiceName = 'workers' | 'payroll' | 'budget' | 'scheduler';
export const SERVICE_PORTS: Record<ServiceName, number> = { workers: 3001, payroll: 3002, budget: 3003, scheduler: 3004 };

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

// Development defaults. Production must set JWT_SECRET and PII_KEY (checked when NODE_ENV=production).
const DEV_JWT_SECRET = 'dev-only-jwt-secret-change-me-0123456789';
const DEV_PII_KEY = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';

export function loadConfig(service: ServiceName, env: Env = process.env): ServiceConfig {
  const problems: string[] = [];
  const prefix = service.toUpperCase();
  const str = (name: string, fallback?: string): string => {
    const v = env[name] ?? fallback;
    if (v === undefined || v === '') {
      problems.push(`${name} is required`);
      return '';
    }
    return v;
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name} must be an integer in [${min}, ${max}], got "${raw}"`);
      return fallback;
    }
    return n;
  };
  const hexKey = (name: string, fallback: string): Buffer => {
    const raw = env[name] ?? fallback;
    if (!/^[0-9a-fA-F]{64}$/.test(raw)) {
      problems.push(`${name} must be 64 hex characters (a 256-bit key)`);
      return Buffer.alloc(32);
    }
    return Buffer.from(raw, 'hex');
  };
  const production = env.NODE_ENV === 'production';
  if (production && !env.JWT_SECRET) problems.push('JWT_SECRET is required in production');
  if (production && !env.PII_KEY) problems.push('PII_KEY is required in production');
  // One key must not both encrypt and hash: a leak of one would expose the other use too.
  if (production && !env.PII_HASH_KEY) problems.push('PII_HASH_KEY is required in production');
  if (env.PII_HASH_KEY && env.PII_HASH_KEY === env.PII_KEY) problems.push('PII_HASH_KEY must differ from PII_KEY');

  const piiOldKeys: Record<string, Buffer> = {};
  for (const entry of (env.PII_OLD_KEYS ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const [id, hex] = entry.split(':');
    if (!id || !/^[0-9a-fA-F]{64}$/.test(hex ?? '')) problems.push('PII_OLD_KEYS must be a comma-separated list of <keyId>:<64 hex chars>');
    else piiOldKeys[id] = Buffer.from(hex, 'hex');
  }

  const mysqlUrl = str('MYSQL_URL', 'mysql://root@127.0.0.1:3306');
  if (mysqlUrl && !/^mysql:\/\//.test(mysqlUrl)) problems.push('MYSQL_URL must start with mysql://');
  const redisUrl = str('REDIS_URL', 'redis://127.0.0.1:6379');
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) problems.push('REDIS_URL must start with redis:// or rediss://');
  const jwtSecret = str('JWT_SECRET', DEV_JWT_SECRET);
  if (jwtSecret.length < 32) problems.push('JWT_SECRET must be at least 32 characters');
  const logLevel = (env.LOG_LEVEL ?? 'info') as ServiceConfig['logLevel'];
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) problems.push('LOG_LEVEL must be debug, info, warn or error');

  const serviceUrls = {} as Record<ServiceName, string>;
  for (const name of Object.keys(SERVICE_PORTS) as ServiceName[]) {
    serviceUrls[name] = env[`${name.toUpperCase()}_URL`] ?? `http://127.0.0.1:${SERVICE_PORTS[name]}`;
  }

  const config: ServiceConfig = {
    service,
    port: int(`${prefix}_PORT`, SERVICE_PORTS[service], 1, 65535),
    mysqlUrl,
    database: str(`${prefix}_DB`, `cws_${service}`),
    redisUrl,
    queuePrefix: env.QUEUE_PREFIX ?? 'cws',
    jwtSecret,
    accessTokenTtlSeconds: int('ACCESS_TOKEN_TTL_SECONDS', 900, 60, 86400),
    corsOrigins: (env.CORS_ORIGINS ?? 'http://localhost:8080,http://127.0.0.1:8080').split(',').map((s) => s.trim()).filter(Boolean),
    rateLimitPerMinute: int('RATE_LIMIT_PER_MINUTE', 1200, 1, 1_000_000),
    runMigrations: (env.RUN_MIGRATIONS ?? 'true') !== 'false',
    logLevel,
    piiKey: hexKey('PII_KEY', DEV_PII_KEY),
    piiKeyId: env.PII_KEY_ID ?? 'k1',
    piiHashKey: hexKey('PII_HASH_KEY', env.PII_KEY ?? DEV_PII_KEY),
    piiOldKeys,
    serviceUrls,
    shutdownTimeoutMs: int('SHUTDOWN_TIMEOUT_MS', 10000, 0, 600000),
    trustProxy: env.TRUST_PROXY ?? 'loopback',
  };
  if (problems.length) throw new ConfigError(`Invalid configuration for the ${service} service:\n  - ${problems.join('\n  - ')}`);
  return config;
}

export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
