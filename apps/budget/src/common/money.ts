/** Amounts at the API edge: decimal strings in, bigint fen inside, decimal strings out. */
import type { LedgerSums } from '@cws/budget-core';
import { DomainError, formatMoney, MoneyFormatError, parseMoney, type Fen } from '@cws/kernel';

const ISSUES: Record<MoneyFormatError['reason'] | 'ZERO', string> = {
  NOT_A_NUMBER: 'NOT_A_NUMBER: must be a decimal string such as "1234.56"',
  TOO_MANY_DECIMALS: 'TOO_MANY_DECIMALS: at most two decimal places (fen)',
  NEGATIVE: 'NEGATIVE: must not be negative; use a reversal instead',
  OUT_OF_RANGE: 'OUT_OF_RANGE: larger than 9999999999999.99, the largest amount the ledger holds',
  ZERO: 'ZERO: must be greater than 0.00',
};

export function invalidAmount(path: string, reason: keyof typeof ISSUES): DomainError {
  return new DomainError('VALIDATION', 'INVALID_AMOUNT', `Invalid amount at ${path}: ${ISSUES[reason]}`, [{ path, issue: ISSUES[reason] }], { reason });
}

/** A positive amount from a request; throws INVALID_AMOUNT (400) naming the field. */
export function parsePositiveAmount(input: unknown, path = 'amount'): Fen {
  return parseNonZeroAmount(input, path, false);
}

/** A non-zero amount, negative too when allowed (a source's refund); throws INVALID_AMOUNT (400) naming the field. */
export function parseNonZeroAmount(input: unknown, path: string, allowNegative: boolean): Fen {
  let fen: Fen;
  try {
    fen = parseMoney(input as string, { allowNegative });
  } catch (e) {
    if (e instanceof MoneyFormatError) throw invalidAmount(path, e.reason);
    throw e;
  }
  if (fen === 0n) throw invalidAmount(path, 'ZERO');
  return fen;
}

/** The bound fromDb accepts: a SUM of DECIMAL(15,2) rows can exceed the column's own. */
const DB_SUM_MAX_FEN = BigInt(Number.MAX_SAFE_INTEGER) * 1000n;
const FROM_DB = { allowNegative: true, maxAbsFen: DB_SUM_MAX_FEN };

/** A DECIMAL column value (string, may be negative, may be a SUM with no scale limit). */
export function fromDb(value: string | number | null | undefined): Fen {
  if (value === null || value === undefined) return 0n;
  return parseMoney(String(value), FROM_DB);
}

export const money = formatMoney;

/** The four measures' DECIMAL sums, as the driver answers them (a SUM over no rows is null: 0), in fen. */
export function sumsFromDb(r: Record<keyof LedgerSums, string | null>): LedgerSums {
  return { appropriated: fromDb(r.appropriated), allocated: fromDb(r.allocated), committed: fromDb(r.committed), spent: fromDb(r.spent) };
}

/** The four measures as the API spells them. */
export function sumsToMoney(s: LedgerSums): Record<keyof LedgerSums, string> {
  return { appropriated: money(s.appropriated), allocated: money(s.allocated), committed: money(s.committed), spent: money(s.spent) };
}

/** What the driver answers for a DECIMAL(p,2) value, already the API's form: two places, no leading zero, no "-0.00". */
const CANONICAL_DECIMAL = /^-?(?:0|[1-9]\d{0,15})\.\d\d$/;

/**
 * A DECIMAL column value as the API's decimal string: exactly `money(fromDb(value))`, without the
 * bigint round trip when the text is already canonical (a ledger page has 400 amounts; the round
 * trip was 0.15 µs each). Anything else takes the round trip, errors included.
 */
export function moneyFromDb(value: string | number | null | undefined): string {
  return typeof value === 'string' && CANONICAL_DECIMAL.test(value) && value !== '-0.00' ? value : money(fromDb(value));
}
