import { createHash } from 'node:crypto';

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
  /** Address the service listens on: 127.0.0.1 unless HOST / BIND_ADDRESS says otherwise. */
  host: string;
  /** HS256 key that signs new access tokens, and its id (the token's `kid` header). */
  jwtSecret: string;
  jwtKeyId: string;
  /** Retired signing keys by kid: they still verify tokens signed before a rotation, never sign. */
  jwtOldSecrets: Record<string, string>;
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
  /**
   * When set, X-Forwarded-For is believed only on requests carrying it in X-Cws-Gateway (the
   * gateway adds it), on top of the TRUST_PROXY address check: another local process cannot
   * pose as the gateway.
   */
  gatewaySecret: string | null;
  /**
   * Machine credentials (OAuth2 client credentials) a service uses to call another as itself, by
   * service: `<SERVICE>_CLIENT_ID` / `<SERVICE>_CLIENT_SECRET`. The workers service provisions the
   * ones it is given; each service calls with its own (docs/security.md).
   */
  machineClients: Partial<Record<ServiceName, MachineClient>>;
  /** Payroll's nightly recompute of open drafts: a 5-field cron in Asia/Shanghai (PAYROLL_NIGHTLY_CRON, default 01:30). */
  payrollNightlyCron: string;
}

export interface MachineClient {
  clientId: string;
  secret: string;
}

export type ServiceName = 'workers' | 'payroll' | 'budget' | 'scheduler';
export const SERVICE_PORTS: Record<ServiceName, number> = { workers: 3001, payroll: 3002, budget: 3003, scheduler: 3004 };

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

/**
 * SHA-256 of keys that were once published in this repository (the old development defaults).
 * They are public, so no service may use them, even outside production. Stored as hashes so the
 * values themselves stay out of the tree.
 */
const PUBLISHED_KEY_HASHES = new Set([
  'e1683f4fe7e9edf37dabee6e5b28945abe8d87daf0648dd406df77e79043a52f', // the old DEV_JWT_SECRET
  '2a8abfa8cb9906290437854193ca6bca41d4d4e26d1d454bd66a35158095e737', // the old DEV_PII_KEY (PII_KEY and PII_HASH_KEY)
]);
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The kid of a signing key: a short hash, so rotating the key changes the id without more config. */
export function jwtKeyIdOf(secret: string): string {
  return `h${sha256(`cws-jwt-kid:${secret}`).slice(0, 12)}`;
}

export interface LoadConfigOptions {
  /**
   * false only for tools that touch no secret (migrations): the keys are then neither required
   * nor loaded. Every service and the seed load them.
   */
  secrets?: boolean;
}

/**
 * There are no default keys: JWT_SECRET, PII_KEY and PII_HASH_KEY must be given (npm start
 * generates them into var/secrets.env on first run; tests generate them per run).
 */
export function loadConfig(service: ServiceName, env: Env = process.env, options: LoadConfigOptions = {}): ServiceConfig {
  const withSecrets = options.secrets !== false;
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
  const hint = 'npm start writes generated keys to var/secrets.env; see docs/security.md';
  const published = (name: string, value: string | undefined) => {
    if (value && (PUBLISHED_KEY_HASHES.has(sha256(value)) || PUBLISHED_KEY_HASHES.has(sha256(value.toLowerCase())))) {
      problems.push(`${name} is a key published in the source tree; generate a new one (${hint})`);
    }
  };
  const hexKey = (name: string): Buffer => {
    const raw = env[name];
    if (!withSecrets) return Buffer.alloc(32);
    if (!raw) {
      problems.push(`${name} is required (${hint})`);
      return Buffer.alloc(32);
    }
    if (!/^[0-9a-fA-F]{64}$/.test(raw)) {
      problems.push(`${name} must be 64 hex characters (a 256-bit key)`);
      return Buffer.alloc(32);
    }
    published(name, raw);
    return Buffer.from(raw, 'hex');
  };
  // One key must not both encrypt and hash: a leak of one would expose the other use too.
  if (withSecrets && env.PII_HASH_KEY && env.PII_HASH_KEY.toLowerCase() === env.PII_KEY?.toLowerCase()) problems.push('PII_HASH_KEY must differ from PII_KEY');

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
  let jwtSecret = '';
  const jwtOldSecrets: Record<string, string> = {};
  if (withSecrets) {
    jwtSecret = env.JWT_SECRET ?? '';
    if (!jwtSecret) problems.push(`JWT_SECRET is required (${hint})`);
    else if (jwtSecret.length < 32) problems.push('JWT_SECRET must be at least 32 characters');
    published('JWT_SECRET', jwtSecret);
    // Retired keys: comma-separated secrets, each identified by its own kid.
    for (const old of (env.JWT_OLD_SECRETS ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
      if (old.length < 32) problems.push('JWT_OLD_SECRETS must be a comma-separated list of secrets of at least 32 characters');
      else if (old === jwtSecret) problems.push('JWT_OLD_SECRETS must not contain the current JWT_SECRET');
      else jwtOldSecrets[jwtKeyIdOf(old)] = old;
    }
  }
  const logLevel = (env.LOG_LEVEL ?? 'info') as ServiceConfig['logLevel'];
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) problems.push('LOG_LEVEL must be debug, info, warn or error');

  const serviceUrls = {} as Record<ServiceName, string>;
  for (const name of Object.keys(SERVICE_PORTS) as ServiceName[]) {
    serviceUrls[name] = env[`${name.toUpperCase()}_URL`] ?? `http://127.0.0.1:${SERVICE_PORTS[name]}`;
  }
  const machineClients: ServiceConfig['machineClients'] = {};
  for (const name of Object.keys(SERVICE_PORTS) as ServiceName[]) {
    const secret = withSecrets ? env[`${name.toUpperCase()}_CLIENT_SECRET`] : undefined;
    if (!secret) continue;
    if (secret.length < 32) problems.push(`${name.toUpperCase()}_CLIENT_SECRET must be at least 32 characters`);
    machineClients[name] = { clientId: env[`${name.toUpperCase()}_CLIENT_ID`] || `${name}-service`, secret };
  }
  const host = env.HOST || env.BIND_ADDRESS || '127.0.0.1';

  const config: ServiceConfig = {
    service,
    port: int(`${prefix}_PORT`, SERVICE_PORTS[service], 1, 65535),
    mysqlUrl,
    database: str(`${prefix}_DB`, `cws_${service}`),
    redisUrl,
    queuePrefix: env.QUEUE_PREFIX ?? 'cws',
    host,
    jwtSecret,
    jwtKeyId: jwtSecret ? jwtKeyIdOf(jwtSecret) : '',
    jwtOldSecrets,
    accessTokenTtlSeconds: int('ACCESS_TOKEN_TTL_SECONDS', 900, 60, 86400),
    corsOrigins: (env.CORS_ORIGINS ?? 'http://localhost:8080,http://127.0.0.1:8080').split(',').map((s) => s.trim()).filter(Boolean),
    rateLimitPerMinute: int('RATE_LIMIT_PER_MINUTE', 1200, 1, 1_000_000),
    runMigrations: (env.RUN_MIGRATIONS ?? 'true') !== 'false',
    logLevel,
    piiKey: hexKey('PII_KEY'),
    piiKeyId: env.PII_KEY_ID ?? 'k1',
    piiHashKey: hexKey('PII_HASH_KEY'),
    piiOldKeys,
    serviceUrls,
    shutdownTimeoutMs: int('SHUTDOWN_TIMEOUT_MS', 10000, 0, 600000),
    trustProxy: env.TRUST_PROXY ?? 'loopback',
    gatewaySecret: (withSecrets && env.GATEWAY_SECRET) || null,
    machineClients,
    payrollNightlyCron: env.PAYROLL_NIGHTLY_CRON ?? '30 1 * * *',
  };
  if (config.payrollNightlyCron.trim().split(/\s+/).length !== 5) problems.push('PAYROLL_NIGHTLY_CRON must be a 5-field cron pattern, e.g. "30 1 * * *"');
  if (problems.length) throw new ConfigError(`Invalid configuration for the ${service} service:\n  - ${problems.join('\n  - ')}`);
  return config;
}

export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
