/**
 * Request validation shared by every DTO of every service. Causes of 500s are refused here, once,
 * before a handler or the database sees them:
 * - `@IsCalendarDate()`: only a whole ISO calendar date (YYYY-MM-DD that exists); `IsISO8601`
 *   also lets through 2026, 2026-05, 2026-W05, ordinal dates and datetimes, which DATE columns refuse.
 * - `@IsMoney()`: a decimal string whose range is the column's (DECIMAL(15,2) unless told).
 * - `HardenedValidationPipe`: on every body, query and path value, text must be well-formed UTF-16
 *   (utf8mb4 cannot store a lone surrogate), JSON may nest only so deep, whole numbers stay below
 *   2^53, numeric path ids are whole numbers, and `null` is refused
 *   where the OpenAPI property is not `nullable` (IsOptional would let it through to a NOT NULL column).
 */
import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { ValidateBy, type ValidationOptions, type ValidatorOptions } from 'class-validator';
import { decimalMaxFen, isIsoDate, isWellFormedText, isYearMonth, MoneyFormatError, parseMoney, type ErrorDetail } from '@cws/kernel';

/** Deeper JSON than this is refused (no DTO here nests more than four levels). */
export const MAX_JSON_DEPTH = 16;

/** A full ISO calendar date, YYYY-MM-DD, that exists (no 2026-02-30). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isIsoDate(value),
        defaultMessage: () => 'must be a calendar date YYYY-MM-DD',
      },
    },
    options,
  );
}

/** A month, YYYY-MM (a payroll period, a roster month). */
export function IsYearMonth(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isYearMonth',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isYearMonth(value),
        defaultMessage: () => 'must be a month YYYY-MM',
      },
    },
    options,
  );
}

export interface MoneyOptions {
  /** Total digits of the DECIMAL(p,2) column the amount lands in. Default 15. */
  precision?: number;
  /** Refuse 0 (amounts that move money). */
  positive?: boolean;
  allowNegative?: boolean;
}

const MONEY_ISSUES: Record<MoneyFormatError['reason'] | 'ZERO', string> = {
  NOT_A_NUMBER: 'must be a decimal amount such as "1250.00"',
  TOO_MANY_DECIMALS: 'must have at most two decimal places',
  NEGATIVE: 'must not be negative',
  OUT_OF_RANGE: 'is beyond the largest amount the column holds',
  ZERO: 'must be greater than 0',
};

/** Why `value` is not a money amount under `opts`, or null when it is one. */
export function moneyIssue(value: unknown, opts: MoneyOptions = {}): string | null {
  if (typeof value !== 'string') return MONEY_ISSUES.NOT_A_NUMBER;
  try {
    const fen = parseMoney(value, { allowNegative: opts.allowNegative, maxAbsFen: decimalMaxFen(opts.precision ?? 15) });
    if (opts.positive && fen === 0n) return MONEY_ISSUES.ZERO;
    return null;
  } catch (e) {
    if (e instanceof MoneyFormatError) return MONEY_ISSUES[e.reason];
    throw e;
  }
}

/** A decimal-string amount (two places at most) within its DECIMAL(p,2) column. */
export function IsMoney(opts: MoneyOptions = {}, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isMoney',
      validator: {
        validate: (value: unknown) => moneyIssue(value, opts) === null,
        defaultMessage: (args) => moneyIssue(args?.value, opts) ?? 'must be an amount',
      },
    },
    options,
  );
}

/** Paths of text that is not well-formed UTF-16, of unsafe whole numbers, and of JSON nested beyond MAX_JSON_DEPTH. */
export function inspectInput(value: unknown, root: string): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  const walk = (v: unknown, path: string, depth: number): void => {
    if (out.length >= 20) return;
    if (typeof v === 'string') {
      if (!isWellFormedText(v)) out.push({ path: path || 'body', issue: 'contains an unpaired UTF-16 surrogate' });
      return;
    }
    // 1e308 passes @IsInt (it is a whole number) but no column holds it
    if (typeof v === 'number' && Number.isInteger(v) && !Number.isSafeInteger(v)) {
      out.push({ path: path || 'body', issue: 'is beyond the largest whole number accepted (2^53 − 1)' });
      return;
    }
    if (v === null || typeof v !== 'object' || Buffer.isBuffer(v)) return;
    if (depth >= MAX_JSON_DEPTH) {
      out.push({ path: path || 'body', issue: `nests deeper than ${MAX_JSON_DEPTH} levels` });
      return;
    }
    if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, `${path}[${i}]`, depth + 1));
      return;
    }
    for (const [k, item] of Object.entries(v)) {
      const child = path ? `${path}.${k}` : k;
      if (!isWellFormedText(k)) out.push({ path: child, issue: 'field name contains an unpaired UTF-16 surrogate' });
      walk(item, child, depth + 1);
    }
  };
  walk(value, root, 0);
  return out;
}

const API_PROPERTY = 'swagger/apiModelProperties';

/** `null` given for a DTO property that OpenAPI does not declare nullable (nested DTOs included). */
export function nullsNotAllowed(entity: unknown, path = ''): ValidationError[] {
  if (entity === null || typeof entity !== 'object' || entity.constructor === Object || Array.isArray(entity)) return [];
  const out: ValidationError[] = [];
  for (const [key, value] of Object.entries(entity)) {
    const child = path ? `${path}.${key}` : key;
    const meta = Reflect.getMetadata(API_PROPERTY, Object.getPrototypeOf(entity), key) as { nullable?: boolean } | undefined;
    if (value === null && meta && !meta.nullable) {
      out.push({ property: child, constraints: { notNull: 'must not be null' }, children: [] } as ValidationError);
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => out.push(...nullsNotAllowed(item, `${child}[${i}]`)));
    } else {
      out.push(...nullsNotAllowed(value, child));
    }
  }
  return out;
}

export class HardenedValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const root = metadata.type === 'body' ? '' : metadata.type === 'param' && metadata.data ? `path:${metadata.data}` : metadata.data ?? '';
      const details = inspectInput(value, root);
      // `@Param('id', ParseIntPipe) id: number`: this pipe runs first, so the path gets named here
      // (ParseIntPipe's own error names no parameter) and ids beyond 2^53 never reach SQL.
      if (metadata.type === 'param' && metadata.metatype === Number && typeof value === 'string' && !/^\d{1,15}$/.test(value)) {
        details.push({ path: root, issue: 'must be a whole number (0 or more)' });
      }
      if (details.length) throw await this.exceptionFactory(details.map((d) => ({ property: d.path, constraints: { input: d.issue }, children: [] }) as ValidationError));
    }
    return super.transform(value, metadata);
  }

  protected override async validate(object: object, options?: ValidatorOptions): Promise<ValidationError[]> {
    const errors = await super.validate(object, options);
    return [...nullsNotAllowed(object), ...errors];
  }
}
