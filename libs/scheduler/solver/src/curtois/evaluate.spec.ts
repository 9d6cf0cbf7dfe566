import { evaluateCurtois } from './evaluate';
import type { CurtoisAssignment, CurtoisInstance, CurtoisStaff } from './model';

/** One employee A over `horizon` days with loose limits unless overridden; shifts E (480) and L (600, E may not follow). */
function tiny(horizon: number, staff: Partial<CurtoisStaff> = {}, extra: Partial<CurtoisInstance> = {}): CurtoisInstance {
  return {
    name: 'tiny',
    horizon,
    shifts: [
      { id: 'E', minutes: 480, cannotFollow: [] },
      { id: 'L', minutes: 600, cannotFollow: ['E'] },
    ],
    staff: [
      {
        id: 'A',
        maxShifts: {},
        maxTotalMinutes: 100_000,
        minTotalMinutes: 0,
        maxConsecutiveShifts: 99,
        minConsecutiveShifts: 1,
        minConsecutiveDaysOff: 1,
        maxWeekends: 99,
        ...staff,
      },
    ],
    daysOff: {},
    onRequests: [],
    offRequests: [],
    cover: [],
    ...extra,
  };
}

/** Assignments of employee A from a pattern: one char per day, '.' = off. */
function pattern(p: string, employee = 'A'): CurtoisAssignment[] {
  return [...p].flatMap((ch, day) => (ch === '.' ? [] : [{ employee, day, shift: ch }]));
}

const rules = (inst: CurtoisInstance, a: CurtoisAssignment[]): string[] => evaluateCurtois(inst, a).violations.map((v) => v.rule);

describe('evaluateCurtois: hard rules', () => {
  it('accepts a roster that keeps every rule', () => {
    const r = evaluateCurtois(tiny(7), pattern('EE..LL.'));
    expect(r).toMatchObject({ feasible: true, violations: [] });
  });

  it('rejects unknown employees, shifts and days outside the horizon', () => {
    const inst = tiny(7);
    expect(rules(inst, [{ employee: 'Z', day: 0, shift: 'E' }])).toEqual(['invalid-assignment']);
    expect(rules(inst, [{ employee: 'A', day: 0, shift: 'X' }])).toEqual(['invalid-assignment']);
    expect(rules(inst, [{ employee: 'A', day: 7, shift: 'E' }])).toEqual(['invalid-assignment']);
    expect(rules(inst, [{ employee: 'A', day: -1, shift: 'E' }])).toEqual(['invalid-assignment']);
  });

  it('at most one shift a day', () => {
    expect(rules(tiny(7), [...pattern('E'), { employee: 'A', day: 0, shift: 'L' }])).toEqual(['one-shift-a-day']);
  });

  it('forbidden succession: E may not follow L the next day, but may after a day off, and L may follow E', () => {
    expect(rules(tiny(7), pattern('LE'))).toEqual(['forbidden-succession']);
    expect(evaluateCurtois(tiny(7), pattern('LE')).violations[0].day).toBe(1);
    expect(rules(tiny(7), pattern('L.E'))).toEqual([]);
    expect(rules(tiny(7), pattern('EL'))).toEqual([]);
    // Days outside the horizon are off: an L on the last day and an E on day 0 break nothing.
    expect(rules(tiny(7), pattern('E.....L'))).toEqual([]);
  });

  it('maximum shifts of a type', () => {
    expect(rules(tiny(7, { maxShifts: { L: 2 } }), pattern('LL.LL'))).toEqual(['max-shifts-of-type']);
    expect(rules(tiny(7, { maxShifts: { L: 2, E: 0 } }), pattern('LL'))).toEqual([]);
    expect(rules(tiny(7, { maxShifts: { E: 0 } }), pattern('E'))).toEqual(['max-shifts-of-type']);
  });

  it('total minutes within [min, max]', () => {
    expect(rules(tiny(7, { maxTotalMinutes: 1079 }), pattern('EL'))).toEqual(['max-total-minutes']);
    expect(rules(tiny(7, { maxTotalMinutes: 1080 }), pattern('EL'))).toEqual([]);
    expect(rules(tiny(7, { minTotalMinutes: 1081 }), pattern('EL'))).toEqual(['min-total-minutes']);
    expect(rules(tiny(7, { minTotalMinutes: 1 }), [])).toEqual(['min-total-minutes']);
  });

  it('maximum consecutive shifts, also for a block touching the horizon edge', () => {
    expect(rules(tiny(7, { maxConsecutiveShifts: 3 }), pattern('.EEEE..'))).toEqual(['max-consecutive-shifts']);
    expect(rules(tiny(7, { maxConsecutiveShifts: 3 }), pattern('EEEE...'))).toEqual(['max-consecutive-shifts']);
    expect(rules(tiny(7, { maxConsecutiveShifts: 3 }), pattern('...EEEE'))).toEqual(['max-consecutive-shifts']);
    expect(rules(tiny(7, { maxConsecutiveShifts: 3 }), pattern('EEE.EEE'))).toEqual([]);
  });

  it('minimum consecutive shifts, never for a block touching either edge', () => {
    expect(rules(tiny(7, { minConsecutiveShifts: 2 }), pattern('..E....'))).toEqual(['min-consecutive-shifts']);
    expect(rules(tiny(7, { minConsecutiveShifts: 3 }), pattern('..EE...'))).toEqual(['min-consecutive-shifts']);
    expect(rules(tiny(7, { minConsecutiveShifts: 3 }), pattern('E......'))).toEqual([]);
    expect(rules(tiny(7, { minConsecutiveShifts: 3 }), pattern('......E'))).toEqual([]);
    expect(rules(tiny(7, { minConsecutiveShifts: 3 }), pattern('..EEE..'))).toEqual([]);
  });

  it('minimum consecutive days off, never for a block touching either edge', () => {
    expect(rules(tiny(7, { minConsecutiveDaysOff: 2 }), pattern('EE.EEEE'))).toEqual(['min-consecutive-days-off']);
    expect(rules(tiny(7, { minConsecutiveDaysOff: 3 }), pattern('E..EEEE'))).toEqual(['min-consecutive-days-off']);
    expect(rules(tiny(7, { minConsecutiveDaysOff: 3 }), pattern('.EEEEEE'))).toEqual([]);
    expect(rules(tiny(7, { minConsecutiveDaysOff: 3 }), pattern('EEEEEE.'))).toEqual([]);
    expect(rules(tiny(7, { minConsecutiveDaysOff: 2 }), pattern('E..EEEE'))).toEqual([]);
  });

  it('maximum weekends: a weekend is worked if Saturday (day 5) or Sunday (day 6) is, day 0 being a Monday', () => {
    // Weekends are days 5-6 and 12-13; Saturday of the first and Sunday of the second are worked.
    expect(rules(tiny(14, { maxWeekends: 1 }), pattern('.....E.......E'))).toEqual(['max-weekends']);
    expect(rules(tiny(14, { maxWeekends: 1 }), pattern('.....EE.......'))).toEqual([]);
    // Friday and Monday are not weekend days.
    expect(rules(tiny(14, { maxWeekends: 0 }), pattern('....E..E......'))).toEqual([]);
    // A horizon ending on a Saturday still counts that Saturday.
    expect(rules(tiny(13, { maxWeekends: 1 }), pattern('......E.....E'))).toEqual(['max-weekends']);
  });

  it('days off', () => {
    const inst = tiny(7, {}, { daysOff: { A: [3] } });
    expect(rules(inst, pattern('...E'))).toEqual(['day-off']);
    expect(rules(inst, pattern('EEE.EEE'))).toEqual([]);
  });
});

describe('evaluateCurtois: objective', () => {
  const inst = tiny(
    7,
    {},
    {
      staff: [tiny(7).staff[0], { ...tiny(7).staff[0], id: 'B' }],
      onRequests: [
        { employee: 'A', day: 0, shift: 'E', weight: 2 },
        { employee: 'A', day: 1, shift: 'E', weight: 3 },
        { employee: 'B', day: 2, shift: 'L', weight: 5 },
      ],
      offRequests: [
        { employee: 'A', day: 3, shift: 'L', weight: 7 },
        { employee: 'B', day: 3, shift: 'L', weight: 11 },
      ],
      cover: [
        { day: 0, shift: 'E', requirement: 2, underWeight: 100, overWeight: 1 },
        { day: 3, shift: 'L', requirement: 0, underWeight: 100, overWeight: 13 },
      ],
    },
  );

  it('sums unmet on-requests, violated off-requests, and weighted under and over cover', () => {
    // A: E on day 0 (on-request met), L on day 1 (on-request for E unmet: 3), L on day 3 (off-request: 7).
    // B: off on day 2 (on-request unmet: 5), E on day 3 (off-request for L kept).
    // Cover: day 0 E has 1 of 2 (under 100); day 3 L has 1 over 0 (over 13).
    const r = evaluateCurtois(inst, [...pattern('EL.L'), ...pattern('...E', 'B')]);
    expect(r.parts).toEqual({ onRequests: 8, offRequests: 7, under: 100, over: 13 });
    expect(r.objective).toBe(128);
  });

  it('counts a shortfall of several staff times the under weight', () => {
    expect(evaluateCurtois(inst, []).parts.under).toBe(200);
  });
});
