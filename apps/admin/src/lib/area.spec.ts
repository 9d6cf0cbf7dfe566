import { describe, expect, it } from 'vitest';
import { activityShareBelow, activitySharePercent, toHundredths } from './area';

describe('activity-area share', () => {
  it('compares exactly, without floats: 60 % on the dot is not below', () => {
    expect(activityShareBelow('300.00', '500.00')).toBe(false);
    expect(activityShareBelow('299.99', '500.00')).toBe(true);
    expect(activityShareBelow('0.30', '0.50')).toBe(false);
    expect(activityShareBelow('10.00', '0.00')).toBeNull();
  });

  it('formats the share with one decimal, rounded half up', () => {
    expect(activitySharePercent('300.00', '500.00')).toBe('60.0%');
    expect(activitySharePercent('1.00', '3.00')).toBe('33.3%');
    expect(activitySharePercent('2.00', '3.00')).toBe('66.7%');
    expect(toHundredths('12.5')).toBe(1250n);
    expect(toHundredths('abc')).toBeNull();
  });
});
