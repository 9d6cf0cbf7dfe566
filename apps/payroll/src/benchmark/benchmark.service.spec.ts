import { monthsCompleted } from './benchmark.service';

describe('monthsCompleted', () => {
  it('counts the months of the year completed by a date', () => {
    expect(monthsCompleted('2026-06-30', 2026)).toBe(6);
    expect(monthsCompleted('2026-06-29', 2026)).toBe(5);
    expect(monthsCompleted('2026-01-01', 2026)).toBe(0);
    expect(monthsCompleted('2026-12-31', 2026)).toBe(12);
  });
});
