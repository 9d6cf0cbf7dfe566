import { dayType, DEMO_CALENDAR_2026 } from './calendar';
import { defaultCentreConfig } from './model';
import { isoWeekKey, monthDates, toHhmm, toMinutes } from './time';
import { centreConfigIssues } from './validate';

describe('calendar day types', () => {
  it.each([
    ['2026-10-01', 'HOLIDAY'], // 国庆节, statutory
    ['2026-10-06', 'WEEKEND'], // a weekday given off inside the break
    ['2026-10-10', 'ADJUSTED_WORKDAY'], // a Saturday worked
    ['2026-10-12', 'WEEKDAY'],
    ['2026-10-18', 'WEEKEND'],
  ])('%s is %s', (date, type) => {
    expect(dayType(date, DEMO_CALENDAR_2026)).toBe(type);
  });

  it('without a calendar row: plain weekdays and weekends', () => {
    expect(dayType('2026-10-01', null)).toBe('WEEKDAY');
    expect(dayType('2026-10-10', null)).toBe('WEEKEND');
  });

  it('has 13 statutory days in the demo 2026 arrangement, each once', () => {
    const all = [...DEMO_CALENDAR_2026.holidays, ...DEMO_CALENDAR_2026.restDays, ...DEMO_CALENDAR_2026.adjustedWorkingDays].map((d) => d.date);
    expect(DEMO_CALENDAR_2026.holidays).toHaveLength(13);
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('time helpers', () => {
  it('months, weeks and clock times', () => {
    expect(monthDates('2028-02')).toHaveLength(29);
    expect(isoWeekKey('2026-11-01')).toBe('2026-10-26'); // a Sunday belongs to the week from Monday
    expect(toMinutes('12:30')).toBe(750);
    expect(toHhmm(1260)).toBe('21:00');
    expect(() => toMinutes('25:00')).toThrow(/bad time/);
  });
});

describe('centre configuration checks', () => {
  it('accepts the default', () => {
    expect(centreConfigIssues(defaultCentreConfig())).toEqual([]);
  });

  it('names every bad field', () => {
    const c = defaultCentreConfig() as unknown as Record<string, unknown>;
    const issues = centreConfigIssues({
      ...c,
      openingWindows: { ...(c.openingWindows as object), WEEKEND: { from: '21:00', to: '08:00' } },
      templates: [{ code: 'EARLY', start: '08:00', end: '16:30', breakMinutes: 30 }, { code: 'EARLY', start: '07:00', end: '19:30', breakMinutes: 30 }],
      coverage: [{ dayTypes: ['SUNDAY'], from: '08:00', to: '17:10', min: -1 }],
      roles: [{ dayTypes: ['WEEKDAY'], roles: [], min: 1 }],
      restDaysPer7: 3,
    });
    expect(issues.map((i) => i.path).sort()).toEqual([
      'coverage[0].dayTypes[0]', 'coverage[0].min', 'coverage[0].to', 'openingWindows.WEEKEND.to', 'restDaysPer7', 'roles[0].roles', 'templates[1]', 'templates[1].code',
    ]);
    expect(centreConfigIssues(null)).toEqual([{ path: '', issue: 'must be an object' }]);
  });
});
