import { formatMoney, parseMoney } from '@cws/kernel';
import dayjs from 'dayjs';

/** 1234567.89 → 1,234,567.89 (on the string: the amount is never a float). */
export function thousands(amount: string): string {
  const [int, frac] = amount.split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const digits = sign ? int.slice(1) : int;
  return `${sign}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac !== undefined ? `.${frac}` : ''}`;
}

/** An API timestamp as the lists show it, to the minute (`seconds` for the audit log). */
export function dateTime(iso: string, { seconds = false } = {}): string {
  return dayjs(iso).format(seconds ? 'YYYY-MM-DD HH:mm:ss' : 'YYYY-MM-DD HH:mm');
}

/** "1500" → "1500.00" through fen, as the APIs spell amounts (never through a float). */
export const moneyString = (v: string): string => formatMoney(parseMoney(v));

/** "0.050000" (a fraction with up to six places) → "5.0000%", by integer arithmetic on the digits. */
export function fractionToPercent(fraction: string): string {
  const m = /^(-?)(\d+)(?:\.(\d{1,6}))?$/.exec(fraction.trim());
  if (!m) return fraction;
  const millionths = BigInt(m[2] + (m[3] ?? '').padEnd(6, '0'));
  const whole = millionths / 10_000n;
  const rest = String(millionths % 10_000n).padStart(4, '0');
  return `${m[1] && millionths !== 0n ? '-' : ''}${whole}.${rest}%`;
}

/** A rate as the policy tables hold it ("0.16", a share from 0 to 1) as a percentage without trailing zeros: "16%", "9.5%", "0%". */
export const ratePercent = (rate: string): string => fractionToPercent(rate).replace(/\.?0+%$/, '%');
