import { DEMO_CALENDAR_2026, workingDaysByWeek } from './calendar';
import { checkRoster, coverageGaps, roleGaps, type RuleCode } from './checker';
import { hoursBetween, monthHours, workerDaysOf } from './hours';
import { compile } from './compile';
import { DEFAULT_WEIGHTS, defaultCentreConfig, type Assignment, type CentreConfig, type RosterWorker } from './model';
import { seededRandom } from '@cws/kernel';
import { RosterState } from './state';
import { rosterProblem, withPastWorkers } from './problem';
import { solveRoster } from './solve';

const staff = (n: number, leaders = 2): RosterWorker[] =>
  Array.from({ length: n }, (_, i) => ({ id: 100 + i, roles: i < leaders ? ['LEADER'] : [], unavailable: [] }));
const rules = (vs: Array<{ rule: RuleCode }>) => [...new Set(vs.map((v) => v.rule))].sort();

describe('roster solver, judged by the independent checker', () => {
  it('covers every 08:00–21:00 slot of a 12-worker month with no hard rule broken', () => {
    const p = rosterProblem('2026-05', defaultCentreConfig(), staff(12), DEMO_CALENDAR_2026);
    const r = solveRoster(p, { seed: 7 });
    expect(checkRoster(p, r.assignments)).toEqual([]);
    expect(r.uncovered).toEqual([]);
    expect(coverageGaps(p, r.assignments)).toEqual([]);
    expect(roleGaps(p, r.assignments)).toEqual([]);
    // Every day of May has someone from 08:00 to 21:00, three on working days until 17:30.
    const may6 = r.assignments.filter((a) => a.date === '2026-05-06').map((a) => a.shift);
    expect(may6.filter((s) => s === 'EARLY').length).toBeGreaterThanOrEqual(3);
    expect(may6).toContain('LATE');
  });

  it('keeps every hard rule in a holiday month, with leave, 2 rest days in 7 and a long-shift template', () => {
    const centre: CentreConfig = {
      ...defaultCentreConfig(),
      restDaysPer7: 2,
      templates: [...defaultCentreConfig().templates, { code: 'LONG', start: '08:00', end: '18:00', breakMinutes: 60 }],
    };
    const workers = staff(15).map((w, i) => (i % 4 === 0 ? { ...w, unavailable: ['2026-10-08', '2026-10-09', '2026-10-10', '2026-10-20'] } : w));
    const p = rosterProblem('2026-10', centre, workers, DEMO_CALENDAR_2026);
    const r = solveRoster(p, { seed: 3 });
    expect(checkRoster(p, r.assignments)).toEqual([]);
    expect(r.uncovered).toEqual([]);
    for (const w of workers) for (const d of w.unavailable) expect(r.assignments.some((a) => a.workerId === w.id && a.date === d)).toBe(false);
    // Holidays are staffed, and paid at 300 %.
    const hours = monthHours(p, r.assignments);
    expect(r.assignments.some((a) => a.date === '2026-10-01')).toBe(true);
    expect(hours.reduce((s, h) => s + h.overtimeMinutes.holiday300, 0)).toBeGreaterThan(0);
    for (const h of hours) expect(h.overtimeMinutes.workday150 + h.overtimeMinutes.restDay200 + h.overtimeMinutes.holiday300).toBeLessThanOrEqual(36 * 60);
  });

  it('is deterministic for a seed', () => {
    const p = rosterProblem('2026-03', defaultCentreConfig(), staff(13), DEMO_CALENDAR_2026);
    const a = solveRoster(p, { seed: 42 });
    const b = solveRoster(p, { seed: 42 });
    expect(b.assignments).toEqual(a.assignments);
    expect(b.objective).toBe(a.objective);
  });

  it('honours a request for a day off and spreads late and weekend shifts', () => {
    const workers = staff(12).map((w, i) => (i === 5 ? { ...w, requests: [{ date: '2026-05-12', want: 'OFF' }] } : w));
    const p = rosterProblem('2026-05', defaultCentreConfig(), workers, DEMO_CALENDAR_2026);
    const r = solveRoster(p, { seed: 1 });
    expect(r.assignments.some((a) => a.workerId === 105 && a.date === '2026-05-12')).toBe(false);
    const hours = monthHours(p, r.assignments);
    const late = hours.map((h) => h.shifts.late);
    const weekend = hours.map((h) => h.shifts.weekend);
    expect(Math.max(...late) - Math.min(...late)).toBeLessThanOrEqual(2);
    expect(Math.max(...weekend) - Math.min(...weekend)).toBeLessThanOrEqual(2);
  });

  it('names each gap and the rule behind it when the month cannot be covered, and still breaks no hard rule', () => {
    // Three workers cannot staff three early shifts every working day and still rest one day in seven.
    const p = rosterProblem('2026-05', defaultCentreConfig(), staff(3, 1), DEMO_CALENDAR_2026);
    const r = solveRoster(p, { seed: 5 });
    expect(checkRoster(p, r.assignments).filter((v) => v.rule !== 'COVERAGE' && v.rule !== 'ROLE_ON_DUTY')).toEqual([]);
    expect(r.uncovered.length).toBeGreaterThan(0);
    for (const g of r.uncovered) {
      expect(g.date).toMatch(/^2026-05-\d\d$/);
      expect(g.from < g.to).toBe(true);
      expect(['REST_DAYS_PER_7', 'ONE_SHIFT_PER_DAY', 'MONTHLY_OVERTIME', 'REST_BETWEEN_SHIFTS']).toContain(g.rule);
    }
    // Every under-covered slot the checker finds lies in a named range.
    for (const gap of coverageGaps(p, r.assignments)) {
      const hhmm = `${String(Math.floor(gap.slot / 60)).padStart(2, '0')}:${String(gap.slot % 60).padStart(2, '0')}`;
      expect(r.uncovered.some((u) => u.date === gap.date && u.from <= hhmm && hhmm < u.to)).toBe(true);
    }
  });

  it('names leave as the reason when everyone is away', () => {
    const away = ['2026-05-13'];
    const p = rosterProblem('2026-05', defaultCentreConfig(), staff(4).map((w) => ({ ...w, unavailable: away })), DEMO_CALENDAR_2026);
    const r = solveRoster(p, { seed: 2 });
    expect(r.uncovered.filter((u) => u.date === '2026-05-13')).toEqual([
      { date: '2026-05-13', from: '08:00', to: '21:00', rule: 'LEAVE', missing: 3 },
      { date: '2026-05-13', from: '08:00', to: '21:00', rule: 'LEAVE', missing: 1, role: 'LEADER' },
    ]);
  });

  it('a leader appointed mid-month counts as one from that day: before it the centre has none, from it no role gap', () => {
    // the only leader of the centre takes up the post on the 15th
    const workers = staff(12, 0).map((w, i) => (i === 0 ? { ...w, roleSpans: [{ role: 'LEADER', from: '2026-05-15', to: '2026-05-31' }] } : w));
    const p = rosterProblem('2026-05', defaultCentreConfig(), workers, DEMO_CALENDAR_2026);
    const r = solveRoster(p, { seed: 5 });
    expect(checkRoster(p, r.assignments).filter((v) => v.rule !== 'ROLE_ON_DUTY')).toEqual([]);
    const gapDays = [...new Set(roleGaps(p, r.assignments).map((g) => g.date))];
    expect(gapDays.length).toBeGreaterThan(0);
    expect(gapDays.every((d) => d < '2026-05-15')).toBe(true);
    expect(r.uncovered.filter((u) => u.role === 'LEADER').every((u) => u.date < '2026-05-15' && u.rule === 'NO_WORKERS')).toBe(true);
    // read as before (posts held on the 1st only), the same roster has no leader in the second half either
    const firstDayOnly = rosterProblem('2026-05', defaultCentreConfig(), staff(12, 0), DEMO_CALENDAR_2026);
    expect(roleGaps(firstDayOnly, r.assignments).some((g) => g.date >= '2026-05-15')).toBe(true);
  });

  it('names every day NO_WORKERS when nobody can be rostered, and leaves a closed day type empty', () => {
    const empty = rosterProblem('2026-12', defaultCentreConfig(), [], null);
    const r = solveRoster(empty, { seed: 1 });
    expect(r.assignments).toEqual([]);
    expect(r.uncovered.filter((u) => !u.role)).toHaveLength(31);
    expect(new Set(r.uncovered.map((u) => u.rule))).toEqual(new Set(['NO_WORKERS']));
    const closed = defaultCentreConfig();
    closed.openingWindows.WEEKEND = null;
    const p = rosterProblem('2026-12', closed, staff(12), null);
    const s = solveRoster(p, { seed: 1 });
    expect(s.assignments.filter((a) => a.date === '2026-12-05' || a.date === '2026-12-06')).toEqual([]);
    expect(checkRoster(p, s.assignments)).toEqual([]);
  });

  it('re-plans around new leave with few changes against the published roster', () => {
    const p = rosterProblem('2026-05', defaultCentreConfig(), staff(12), DEMO_CALENDAR_2026);
    const published = solveRoster(p, { seed: 9 });
    const onLeave = published.assignments.find((a) => a.date === '2026-05-20')!.workerId;
    const leaveDays = ['2026-05-19', '2026-05-20', '2026-05-21'];
    const workers = p.workers.map((w) => (w.id === onLeave ? { ...w, unavailable: leaveDays } : w));
    const q = rosterProblem('2026-05', defaultCentreConfig(), workers, DEMO_CALENDAR_2026, published.assignments);
    const replanned = solveRoster(q, { seed: 9 });
    expect(checkRoster(q, replanned.assignments)).toEqual([]);
    const key = (a: Assignment) => `${a.workerId}|${a.date}|${a.shift}`;
    const before = new Set(published.assignments.map(key));
    const after = new Set(replanned.assignments.map(key));
    const changed = [...before].filter((k) => !after.has(k)).length + [...after].filter((k) => !before.has(k)).length;
    expect(changed).toBeGreaterThan(0);
    expect(changed).toBeLessThanOrEqual(20);
  });

  it('re-planning on the 15th keeps the days that have happened as published, even a shift a leave recorded since now covers', () => {
    const p = rosterProblem('2026-05', defaultCentreConfig(), staff(12), DEMO_CALENDAR_2026);
    const published = solveRoster(p, { seed: 9 });
    const onLeave = published.assignments.find((a) => a.date === '2026-05-20')!.workerId;
    const late = published.assignments.find((a) => a.date === '2026-05-05' && a.workerId !== onLeave)!.workerId; // leave recorded after the fact
    const workers = p.workers.map((w) =>
      w.id === onLeave ? { ...w, unavailable: ['2026-05-19', '2026-05-20', '2026-05-21'] } : w.id === late ? { ...w, unavailable: ['2026-05-05'] } : w);
    const q = rosterProblem('2026-05', defaultCentreConfig(), workers, DEMO_CALENDAR_2026, published.assignments, '2026-05-15');
    const replanned = solveRoster(q, { seed: 9 });
    const key = (a: Assignment) => `${a.workerId}|${a.date}|${a.shift}`;
    const past = (list: Assignment[]) => list.filter((a) => a.date < '2026-05-15').map(key).sort();
    expect(past(replanned.assignments)).toEqual(past(published.assignments));
    expect(replanned.assignments.some((a) => a.workerId === onLeave && a.date >= '2026-05-19' && a.date <= '2026-05-21')).toBe(false);
    // every rule holds over the month as it was worked (the leave of the 5th aside: it was recorded after the day)
    const asWorked = { ...q, workers: q.workers.map((w) => (w.id === late ? { ...w, unavailable: [] } : w)) };
    expect(checkRoster(asWorked, replanned.assignments)).toEqual([]);
    // a month that has all happened is kept whole
    const over = solveRoster({ ...q, frozenBefore: '2026-06-01' }, { seed: 9 });
    expect(over.assignments.map(key).sort()).toEqual(published.assignments.map(key).sort());
  });

  it('a worker the register no longer lists (a leaving back-dated since) keeps the days worked before the re-plan, and no later one', () => {
    const p = rosterProblem('2026-05', defaultCentreConfig(), staff(12), DEMO_CALENDAR_2026);
    const published = solveRoster(p, { seed: 9 });
    const gone = published.assignments.find((a) => a.date === '2026-05-04')!.workerId;
    const listed = p.workers.filter((w) => w.id !== gone);
    const key = (a: Assignment) => `${a.workerId}|${a.date}|${a.shift}`;
    const past = (list: Assignment[]) => list.filter((a) => a.date < '2026-05-15').map(key).sort();
    // without them, the days they worked would vanish from the roster and from their hours
    const dropped = solveRoster(rosterProblem('2026-05', defaultCentreConfig(), listed, DEMO_CALENDAR_2026, published.assignments, '2026-05-15'), { seed: 9 });
    expect(past(dropped.assignments)).not.toEqual(past(published.assignments));

    const workers = withPastWorkers(listed, p, published.assignments, '2026-05-15');
    expect(workers.find((w) => w.id === gone)).toEqual({ id: gone, roles: p.workers.find((w) => w.id === gone)!.roles, unavailable: p.days.map((d) => d.date).filter((d) => d >= '2026-05-15') });
    expect(withPastWorkers(p.workers, p, published.assignments, '2026-05-15')).toBe(p.workers);
    const q = rosterProblem('2026-05', defaultCentreConfig(), workers, DEMO_CALENDAR_2026, published.assignments, '2026-05-15');
    const replanned = solveRoster(q, { seed: 9 });
    expect(past(replanned.assignments)).toEqual(past(published.assignments));
    expect(replanned.assignments.some((a) => a.workerId === gone && a.date >= '2026-05-15')).toBe(false);
    expect(checkRoster(q, replanned.assignments)).toEqual([]);
    const hours = monthHours(q, replanned.assignments).find((h) => h.workerId === gone)!;
    expect(hours.shifts.total).toBe(published.assignments.filter((a) => a.workerId === gone && a.date < '2026-05-15').length);
  });
});

describe('the independent checker catches each hard rule', () => {
  const wide = { from: '07:00', to: '22:00' };
  const extra = [
    { code: 'HUGE', start: '08:00', end: '21:00', breakMinutes: 30 },
    { code: 'LATE22', start: '13:30', end: '22:00', breakMinutes: 30 },
    { code: 'TEN', start: '08:00', end: '19:30', breakMinutes: 30 },
  ];
  const centre: CentreConfig = {
    ...defaultCentreConfig(), coverage: [], roles: [], templates: [...defaultCentreConfig().templates, ...extra],
    openingWindows: { WEEKDAY: wide, WEEKEND: wide, HOLIDAY: wide, ADJUSTED_WORKDAY: wide },
  };
  const p = rosterProblem('2026-05', centre, [{ id: 1, roles: [], unavailable: ['2026-05-04'] }], DEMO_CALENDAR_2026);
  const a = (date: string, shift: string): Assignment => ({ workerId: 1, date, shift });

  it.each<[string, Assignment[], RuleCode]>([
    ['two shifts a day', [a('2026-05-06', 'EARLY'), a('2026-05-06', 'LATE')], 'ONE_SHIFT_PER_DAY'],
    ['12 h 30 of work in a day', [a('2026-05-06', 'HUGE')], 'DAILY_HOURS'],
    ['a 22:00 finish then an 08:00 start', [a('2026-05-06', 'LATE22'), a('2026-05-07', 'EARLY')], 'REST_BETWEEN_SHIFTS'],
    ['seven days in a row', ['06', '07', '08', '09', '10', '11', '12'].map((d) => a(`2026-05-${d}`, 'EARLY')), 'REST_DAYS_PER_7'],
    ['a shift on leave', [a('2026-05-04', 'EARLY')], 'LEAVE'],
    ['a shift that is not a template', [a('2026-05-06', 'NIGHT')], 'UNKNOWN_SHIFT'],
  ])('%s', (_, roster, rule) => {
    expect(rules(checkRoster(p, roster))).toContain(rule);
  });

  it('more than 36 h of overtime in the month', () => {
    // 13 working days of 11 h (3 h of overtime each, the daily maximum): 39 h in the month.
    const days = ['05', '06', '07', '11', '12', '13', '14', '18', '19', '20', '21', '25', '26'];
    const v = checkRoster(p, days.map((d) => a(`2026-05-${d}`, 'TEN')));
    expect(rules(v)).toEqual(['MONTHLY_OVERTIME']);
    expect(rules(checkRoster(p, days.slice(1).map((d) => a(`2026-05-${d}`, 'TEN'))))).toEqual([]);
  });

  it('a coverage gap and a missing leader', () => {
    const q = rosterProblem('2026-05', defaultCentreConfig(), [{ id: 1, roles: ['LEADER'], unavailable: [] }, { id: 2, roles: [], unavailable: [] }], DEMO_CALENDAR_2026);
    expect(rules(checkRoster(q, [{ workerId: 2, date: '2026-05-06', shift: 'EARLY' }]))).toEqual(expect.arrayContaining(['COVERAGE', 'ROLE_ON_DUTY']));
  });
});

describe('monthly hours by overtime kind', () => {
  it('splits holiday (300 %), a 6th day in a week (200 %) and a long day (150 %)', () => {
    const centre = { ...defaultCentreConfig(), templates: [...defaultCentreConfig().templates, { code: 'LONG', start: '08:00', end: '18:00', breakMinutes: 60 }] };
    const p = rosterProblem('2026-05', centre, [{ id: 1, roles: [], unavailable: [] }], DEMO_CALENDAR_2026);
    // 2026-05-01 is a holiday; 05-11..05-16 (Mon–Sat) six days: the Saturday is the 6th; 05-18 is a 9 h day.
    const roster: Assignment[] = [
      { workerId: 1, date: '2026-05-01', shift: 'EARLY' },
      ...['11', '12', '13', '14', '15', '16'].map((d) => ({ workerId: 1, date: `2026-05-${d}`, shift: 'MID' })),
      { workerId: 1, date: '2026-05-18', shift: 'LONG' },
    ];
    const [h] = monthHours(p, roster);
    expect(h).toEqual({
      workerId: 1,
      workedMinutes: 7 * 480 + 540,
      overtimeMinutes: { holiday300: 480, restDay200: 480, workday150: 60 },
      shifts: { total: 8, late: 0, weekend: 1, holiday: 1 },
    });
  });

  it('counts rest days worked against the calendar’s working days of the week: a 调休 Sunday is a working day, moved rest days are not', () => {
    expect(workingDaysByWeek(rosterProblem('2026-10', defaultCentreConfig(), [], DEMO_CALENDAR_2026).days, 5)).toEqual(new Map([
      ['2026-09-28', 3], // 1–2 Oct are holidays on a Thursday and Friday (the Monday to Wednesday before are September's, as a standard week)
      ['2026-10-05', 3], // 5–7 Oct rest days moved there, Saturday 10 Oct worked
      ['2026-10-12', 5], ['2026-10-19', 5], ['2026-10-26', 5],
    ]));
    const one = (month: string, dates: string[]) => {
      const p = rosterProblem(month, defaultCentreConfig(), [{ id: 1, roles: [], unavailable: [] }], DEMO_CALENDAR_2026);
      return monthHours(p, dates.map((date) => ({ workerId: 1, date, shift: 'MID' })))[0].overtimeMinutes;
    };
    // 14–18 Sep and Sunday 20 Sep (调休上班), off Saturday 19: six working days, none a rest day
    expect(one('2026-09', ['2026-09-14', '2026-09-15', '2026-09-16', '2026-09-17', '2026-09-18', '2026-09-20'])).toEqual({ holiday300: 0, restDay200: 0, workday150: 0 });
    // 5–9 Oct: a week of three working days, so the 4th and 5th worked days are rest days worked
    expect(one('2026-10', ['2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08', '2026-10-09'])).toEqual({ holiday300: 0, restDay200: 2 * 480, workday150: 0 });
  });
  it('keeps a worker’s shifts of the days asked (a leaver’s through their last day, a transfer’s from its day) and drops the rest', () => {
    const centre = { ...defaultCentreConfig(), templates: [...defaultCentreConfig().templates, { code: 'LONG', start: '08:00', end: '18:00', breakMinutes: 60 }] };
    const p = rosterProblem('2026-05', centre, [{ id: 1, roles: [], unavailable: [] }, { id: 2, roles: [], unavailable: [] }], DEMO_CALENDAR_2026);
    const roster: Assignment[] = [
      { workerId: 1, date: '2026-05-01', shift: 'EARLY' },
      ...['11', '12', '13', '14', '15', '16'].map((d) => ({ workerId: 1, date: `2026-05-${d}`, shift: 'MID' })),
      { workerId: 1, date: '2026-05-18', shift: 'LONG' },
      { workerId: 2, date: '2026-05-12', shift: 'LONG' },
    ];
    // Left on Friday the 15th: the holiday and five weekdays stay, the 6th day (200 %) and the long Monday (150 %) go.
    expect(hoursBetween(p, roster, 1, null, '2026-05-15')).toEqual({
      workerId: 1,
      workedMinutes: 6 * 480,
      overtimeMinutes: { holiday300: 480, restDay200: 0, workday150: 0 },
      shifts: { total: 6, late: 0, weekend: 0, holiday: 1 },
    });
    // Through the month's last day: the month's own row; another worker's shifts never count.
    expect(hoursBetween(p, roster, 1, null, '2026-05-31')).toEqual(monthHours(p, roster)[0]);
    expect(hoursBetween(p, roster, 1, '2026-05-01', null)).toEqual(monthHours(p, roster)[0]);
    expect(hoursBetween(p, roster, 2, null, '2026-05-11')).toEqual({ workerId: 2, workedMinutes: 0, overtimeMinutes: { holiday300: 0, restDay200: 0, workday150: 0 }, shifts: { total: 0, late: 0, weekend: 0, holiday: 0 } });
    expect(hoursBetween(p, roster, 3, null, '2026-05-31')).toBeNull();
    // Transferred in on Thursday the 14th: the 14th–16th and the long Monday; the 16th is the 3rd day worked here that week, not a 6th.
    expect(hoursBetween(p, roster, 1, '2026-05-14', null)).toEqual({
      workerId: 1,
      workedMinutes: 3 * 480 + 540,
      overtimeMinutes: { holiday300: 0, restDay200: 0, workday150: 60 },
      shifts: { total: 4, late: 0, weekend: 1, holiday: 0 },
    });
    // Both ends: the 12th–15th.
    expect(hoursBetween(p, roster, 1, '2026-05-12', '2026-05-15')?.shifts.total).toBe(4);
  });
});

describe('an hours query: the month, or one worker’s days of one community', () => {
  const month = '2026-05';
  const refusal = (q: Parameters<typeof workerDaysOf>[0]) => {
    try {
      workerDaysOf(q);
    } catch (e) {
      const err = e as { code: string; details: Array<{ path: string }> };
      return [err.code, err.details[0].path];
    }
    return null;
  };

  it('is the month without a worker or a day, else the worker’s days with open ends as null', () => {
    expect(workerDaysOf({ month, community: '330106001001' })).toBeNull();
    expect(workerDaysOf({ month, community: '330106001001', worker: '101', through: '2026-05-10' })).toEqual({ community: '330106001001', workerId: 101, from: null, through: '2026-05-10' });
    expect(workerDaysOf({ month, community: '330106001001', worker: '101', from: '2026-05-16', through: '2026-05-16' })).toEqual({ community: '330106001001', workerId: 101, from: '2026-05-16', through: '2026-05-16' });
  });

  it('refuses on the field at fault: the three go together, the days are the month’s and in order', () => {
    expect(refusal({ month, community: 'c', through: '2026-05-10' })).toEqual(['HOURS_DAYS_NEED_WORKER', 'worker']);
    expect(refusal({ month, community: 'c', worker: '1' })).toEqual(['HOURS_WORKER_NEEDS_DAYS', 'through']);
    expect(refusal({ month, worker: '1', from: '2026-05-10' })).toEqual(['HOURS_WORKER_NEEDS_COMMUNITY', 'community']);
    expect(refusal({ month, community: 'c', worker: '1', from: '2026-04-30' })).toEqual(['HOURS_DAY_OUTSIDE_MONTH', 'from']);
    expect(refusal({ month, community: 'c', worker: '1', through: '2026-06-01' })).toEqual(['HOURS_DAY_OUTSIDE_MONTH', 'through']);
    expect(refusal({ month, community: 'c', worker: '1', from: '2026-05-12', through: '2026-05-10' })).toEqual(['HOURS_FROM_AFTER_THROUGH', 'from']);
  });
});

describe('pricing a move without making it', () => {
  it('prices a cell as applying it would: same cost change, same refusals, on 4,000 random cells', () => {
    const centre: CentreConfig = { ...defaultCentreConfig(), restDaysPer7: 2, templates: [...defaultCentreConfig().templates, { code: 'LONG', start: '08:00', end: '19:00', breakMinutes: 30 }] };
    const workers = staff(10).map((w, i) => ({ ...w, unavailable: i % 3 === 0 ? ['2026-10-08', '2026-10-09'] : [], requests: i % 4 === 0 ? [{ date: '2026-10-12', want: 'OFF' }] : [] }));
    const p = rosterProblem('2026-10', centre, workers, DEMO_CALENDAR_2026, solveRoster(rosterProblem('2026-10', centre, workers, DEMO_CALENDAR_2026), { seed: 1, iterations: 0 }).assignments.slice(0, 40));
    const st = new RosterState(compile(p), DEFAULT_WEIGHTS);
    const rnd = seededRandom(99);
    let refused = 0;
    for (let i = 0; i < 4000; i++) {
      const w = Math.floor(rnd() * st.c.nWorkers);
      const d = Math.floor(rnd() * st.c.nDays);
      const t = Math.floor(rnd() * (st.c.templates.length + 1)) - 1;
      const priced = st.deltaOfSet(w, d, t);
      const applied = st.apply([[w, d, t]]);
      if (priced === null) {
        expect(applied).toBeNull();
        refused++;
        continue;
      }
      expect(applied).not.toBeNull();
      expect(priced).toBeCloseTo(applied!.delta, 6);
      // Keep about half of the moves so the rows fill up and the rules start to bind.
      if (rnd() < 0.5) st.revert(applied!.undo);
    }
    expect(refused).toBeGreaterThan(100);
  });
});
