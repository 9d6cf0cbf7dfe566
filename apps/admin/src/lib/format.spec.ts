import { describe, expect, it } from 'vitest';
import { dateTime, ratePercent, thousands } from './format';

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

  it('shows a policy rate as a percentage by shifting digits, never through a float', () => {
    expect(ratePercent('0.16')).toBe('16%');
    expect(ratePercent('0.095')).toBe('9.5%');
    expect(ratePercent('0.002')).toBe('0.2%');
    expect(ratePercent('0')).toBe('0%');
    expect(ratePercent('1.000000')).toBe('100%');
    expect(ratePercent('0.001234')).toBe('0.1234%');
    expect(ratePercent('0.10')).toBe('10%');
  });
});
