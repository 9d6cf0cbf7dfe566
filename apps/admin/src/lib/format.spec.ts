import { describe, expect, it } from 'vitest';
import { dateTime, thousands } from './format';

describe('format', () => {
  it('groups the integer digits of a decimal string, keeping sign and fraction as written', () => {
    expect(thousands('1234567.89')).toBe('1,234,567.89');
    expect(thousands('-1234.50')).toBe('-1,234.50');
    expect(thousands('999')).toBe('999');
    expect(thousands('0.00')).toBe('0.00');
  });

  it('shows a timestamp to the minute, or to the second', () => {
    const local = '2026-03-04T05:06:07';
    expect(dateTime(local)).toBe('2026-03-04 05:06');
    expect(dateTime(local, { seconds: true })).toBe('2026-03-04 05:06:07');
  });
});
