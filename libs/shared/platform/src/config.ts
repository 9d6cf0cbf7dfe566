import { environmentProblems, listOf, sha256 } from './config.schema';

/**
 * Validated configuration. The only place that reads process.env: every service builds its
 * config once at boot and fails fast with one readable message listing every bad variable.
 * The rules are a schema (config.schema.ts); Nest code reads the result through SERVICE_CONFIG or
 * @nestjs/config's ConfigService (platform.module.ts).
 */
export interface ServiceConfig {
  service: ServiceName;
  port: number;
  mysqlUrl: string;
  database: string;
  redisUrl: string;
  queuePrefix: string;
  /**
   * BullMQ's job lock (renewed at half of it while the job runs) and its stalled-job check interval: a job whose
   * process died goes back to the queue within about twice this (QUEUE_LOCK_MS, default BullMQ's 30 s).
   */
  queueLockMs: number;
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
  /** Payroll's pay-day batch, which marks PAID the approved runs whose scheduled pay day has come (PAYROLL_PAYDAY_CRON, default 02:00 Asia/Shanghai). */
  payrollPayDayCron: string;
  /** Budget's nightly close of the books, through yesterday (BUDGET_CLOSE_BOOKS_CRON, default 01:00 Asia/Shanghai). */
  budgetCloseBooksCron: string;
}

export interface MachineClient {
  clientId: string;
  secret: string;
}

export type ServiceName = 'workers' | 'payroll' | 'budget' | 'scheduler';
export const SERVICE_PORTS: Record<ServiceName, number> = { workers: 3001, payroll: 3002, budget: 3003, scheduler: 3004 };

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

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
 * Validates the environment against its schema (config.schema.ts), then builds the typed config
 * with the defaults. There are no default keys: JWT_SECRET, PII_KEY and PII_HASH_KEY must be given
 * (npm start generates them into var/secrets.env on first run; tests generate them per run).
 */
export function loadConfig(service: ServiceName, env: Env = process.env, options: LoadConfigOptions = {}): ServiceConfig {
  const withSecrets = options.secrets !== false;
  const problems = environmentProblems(service, env, withSecrets);
  if (problems.length) throw new ConfigError(`Invalid configuration for the ${service} service:\n  - ${problems.join('\n  - ')}`);
  return configFromValidEnvironment(service, env, withSecrets);
}

const intOr = (raw: string | undefined, fallback: number): number => (raw === undefined || raw === '' ? fallback : Number(raw));
const keyOf = (raw: string | undefined, withSecrets: boolean): Buffer => (withSecrets && raw ? Buffer.from(raw, 'hex') : Buffer.alloc(32));

/** The typed config from an environment that passed the schema: defaults, lists and keys. */
function configFromValidEnvironment(service: ServiceName, env: Env, withSecrets: boolean): ServiceConfig {
  const prefix = service.toUpperCase();
  const jwtSecret = withSecrets ? (env.JWT_SECRET ?? '') : '';
  const jwtOldSecrets: Record<string, string> = {};
  if (withSecrets) for (const old of listOf(env.JWT_OLD_SECRETS)) jwtOldSecrets[jwtKeyIdOf(old)] = old;
  const piiOldKeys: Record<string, Buffer> = {};
  for (const entry of listOf(env.PII_OLD_KEYS)) {
    const [id, hex] = entry.split(':');
    piiOldKeys[id] = Buffer.from(hex, 'hex');
  }
  const serviceUrls = {} as Record<ServiceName, string>;
  const machineClients: ServiceConfig['machineClients'] = {};
  for (const name of Object.keys(SERVICE_PORTS) as ServiceName[]) {
    const upper = name.toUpperCase();
    serviceUrls[name] = env[`${upper}_URL`] ?? `http://127.0.0.1:${SERVICE_PORTS[name]}`;
    const secret = withSecrets ? env[`${upper}_CLIENT_SECRET`] : undefined;
    if (secret) machineClients[name] = { clientId: env[`${upper}_CLIENT_ID`] || `${name}-service`, secret };
  }
  return {
    service,
    port: intOr(env[`${prefix}_PORT`], SERVICE_PORTS[service]),
    mysqlUrl: env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306',
    database: env[`${prefix}_DB`] ?? `cws_${service}`,
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    queuePrefix: env.QUEUE_PREFIX ?? 'cws',
    queueLockMs: intOr(env.QUEUE_LOCK_MS, 30_000),
    host: env.HOST || env.BIND_ADDRESS || '127.0.0.1',
    jwtSecret,
    jwtKeyId: jwtSecret ? jwtKeyIdOf(jwtSecret) : '',
    jwtOldSecrets,
    accessTokenTtlSeconds: intOr(env.ACCESS_TOKEN_TTL_SECONDS, 900),
    corsOrigins: listOf(env.CORS_ORIGINS ?? 'http://localhost:8080,http://127.0.0.1:8080'),
    rateLimitPerMinute: intOr(env.RATE_LIMIT_PER_MINUTE, 1200),
    runMigrations: (env.RUN_MIGRATIONS ?? 'true') !== 'false',
    logLevel: (env.LOG_LEVEL ?? 'info') as ServiceConfig['logLevel'],
    piiKey: keyOf(env.PII_KEY, withSecrets),
    piiKeyId: env.PII_KEY_ID ?? 'k1',
    piiHashKey: keyOf(env.PII_HASH_KEY, withSecrets),
    piiOldKeys,
    serviceUrls,
    shutdownTimeoutMs: intOr(env.SHUTDOWN_TIMEOUT_MS, 10000),
    trustProxy: env.TRUST_PROXY ?? 'loopback',
    gatewaySecret: (withSecrets && env.GATEWAY_SECRET) || null,
    machineClients,
    payrollNightlyCron: env.PAYROLL_NIGHTLY_CRON ?? '30 1 * * *',
    payrollPayDayCron: env.PAYROLL_PAYDAY_CRON ?? '0 2 * * *',
    budgetCloseBooksCron: env.BUDGET_CLOSE_BOOKS_CRON ?? '0 1 * * *',
  };
}

export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
