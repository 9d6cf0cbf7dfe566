import { rosterDaysOf, sumHours } from './roster-days';

describe('rosterDaysOf: the days of a published roster that pay a worker', () => {
  const stayed = { communityCode: 'A', leftDate: null, placeSince: '2020-03-01' };

  it('counts the whole roster of the place held all month, and none of another community’s (stale: solved before a transfer was recorded)', () => {
    expect(rosterDaysOf('A', stayed, '2026-05')).toEqual({ from: null, through: null });
    expect(rosterDaysOf('B', stayed, '2026-05')).toBeNull();
    // frozen before placeSince existed: the same
    expect(rosterDaysOf('A', { communityCode: 'A', leftDate: null }, '2026-05')).toEqual({ from: null, through: null });
  });

  it('stops every roster at a leaver’s last day (none to cut when it is the month’s last)', () => {
    expect(rosterDaysOf('A', { ...stayed, leftDate: '2026-05-10' }, '2026-05')).toEqual({ from: null, through: '2026-05-10' });
    expect(rosterDaysOf('A', { ...stayed, leftDate: '2026-05-31' }, '2026-05')).toEqual({ from: null, through: null });
  });

  it('splits a transfer in the month: the new place from its day, any other (the place left) up to the day before', () => {
    const moved = { communityCode: 'B', leftDate: null, placeSince: '2026-05-16' };
    expect(rosterDaysOf('B', moved, '2026-05')).toEqual({ from: '2026-05-16', through: null });
    expect(rosterDaysOf('A', moved, '2026-05')).toEqual({ from: null, through: '2026-05-15' });
    // transferred on the 1st: the month is the new place's
    expect(rosterDaysOf('B', { ...moved, placeSince: '2026-05-01' }, '2026-05')).toEqual({ from: null, through: null });
    // a last day before the transfer (recorded out of order) ends the old roster there; the new one stops at it too
    expect(rosterDaysOf('A', { ...moved, leftDate: '2026-05-12' }, '2026-05')).toEqual({ from: null, through: '2026-05-12' });
    expect(rosterDaysOf('B', { ...moved, leftDate: '2026-05-20' }, '2026-05')).toEqual({ from: '2026-05-16', through: '2026-05-20' });
  });
});

describe('sumHours', () => {
  it('adds shifts and each kind’s minutes, and keeps the highest roster version', () => {
    expect(sumHours([])).toBeNull();
    const a = { shifts: 10, overtime: [{ kind: 'WORKDAY' as const, minutes: 60 }], rosterVersion: 2 };
    expect(sumHours([a])).toBe(a);
    expect(sumHours([a, { shifts: 5, overtime: [{ kind: 'REST_DAY' as const, minutes: 480 }, { kind: 'WORKDAY' as const, minutes: 30 }], rosterVersion: 1 }])).toEqual({
      shifts: 15, overtime: [{ kind: 'WORKDAY', minutes: 90 }, { kind: 'REST_DAY', minutes: 480 }], rosterVersion: 2,
    });
  });
});
