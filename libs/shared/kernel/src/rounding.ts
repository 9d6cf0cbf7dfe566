/**
 * Named rounding rules. Rates are exact decimals held as integer numerator over a power-of-ten
 * denominator (a `Ratio`), so a product like base × 8 % is computed exactly before one rounding.
 */
import type { Fen } from './money';

export type RoundingRule = 'HALF_UP_FEN' | 'HALF_UP_YUAN' | 'DOWN_FEN' | 'UP_FEN';

/** An exact decimal ratio: value = num / den. */
export interface Ratio {
  readonly num: bigint;
  readonly den: bigint;
}

const RATIO = /^(\d+)(?:\.(\d{1,8}))?$/;

/** "0.08" → 8/100; "16" with percent=true → 16/100. */
export function parseRatio(text: string, percent = false): Ratio {
  const m = RATIO.exec(text.trim());
  if (!m) throw new Error(`"${text}" is not a valid non-negative decimal ratio`);
  const frac = m[2] ?? '';
  let num = BigInt(m[1] + frac);
  let den = 10n ** BigInt(frac.length);
  if (percent) den *= 100n;
  // keep the fraction small
  while (num % 10n === 0n && den % 10n === 0n && den > 1n) {
    num /= 10n;
    den /= 10n;
  }
  return { num, den };
}

export function ratioToString(r: Ratio): string {
  const scale = r.den.toString().length - 1;
  if (10n ** BigInt(scale) !== r.den) return `${r.num}/${r.den}`;
  const s = r.num.toString().padStart(scale + 1, '0');
  return scale === 0 ? s : `${s.slice(0, -scale)}.${s.slice(-scale)}`;
}

/** Divides num by den (den > 0) rounding half away from zero. */
export function divRoundHalfUp(num: bigint, den: bigint): bigint {
  if (den <= 0n) throw new Error('denominator must be positive');
  const negative = num < 0n;
  const abs = negative ? -num : num;
  const q = (abs * 2n + den) / (den * 2n);
  return negative ? -q : q;
}

/** Rounds an exact fraction of fen (num/den fen) to fen under a named rule. */
export function roundFen(num: bigint, den: bigint, rule: RoundingRule = 'HALF_UP_FEN'): Fen {
  switch (rule) {
    case 'HALF_UP_FEN':
      return divRoundHalfUp(num, den);
    case 'HALF_UP_YUAN':
      return divRoundHalfUp(num, den * 100n) * 100n;
    case 'DOWN_FEN':
      return num >= 0n ? num / den : -((-num + den - 1n) / den);
    case 'UP_FEN':
      return num >= 0n ? (num + den - 1n) / den : -(-num / den);
  }
}

/** amount × ratio, rounded by the rule. */
export function applyRatio(amount: Fen, ratio: Ratio, rule: RoundingRule = 'HALF_UP_FEN'): Fen {
  return roundFen(amount * ratio.num, ratio.den, rule);
}
