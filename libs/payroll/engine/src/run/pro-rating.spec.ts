import { parsePeriod, periodAfter, periodFirstDay, periodLastDay } from './pro-rating';

describe('pay periods', () => {
  it('reads a period and names its first and last days', () => {
    expect(parsePeriod('2026-02')).toEqual({ year: 2026, month: 2 });
    expect([periodFirstDay('2028-02'), periodLastDay('2028-02')]).toEqual(['2028-02-01', '2028-02-29']);
  });

  it('steps to the next month, over the year end (a run reads settled slips up to the month after its own)', () => {
    expect(['2026-01', '2026-09', '2026-10', '2026-12'].map(periodAfter)).toEqual(['2026-02', '2026-10', '2026-11', '2027-01']);
  });
});
