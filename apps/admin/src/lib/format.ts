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
