import { cityToday, isIsoDate, isYearMonth, lastDayOfMonth } from './dates';

describe('isYearMonth', () => {
  it('accepts a year and a real month', () => {
    for (const s of ['2026-01', '2026-11', '2026-12']) expect(isYearMonth(s)).toBe(true);
  });
  it('refuses partial, impossible and longer forms', () => {
    for (const s of ['2026', '2026-1', '2026-00', '2026-13', '2026-11-01', '2026-W05', ' 2026-11', '2026-11\n']) expect(isYearMonth(s)).toBe(false);
  });
});

describe('isIsoDate', () => {
  it('accepts only dates that exist', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-11')).toBe(false);
  });
});

describe('lastDayOfMonth', () => {
  it('is the month’s last day, leap Februaries included, from a month or a date', () => {
    expect(['2026-02', '2024-02', '2026-12', '2026-04-15'].map(lastDayOfMonth)).toEqual(['2026-02-28', '2024-02-29', '2026-12-31', '2026-04-30']);
  });
});

describe('cityToday', () => {
  it('is the date in Asia/Shanghai (UTC+8): 16:00 UTC is already the next day there', () => {
    expect(cityToday(new Date('2026-12-01T15:59:59Z'))).toBe('2026-12-01');
    expect(cityToday(new Date('2026-12-01T16:00:00Z'))).toBe('2026-12-02');
    expect(cityToday(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
  });
});
