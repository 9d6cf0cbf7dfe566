/**
 * Money as integer fen (0.01 元) in a bigint. Never a JS float: amounts enter as decimal
 * strings ("1234.56") and leave the same way.
 */
export type Fen = bigint;

const DECIMAL = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

export class MoneyFormatError extends Error {
  constructor(readonly input: string, readonly reason: 'NOT_A_NUMBER' | 'TOO_MANY_DECIMALS' | 'NEGATIVE' | 'OUT_OF_RANGE') {
    super(`"${input}" is not a valid amount (${reason})`);
  }
}

export interface ParseMoneyOptions {
  allowNegative?: boolean;
  /** Largest absolute value accepted, in fen (e.g. a DECIMAL(15,2) column). */
  maxAbsFen?: Fen;
}

/** The largest amount, in fen, a DECIMAL(precision,2) column holds: precision − 2 integer digits. */
export function decimalMaxFen(precision: number): Fen {
  return 10n ** BigInt(precision) - 1n;
}

/** DECIMAL(15,2): 13 integer digits, 9999999999999.99. */
export const MAX_DECIMAL_15_2: Fen = decimalMaxFen(15);

/** Parses "123", "123.4", "123.45" (and "-…" when allowed) to fen. */
export function parseMoney(input: string, options: ParseMoneyOptions = {}): Fen {
  if (typeof input !== 'string') throw new MoneyFormatError(String(input), 'NOT_A_NUMBER');
  const text = input.trim();
  const m = DECIMAL.exec(text);
  if (!m) {
    if (/^-?\d+\.\d{3,}$/.test(text)) throw new MoneyFormatError(input, 'TOO_MANY_DECIMALS');
    throw new MoneyFormatError(input, 'NOT_A_NUMBER');
  }
  const [, sign, whole, frac = ''] = m;
  let fen = BigInt(whole) * 100n + BigInt(frac.padEnd(2, '0'));
  if (sign) fen = -fen;
  if (fen < 0n && !options.allowNegative) throw new MoneyFormatError(input, 'NEGATIVE');
  const max = options.maxAbsFen ?? MAX_DECIMAL_15_2;
  if ((fen < 0n ? -fen : fen) > max) throw new MoneyFormatError(input, 'OUT_OF_RANGE');
  return fen;
}

/** Formats fen as a decimal string with exactly two places: 123456n → "1234.56". */
export function formatMoney(fen: Fen): string {
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  const whole = abs / 100n;
  const frac = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${whole}.${frac}`;
}

export function yuan(whole: number | bigint): Fen {
  return BigInt(whole) * 100n;
}

export function sumFen(values: Iterable<Fen>): Fen {
  let total = 0n;
  for (const v of values) total += v;
  return total;
}

export function minFen(a: Fen, b: Fen): Fen {
  return a < b ? a : b;
}

export function maxFen(a: Fen, b: Fen): Fen {
  return a > b ? a : b;
}

export function clampFen(value: Fen, floor: Fen, ceiling: Fen): Fen {
  return maxFen(floor, minFen(value, ceiling));
}
