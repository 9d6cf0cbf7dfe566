/**
 * The environment, declared: each variable a service reads, with its rule, as a class-validator
 * schema (the validation @nestjs/config documents for a custom `validate`). Validation groups say
 * who checks what: `env` for every service, the service's own name for its port and schema, and
 * `secrets` for the keys (skipped by tools that touch no secret, such as migrations).
 */
import { createHash } from 'node:crypto';
import { plainToInstance } from 'class-transformer';
import { IsIn, Matches, MinLength, ValidateBy, validateSync, type ValidationArguments, type ValidationOptions } from 'class-validator';

const ENV = ['env'];
const SECRETS = ['secrets'];

/**
 * SHA-256 of keys that were once published in this repository (the old development defaults).
 * They are public, so no service may use them, even outside production. Stored as hashes so the
 * values themselves stay out of the tree.
 */
const PUBLISHED_KEY_HASHES = new Set([
  'e1683f4fe7e9edf37dabee6e5b28945abe8d87daf0648dd406df77e79043a52f', // the old DEV_JWT_SECRET
  '2a8abfa8cb9906290437854193ca6bca41d4d4e26d1d454bd66a35158095e737', // the old DEV_PII_KEY (PII_KEY and PII_HASH_KEY)
]);
export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');
export const KEY_HINT = 'npm start writes generated keys to var/secrets.env; see docs/security.md';

const isSet = (v: unknown): v is string => typeof v === 'string' && v !== '';

/** An integer in [min, max] when set; unset means the default. */
function IsIntegerIn(min: number, max: number, groups: string[]): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIntegerIn',
      validator: {
        validate: (v) => !isSet(v) || (Number.isInteger(Number(v)) && Number(v) >= min && Number(v) <= max),
        defaultMessage: (a?: ValidationArguments) => `${a?.property} must be an integer in [${min}, ${max}], got "${String(a?.value)}"`,
      },
    },
    { groups },
  );
}

/** Present and not empty (an empty value never falls back to the default). */
function Required(groups: string[], hint = ''): PropertyDecorator {
  return ValidateBy({ name: 'required', validator: { validate: isSet, defaultMessage: (a?: ValidationArguments) => `${a?.property} is required${hint}` } }, { groups });
}

/** A 256-bit key: 64 hex characters, and not one published in the source tree. */
function IsKey(options: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isKey',
      validator: {
        validate: (v) => !isSet(v) || /^[0-9a-fA-F]{64}$/.test(v),
        defaultMessage: (a?: ValidationArguments) => `${a?.property} must be 64 hex characters (a 256-bit key)`,
      },
    },
    options,
  );
}

function NotPublished(options: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'notPublished',
      validator: {
        validate: (v) => !isSet(v) || !(PUBLISHED_KEY_HASHES.has(sha256(v)) || PUBLISHED_KEY_HASHES.has(sha256(v.toLowerCase()))),
        defaultMessage: (a?: ValidationArguments) => `${a?.property} is a key published in the source tree; generate a new one (${KEY_HINT})`,
      },
    },
    options,
  );
}

/** A comma-separated list whose every entry passes `ok`. */
function EachEntry(ok: (entry: string, env: ServiceEnvironment) => boolean, message: string, groups: string[]): PropertyDecorator {
  return ValidateBy(
    {
      name: 'eachEntry',
      validator: {
        validate: (v, a) => !isSet(v) || listOf(v).every((e) => ok(e, a?.object as ServiceEnvironment)),
        defaultMessage: () => message,
      },
    },
    { groups },
  );
}

export const listOf = (v: string | undefined): string[] => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean);

const MIN_SECRET = { message: (a: ValidationArguments) => `${a.property} must be at least 32 characters`, groups: SECRETS };

/** Every variable the services read. Unset (or, where noted, empty) means the default in config.ts. */
export class ServiceEnvironment {
  @IsIntegerIn(1, 65535, ['workers']) WORKERS_PORT?: string;
  @IsIntegerIn(1, 65535, ['payroll']) PAYROLL_PORT?: string;
  @IsIntegerIn(1, 65535, ['budget']) BUDGET_PORT?: string;
  @IsIntegerIn(1, 65535, ['scheduler']) SCHEDULER_PORT?: string;

  /** Schema names: may be left unset (cws_<service>), not set empty. */
  @ValidateBy({ name: 'notEmpty', validator: { validate: (v) => v !== '', defaultMessage: () => 'WORKERS_DB is required' } }, { groups: ['workers'] }) WORKERS_DB?: string;
  @ValidateBy({ name: 'notEmpty', validator: { validate: (v) => v !== '', defaultMessage: () => 'PAYROLL_DB is required' } }, { groups: ['payroll'] }) PAYROLL_DB?: string;
  @ValidateBy({ name: 'notEmpty', validator: { validate: (v) => v !== '', defaultMessage: () => 'BUDGET_DB is required' } }, { groups: ['budget'] }) BUDGET_DB?: string;
  @ValidateBy({ name: 'notEmpty', validator: { validate: (v) => v !== '', defaultMessage: () => 'SCHEDULER_DB is required' } }, { groups: ['scheduler'] }) SCHEDULER_DB?: string;

  @Required(ENV)
  @Matches(/^mysql:\/\//, { message: 'MYSQL_URL must start with mysql://', groups: ENV })
  MYSQL_URL?: string;

  @Required(ENV)
  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must start with redis:// or rediss://', groups: ENV })
  REDIS_URL?: string;

  @Required(SECRETS, ` (${KEY_HINT})`)
  @MinLength(32, MIN_SECRET)
  @NotPublished({ groups: SECRETS })
  JWT_SECRET?: string;

  @EachEntry((s, env) => s.length >= 32 && s !== env.JWT_SECRET, 'JWT_OLD_SECRETS must be a comma-separated list of secrets of at least 32 characters, none the current JWT_SECRET', SECRETS)
  JWT_OLD_SECRETS?: string;

  @IsIntegerIn(60, 86400, ENV) ACCESS_TOKEN_TTL_SECONDS?: string;
  @IsIntegerIn(1, 1_000_000, ENV) RATE_LIMIT_PER_MINUTE?: string;
  @IsIntegerIn(0, 600_000, ENV) SHUTDOWN_TIMEOUT_MS?: string;
  @IsIntegerIn(1000, 600_000, ENV) QUEUE_LOCK_MS?: string;
  @IsIn(['debug', 'info', 'warn', 'error'], { message: 'LOG_LEVEL must be debug, info, warn or error', groups: ENV }) LOG_LEVEL?: string;

  @Required(SECRETS, ` (${KEY_HINT})`)
  @IsKey({ groups: SECRETS })
  @NotPublished({ groups: SECRETS })
  PII_KEY?: string;

  /** One key must not both encrypt and hash: a leak of one would expose the other use too. */
  @Required(SECRETS, ` (${KEY_HINT})`)
  @IsKey({ groups: SECRETS })
  @NotPublished({ groups: SECRETS })
  @ValidateBy(
    { name: 'differsFromPiiKey', validator: { validate: (v, a) => !isSet(v) || v.toLowerCase() !== (a?.object as ServiceEnvironment).PII_KEY?.toLowerCase(), defaultMessage: () => 'PII_HASH_KEY must differ from PII_KEY' } },
    { groups: SECRETS },
  )
  PII_HASH_KEY?: string;

  @EachEntry((e) => /^[^:]+:[0-9a-fA-F]{64}$/.test(e), 'PII_OLD_KEYS must be a comma-separated list of <keyId>:<64 hex chars>', ENV)
  PII_OLD_KEYS?: string;

  @MinLength(32, MIN_SECRET) WORKERS_CLIENT_SECRET?: string;
  @MinLength(32, MIN_SECRET) PAYROLL_CLIENT_SECRET?: string;
  @MinLength(32, MIN_SECRET) BUDGET_CLIENT_SECRET?: string;
  @MinLength(32, MIN_SECRET) SCHEDULER_CLIENT_SECRET?: string;

  @Cron5('PAYROLL_NIGHTLY_CRON', '30 1 * * *') PAYROLL_NIGHTLY_CRON?: string;
  @Cron5('PAYROLL_PAYDAY_CRON', '0 2 * * *') PAYROLL_PAYDAY_CRON?: string;
  @Cron5('BUDGET_CLOSE_BOOKS_CRON', '0 1 * * *') BUDGET_CLOSE_BOOKS_CRON?: string;
}

/** A 5-field cron pattern (minute hour day month weekday), or absent for the default. */
function Cron5(name: string, example: string): PropertyDecorator {
  return ValidateBy(
    { name: 'isCron5', validator: { validate: (v) => v === undefined || String(v).trim().split(/\s+/).length === 5, defaultMessage: () => `${name} must be a 5-field cron pattern, e.g. "${example}"` } },
    { groups: ENV },
  );
}

/**
 * Every problem in the environment for `service`, in one list (empty when it is valid). Variables
 * the schema does not declare pass through untouched (QUEUE_PREFIX, HOST, TRUST_PROXY, …: any
 * string will do).
 */
export function environmentProblems(service: string, env: Record<string, string | undefined>, secrets: boolean): string[] {
  const declared = plainToInstance(ServiceEnvironment, { ...env });
  // Unset is skipped (the default applies), except for the keys, which have none.
  for (const key of ['JWT_SECRET', 'PII_KEY', 'PII_HASH_KEY'] as const) declared[key] ??= '';
  // An empty client secret means none is configured.
  for (const name of ['WORKERS', 'PAYROLL', 'BUDGET', 'SCHEDULER']) {
    const key = `${name}_CLIENT_SECRET` as keyof ServiceEnvironment;
    if (declared[key] === '') declared[key] = undefined;
  }
  const errors = validateSync(declared, { groups: ['env', service, ...(secrets ? ['secrets'] : [])], skipUndefinedProperties: true, forbidUnknownValues: false });
  // One message per variable: "is required" says the most when it applies.
  return errors.map((e) => e.constraints?.required ?? Object.values(e.constraints ?? {})[0]).filter((m): m is string => Boolean(m));
}
