import { arrivalOn, availableDays, type AvailabilityFacts } from './availability';

const march = Array.from({ length: 31 }, (_, i) => `2026-03-${String(i + 1).padStart(2, '0')}`);
const base: AvailabilityFacts = { hireDate: '2020-01-01', leftDate: null, placed: [{ from: '2020-01-01', to: null }], leaves: [], secondedOut: [] };
const days = (f: Partial<AvailabilityFacts>) => availableDays(march, { ...base, ...f });

describe('a month of availability (the daily rule over the month)', () => {
  it('every day for a worker here all month', () => {
    expect(days({})).toEqual(march);
  });

  it('from the hire date through the last day, both included', () => {
    expect(days({ hireDate: '2026-03-20', leftDate: '2026-03-25', placed: [{ from: '2026-03-20', to: null }] })).toEqual(march.slice(19, 25));
  });

  it('only on the days placed here: a transfer out on the 15th, one in planned for the 28th', () => {
    expect(days({ placed: [{ from: '2020-01-01', to: '2026-03-14' }] }).at(-1)).toBe('2026-03-14');
    expect(days({ placed: [{ from: '2026-03-28', to: null }] })).toEqual(march.slice(27));
  });

  it('not on leave: the return day is the first day back', () => {
    expect(days({ leaves: [{ from: '2026-03-05', to: '2026-03-08' }] }).filter((d) => d >= '2026-03-04' && d <= '2026-03-08')).toEqual(['2026-03-04', '2026-03-08']);
    expect(days({ leaves: [{ from: '2026-03-30', to: null }] }).at(-1)).toBe('2026-03-29');
  });

  it('not seconded out, both ends included', () => {
    expect(days({ secondedOut: [{ from: '2026-03-02', to: '2026-03-30' }] })).toEqual(['2026-03-01', '2026-03-31']);
    expect(days({ secondedOut: [{ from: '2026-02-01', to: null }] })).toEqual([]);
  });
});

describe('the day a worker arrived in the community within the month (a transfer in)', () => {
  const arrival = (f: Partial<AvailabilityFacts>) => arrivalOn(march, { ...base, ...f });

  it('none for a worker here from before the month, or hired here in it', () => {
    expect(arrival({})).toBeNull();
    expect(arrival({ hireDate: '2026-03-10', placed: [{ from: '2026-03-10', to: null }] })).toBeNull();
  });

  it('the transfer day: on the 1st, mid-month, or the first of two arrivals', () => {
    expect(arrival({ placed: [{ from: '2026-03-01', to: null }] })).toBe('2026-03-01');
    expect(arrival({ placed: [{ from: '2026-03-12', to: null }] })).toBe('2026-03-12');
    expect(arrival({ placed: [{ from: '2026-03-05', to: '2026-03-09' }, { from: '2026-03-20', to: null }] })).toBe('2026-03-05');
    // placed here all along across a place change (the periods touch): no arrival
    expect(arrival({ placed: [{ from: '2020-01-01', to: '2026-03-11' }, { from: '2026-03-12', to: null }] })).toBeNull();
  });
});
