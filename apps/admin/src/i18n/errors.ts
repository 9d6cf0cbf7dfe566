/**
 * Server refusals in the user's language: the text comes from the error's `code` (and, for a
 * generic validation failure, from the field named by `details[].path`), never from the English
 * `message` the API carries for developers.
 */
import type { ErrorDetail } from '@cws/kernel';
import { ApiError, fieldErrors, RefusedHere } from '../api/errors';
import { ERROR_CODES, FIELD_LABELS } from './errorCodes';
import type { Locale } from './I18nProvider';

const GENERIC_CODES = new Set(['VALIDATION_FAILED', 'VALIDATION', 'BAD_REQUEST', 'SIMULATION_INVALID', 'BENCHMARK_INPUT_INVALID', 'POLICY_INVALID']);

const BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'RATE_LIMITED',
  503: 'UNAVAILABLE',
};

const pick = (pair: readonly [string, string], locale: Locale) => (locale === 'en' ? pair[1] : pair[0]);

/** The text of a code, falling back to its HTTP status's, then to a server error. */
export function codeText(locale: Locale, code: string, status = 500): string {
  const pair = ERROR_CODES[code] ?? ERROR_CODES[BY_STATUS[status] ?? ''] ?? ERROR_CODES.INTERNAL_ERROR;
  return pick(pair, locale);
}

/** "try again in N seconds / about N minutes" for a 429. */
export function retryText(locale: Locale, seconds: number | null): string {
  if (seconds === null) return pick(ERROR_CODES.RATE_LIMITED, locale);
  if (seconds < 90) {
    const s = Math.max(1, seconds);
    return locale === 'en' ? `Too many requests: try again in ${s} s` : `操作过于频繁，请在 ${s} 秒后重试`;
  }
  const m = Math.ceil(seconds / 60);
  return locale === 'en' ? `Too many requests: try again in about ${m} min` : `操作过于频繁，请在约 ${m} 分钟后重试`;
}

/**
 * The workers a refusal names (`workerIds`, with `missing` when the list was cut: PAYROLL_RUN_WORKERS_MISSING), so HR
 * knows whom to take off a list; nothing when it names none.
 */
function workersNamed(locale: Locale, body: Readonly<Record<string, unknown>>): string {
  const ids = Array.isArray(body.workerIds) ? body.workerIds.filter((x): x is number => typeof x === 'number') : [];
  if (!ids.length) return '';
  const more = typeof body.missing === 'number' && body.missing > ids.length ? body.missing - ids.length : 0;
  return locale === 'en'
    ? `: worker No. ${ids.join(', ')}${more ? ` and ${more} more` : ''}`
    : `：编号 ${ids.join('、')}${more ? ` 等，另有 ${more} 人` : ''}`;
}

/** The one line shown for an error (a toast, an alert). */
export function errorMessage(locale: Locale, err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 429) return retryText(locale, err.retryAfter);
    if ((GENERIC_CODES.has(err.code) || !ERROR_CODES[err.code]) && err.details.length) {
      const fields = [...new Set(err.details.map((d) => fieldLabel(locale, d.path)))].join(locale === 'en' ? ', ' : '、');
      return locale === 'en' ? `Check these fields: ${fields}` : `请检查：${fields}`;
    }
    return codeText(locale, err.code, err.status) + workersNamed(locale, err.body);
  }
  if (err instanceof RefusedHere) return err.message;
  if (err instanceof TypeError) return pick(ERROR_CODES.NETWORK_ERROR, locale);
  return pick(ERROR_CODES.INTERNAL_ERROR, locale);
}

function fieldLabel(locale: Locale, path: string): string {
  const leaf = path.replace(/\[\d+\]/g, '').split('.').pop() ?? path;
  const pair = FIELD_LABELS[leaf];
  return pair ? pick(pair, locale) : path;
}

/** What a generic validation issue (class-validator's English) means, by its wording. */
const ISSUE_PATTERNS: Array<[RegExp, readonly [string, string]]> = [
  [/separate taxation of a year-end bonus ended on (\d{4}-\d{2}-\d{2})/, ['年终奖单独计税政策已于 $1 到期，请选择并入综合所得', 'Separate taxation of the bonus ended on $1; choose merged']],
  [/not an allowed field|should not exist/i, ['不允许的字段', 'Not an allowed field']],
  [/should not be empty|must not be empty|is required|required/i, ['必填', 'Required']],
  [/17 digits/i, ['身份证号应为 18 位：17 位数字加一位数字或 X', '18 characters: 17 digits and a digit or X']],
  [/a district \(6 digits\) or street \(9 digits\) code/i, ['应为区（6 位）或街道（9 位）代码', 'A district (6 digits) or street (9 digits) code']],
  [/(\d+)–(\d+) digits/, ['应为 $1–$2 位数字', '$1–$2 digits']],
  [/12-digit community code|community must be 12 digits/i, ['应为 12 位社区代码', 'A 12-digit community code']],
  [/amount such as "([\d.]+)"/, ['请输入金额，如 $1', 'Enter an amount such as $1']],
  [/mobile or landline/i, ['请输入手机号或固定电话', 'Enter a mobile or landline number']],
  [/ISO 8601|date/i, ['日期格式应为 YYYY-MM-DD', 'Use the date format YYYY-MM-DD']],
  [/one of the following values|must be one of/i, ['请从列表中选择', 'Choose from the list']],
  [/longer than|shorter than|length/i, ['长度不符合要求', 'Wrong length']],
  [/must match|format/i, ['格式不正确', 'Wrong format']],
  [/integer|number|decimal/i, ['请输入正确的数字', 'Enter a valid number']],
  [/must not be less|must not be greater|min|max/i, ['超出允许范围', 'Out of range']],
];

/** The text put on a field: the code's meaning for a specific refusal, else what the generic issue says. */
export function detailText(locale: Locale, err: ApiError, d: ErrorDetail): string {
  if (!GENERIC_CODES.has(err.code) && ERROR_CODES[err.code]) return pick(ERROR_CODES[err.code], locale);
  const hit = ISSUE_PATTERNS.find(([re]) => re.test(d.issue));
  // a pattern may carry a value of the issue into the text ($1: a date the policy names)
  return hit ? d.issue.replace(new RegExp(`^.*?(?:${hit[0].source}).*$`, hit[0].flags), pick(hit[1], locale)) : locale === 'en' ? 'Invalid value' : '格式或取值不正确';
}

export function localisedFieldErrors(locale: Locale, err: unknown) {
  return fieldErrors(err, (d, e) => detailText(locale, e, d));
}
