import { addDays, seededRandom } from '@cws/kernel';
import { DEMO_CALENDAR_2026 } from './calendar';
import { carriedOut, carriedOutOf } from './carried';
import { checkRoster, checkWorker, type RuleCode } from './checker';
import { compile } from './compile';
import { monthHours, totalOvertime } from './hours';
import { DEFAULT_WEIGHTS, defaultCentreConfig, type Assignment, type CarriedShift, type CentreConfig, type RosterWorker } from './model';
import { rosterProblem } from './problem';
import { solveRoster } from './solve';
import { RosterState } from './state';

const staff = (n: number, leaders = 2): RosterWorker[] =>
  Array.from({ length: n }, (_, i) => ({ id: 100 + i, roles: i < leaders ? ['LEADER'] : [], unavailable: [] }));
const rules = (vs: Array<{ rule: RuleCode }>) => [...new Set(vs.map((v) => v.rule))].sort();
const shift = (date: string, start = '09:30', end = '18:00'): CarriedShift => ({ date, shift: 'X', start, end, paidMinutes: 480 });
/** `n` worked days ending the day before `firstDay`. */
const lastDays = (firstDay: string, n: number, start?: string, end?: string) => Array.from({ length: n }, (_, i) => shift(addDays(firstDay, i - n), start, end));
const withCarried = (workers: RosterWorker[], id: number, carriedIn: CarriedShift[]) => workers.map((w) => (w.id === id ? { ...w, carriedIn } : w));
const template = (code: string) => defaultCentreConfig().templates.findIndex((t) => t.code === code);

describe('rest days in every 7: the previous month’s last days count', () => {
  // June 2026 starts on a Monday; the worker worked 26–31 May.
  const carried = lastDays('2026-06-01', 6);
  const workers = withCarried(staff(12), 105, carried).map((w) => (w.id === 105 ? { ...w, requests: [{ date: '2026-06-01', want: 'EARLY' }] } : w));
  const p = rosterProblem('2026-06', defaultCentreConfig(), workers, DEMO_CALENDAR_2026);

  it('does not roster on the 1st a worker who worked the previous month’s last 6 days, even when asked', () => {
    const r = solveRoster(p, { seed: 4 });
    expect(r.assignments.some((a) => a.workerId === 105 && a.date === '2026-06-01')).toBe(false);
    expect(checkRoster(p, r.assignments)).toEqual([]);
    expect(r.uncovered).toEqual([]);
    // Without the carried days the request is granted: the record is what keeps the 1st off.
    const bare = rosterProblem('2026-06', defaultCentreConfig(), workers.map(({ carriedIn: _, ...w }) => w), DEMO_CALENDAR_2026);
    expect(solveRoster(bare, { seed: 4 }).assignments).toContainEqual({ workerId: 105, date: '2026-06-01', shift: 'EARLY' });
  });

  it('refuses the 1st in the solver state and allows the 2nd', () => {
    const st = new RosterState(compile(p), DEFAULT_WEIGHTS);
    const w = st.c.workerIds.indexOf(105);
    expect(st.deltaOfSet(w, 0, template('EARLY'))).toBeNull();
    expect(st.deltaOfSet(w, 1, template('EARLY'))).not.toBeNull();
  });

  it('the checker flags a roster that works the 1st, and not the same roster without the carried days', () => {
    const roster: Assignment[] = [{ workerId: 105, date: '2026-06-01', shift: 'EARLY' }];
    const v = checkRoster(p, roster).filter((x) => x.workerId === 105);
    expect(v).toEqual([{ rule: 'REST_DAYS_PER_7', workerId: 105, date: '2026-06-01', detail: '0 rest days in the 7 days from 2026-05-26' }]);
    expect(checkRoster(p, [{ workerId: 105, date: '2026-06-02', shift: 'EARLY' }]).filter((x) => x.workerId === 105)).toEqual([]);
    const bare = rosterProblem('2026-06', defaultCentreConfig(), staff(12), DEMO_CALENDAR_2026);
    expect(checkRoster(bare, roster).filter((x) => x.workerId === 105)).toEqual([]);
  });

  it('with 2 rest days in 7 after 6 carried working days, asks only that the month’s days of those windows be off', () => {
    const centre: CentreConfig = { ...defaultCentreConfig(), restDaysPer7: 2 };
    const q = rosterProblem('2026-06', centre, withCarried(staff(14), 105, carried), DEMO_CALENDAR_2026);
    const st = new RosterState(compile(q), DEFAULT_WEIGHTS);
    const w = st.c.workerIds.indexOf(105);
    expect(st.stats[w].feasible).toBe(true);
    expect(st.deltaOfSet(w, 0, template('EARLY'))).toBeNull();
    expect(st.deltaOfSet(w, 1, template('EARLY'))).toBeNull();
    expect(st.deltaOfSet(w, 2, template('EARLY'))).not.toBeNull();
    expect(rules(checkRoster(q, [{ workerId: 105, date: '2026-06-02', shift: 'EARLY' }]))).toContain('REST_DAYS_PER_7');
    expect(checkRoster(q, [{ workerId: 105, date: '2026-06-03', shift: 'EARLY' }]).filter((x) => x.workerId === 105)).toEqual([]);
    const r = solveRoster(q, { seed: 2 });
    expect(checkRoster(q, r.assignments)).toEqual([]);
    expect(r.assignments.filter((a) => a.workerId === 105 && a.date <= '2026-06-02')).toEqual([]);
    // Not shut out of the month: rostered from the 3rd like the others.
    expect(r.assignments.filter((a) => a.workerId === 105).length).toBeGreaterThan(5);
  });

  it('names the carried rest days as the reason when nobody may work the 1st', () => {
    const everyone = staff(4).map((w) => ({ ...w, carriedIn: carried }));
    const q = rosterProblem('2026-06', defaultCentreConfig(), everyone, DEMO_CALENDAR_2026);
    const r = solveRoster(q, { seed: 1 });
    expect(r.assignments.filter((a) => a.date === '2026-06-01')).toEqual([]);
    expect(r.uncovered.filter((u) => u.date === '2026-06-01')).toEqual([
      { date: '2026-06-01', from: '08:00', to: '21:00', rule: 'REST_DAYS_PER_7', missing: 3 },
      { date: '2026-06-01', from: '08:00', to: '21:00', rule: 'REST_DAYS_PER_7', missing: 1, role: 'LEADER' },
    ]);
  });
});

describe('rest between shifts across the month boundary', () => {
  // A 13:30–22:00 shift on 31 May leaves 10 h before an 08:00 start on 1 June: under the 11 h minimum.
  const carried = [shift('2026-05-31', '13:30', '22:00')];
  const workers = withCarried(staff(12), 103, carried).map((w) => (w.id === 103 ? { ...w, requests: [{ date: '2026-06-01', want: 'EARLY' }] } : w));
  const p = rosterProblem('2026-06', defaultCentreConfig(), workers, DEMO_CALENDAR_2026);

  it('blocks a too-early shift on the 1st but not a later one, in the solver', () => {
    const st = new RosterState(compile(p), DEFAULT_WEIGHTS);
    const w = st.c.workerIds.indexOf(103);
    expect(st.deltaOfSet(w, 0, template('EARLY'))).toBeNull();
    expect(st.deltaOfSet(w, 0, template('MID'))).not.toBeNull();
    const r = solveRoster(p, { seed: 6 });
    expect(r.assignments).not.toContainEqual({ workerId: 103, date: '2026-06-01', shift: 'EARLY' });
    expect(checkRoster(p, r.assignments)).toEqual([]);
  });

  it('the checker flags the early shift, with the rest it leaves', () => {
    expect(checkRoster(p, [{ workerId: 103, date: '2026-06-01', shift: 'EARLY' }]).filter((v) => v.workerId === 103)).toEqual([
      { rule: 'REST_BETWEEN_SHIFTS', workerId: 103, date: '2026-06-01', detail: '600 minutes of rest' },
    ]);
    expect(checkRoster(p, [{ workerId: 103, date: '2026-06-01', shift: 'MID' }]).filter((v) => v.workerId === 103)).toEqual([]);
  });
});

describe('rest-day overtime in a week that began in the previous month', () => {
  // August 2026 starts on a Saturday; the worker worked Monday to Friday, 27–31 July.
  const carried = lastDays('2026-08-01', 5);
  const p = rosterProblem('2026-08', defaultCentreConfig(), [{ id: 1, roles: [], unavailable: [], carriedIn: carried }], DEMO_CALENDAR_2026);
  const roster: Assignment[] = [
    { workerId: 1, date: '2026-08-01', shift: 'MID' },
    { workerId: 1, date: '2026-08-04', shift: 'MID' },
  ];

  it('pays the month’s first Saturday as the week’s 6th worked day (200 %)', () => {
    const [h] = monthHours(p, roster);
    expect(h).toEqual({
      workerId: 1, workedMinutes: 960,
      overtimeMinutes: { workday150: 0, restDay200: 480, holiday300: 0 },
      shifts: { total: 2, late: 0, weekend: 1, holiday: 0 },
    });
    const bare = rosterProblem('2026-08', defaultCentreConfig(), [{ id: 1, roles: [], unavailable: [] }], DEMO_CALENDAR_2026);
    expect(monthHours(bare, roster)[0].overtimeMinutes.restDay200).toBe(0);
  });

  it('does not count a carried holiday among the week’s worked days', () => {
    const q = { ...p, workers: [{ ...p.workers[0], carriedIn: carried.map((s, i) => (i === 0 ? { ...s, holiday: true } : s)) }] };
    expect(monthHours(q, roster)[0].overtimeMinutes.restDay200).toBe(0);
  });

  it('the solver counts the same overtime as the hours paid to payroll', () => {
    const st = new RosterState(compile(p), DEFAULT_WEIGHTS);
    expect(st.apply([[0, 0, template('MID')], [0, 3, template('MID')]])).not.toBeNull();
    expect(st.stats[0].overtime).toBe(totalOvertime(monthHours(p, roster)[0]));
    expect(st.stats[0].overtime).toBe(480);
  });
});

describe('without a carried record, nothing changes', () => {
  it('solves, checks and pays the same with no record, an empty one, or shifts outside the 6 days before', () => {
    const centre: CentreConfig = { ...defaultCentreConfig(), restDaysPer7: 2 };
    const workers = staff(13);
    const variants = [
      workers,
      workers.map((w) => ({ ...w, carriedIn: [] })),
      workers.map((w) => ({ ...w, carriedIn: [shift('2026-05-24', '13:30', '22:00'), shift('2026-06-03')] })),
    ];
    const results = variants.map((ws) => {
      const p = rosterProblem('2026-06', centre, ws, DEMO_CALENDAR_2026);
      const r = solveRoster(p, { seed: 11 });
      return { ...r, hours: monthHours(p, r.assignments), violations: checkRoster(p, r.assignments) };
    });
    expect(results[0].violations).toEqual([]);
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
  });
});

describe('carrying one month into the next', () => {
  it('takes the last 6 days of a roster with their times and holidays, and the next month keeps the rules across the boundary', () => {
    const calendar = { year: 2026, label: 'test', holidays: [{ date: '2026-09-30', name: 'test' }], restDays: [], adjustedWorkingDays: [] };
    const centre: CentreConfig = { ...defaultCentreConfig(), restDaysPer7: 2 };
    const sept = rosterProblem('2026-09', centre, staff(13), calendar);
    const septRoster = solveRoster(sept, { seed: 3 }).assignments;
    const carried = carriedOut(sept, septRoster);
    for (const [id, shifts] of carried) {
      const mine = septRoster.filter((a) => a.workerId === id && a.date >= '2026-09-25');
      expect(shifts.map((s) => s.date)).toEqual(mine.map((a) => a.date).sort());
      for (const s of shifts) {
        const t = centre.templates.find((x) => x.code === s.shift)!;
        expect(s).toEqual({ date: s.date, shift: t.code, start: t.start, end: t.end, paidMinutes: 480, ...(s.date === '2026-09-30' ? { holiday: true } : {}) });
      }
    }
    expect([...carried.values()].flat().some((s) => s.holiday)).toBe(true);

    const oct = rosterProblem('2026-10', centre, staff(13).map((w) => ({ ...w, carriedIn: carried.get(w.id) ?? [] })), DEMO_CALENDAR_2026);
    const octRoster = solveRoster(oct, { seed: 3 }).assignments;
    expect(checkRoster(oct, octRoster)).toEqual([]);
    // Judged on the two months stitched together: every 7 days across the boundary hold 2 rest days.
    const worked = new Set([...septRoster, ...octRoster].map((a) => `${a.workerId}|${a.date}`));
    for (const w of oct.workers) {
      for (let k = -6; k <= 0; k++) {
        const window = Array.from({ length: 7 }, (_, i) => addDays('2026-10-01', k + i));
        expect(window.filter((d) => !worked.has(`${w.id}|${d}`)).length).toBeGreaterThanOrEqual(2);
      }
    }
  });
});

describe('carriedOutOf: the month before from several centres at once', () => {
  it('lists every version\'s workers and each worker\'s last days across them, in date order', () => {
    const may = (ids: number[]) => rosterProblem('2026-05', defaultCentreConfig(), ids.map((id) => ({ id, roles: [], unavailable: [] })), DEMO_CALENDAR_2026);
    // worker 7 moved from the old centre to this one on 29 May; worker 8 stayed in the old one
    const here = { problem: may([1, 7]), assignments: [{ workerId: 1, date: '2026-05-31', shift: 'EARLY' }, { workerId: 7, date: '2026-05-30', shift: 'LATE' }] };
    const old = { problem: may([7, 8]), assignments: [{ workerId: 7, date: '2026-05-27', shift: 'MID' }, { workerId: 8, date: '2026-05-20', shift: 'MID' }] };
    const { workers, carried } = carriedOutOf([here, old]);
    expect([...workers].sort()).toEqual([1, 7, 8]);
    expect(carried.get(7)!.map((c) => [c.date, c.shift])).toEqual([['2026-05-27', 'MID'], ['2026-05-30', 'LATE']]);
    expect(carried.get(1)!.map((c) => c.date)).toEqual(['2026-05-31']);
    expect(carried.has(8)).toBe(false); // off in May's last 6 days
    expect(carriedOutOf([])).toEqual({ workers: new Set(), carried: new Map() });
  });
});

/** The random-row tests' templates: the defaults, a 22:00 finish and a 10 h day, to break every rule now and then. */
const templates = [...defaultCentreConfig().templates, { code: 'LATE22', start: '13:30', end: '22:00', breakMinutes: 30 }, { code: 'TEN', start: '08:00', end: '19:30', breakMinutes: 30 }];
/** A centre open 07:00–22:00 every day, with no coverage or roles, and 1 or 2 rest days in 7 at random. */
function randomCentre(rnd: () => number): CentreConfig {
  const wide = { from: '07:00', to: '22:00' };
  return { ...defaultCentreConfig(), coverage: [], roles: [], templates, restDaysPer7: rnd() < 0.5 ? 1 : 2, openingWindows: { WEEKDAY: wide, WEEKEND: wide, HOLIDAY: wide, ADJUSTED_WORKDAY: wide } };
}

describe('the solver and the independent checker agree across the boundary', () => {
  it('on 600 random rows with random carried days: a row is feasible for the solver exactly when the checker finds nothing', () => {
    const rnd = seededRandom(17);
    let refused = 0;
    let decidedByCarry = 0;
    for (let i = 0; i < 600; i++) {
      const centre = randomCentre(rnd);
      const carriedIn = Array.from({ length: 6 }, (_, k) => addDays('2026-08-01', k - 6))
        .filter(() => rnd() < 0.7)
        .map((date) => ({ ...shift(date, '13:30', rnd() < 0.5 ? '22:00' : '18:00'), ...(rnd() < 0.2 ? { holiday: true } : {}) }));
      const p = rosterProblem('2026-08', centre, [{ id: 1, roles: [], unavailable: [], carriedIn }], DEMO_CALENDAR_2026);
      const st = new RosterState(compile(p), DEFAULT_WEIGHTS);
      // Busy first days (where the boundary bites), a light rest of the month (mostly legal on its own).
      const density = 0.4 + rnd() * 0.6;
      const cells: Array<[number, number, number]> = [];
      for (let d = 0; d < st.c.nDays; d++) cells.push([0, d, rnd() < (d < 7 ? density : 0.35) ? Math.floor(rnd() * templates.length) : -1]);
      cells.forEach(([, d, t]) => (st.x[0][d] = t));
      const stats = st.computeWorker(0);
      const roster = cells.filter(([, , t]) => t >= 0).map(([, d, t]) => ({ workerId: 1, date: st.c.dates[d], shift: templates[t].code }));
      const violations = checkWorker(p, 1, roster);
      if (checkWorker({ ...p, workers: [{ id: 1, roles: [], unavailable: [] }] }, 1, roster).length !== violations.length) decidedByCarry++; // the same row, nothing carried
      expect({ i, feasible: stats.feasible }).toEqual({ i, feasible: violations.length === 0 });
      if (stats.feasible) expect(stats.overtime).toBe(totalOvertime(monthHours(p, roster)[0]));
      else refused++;
    }
    expect(refused).toBeGreaterThan(100);
    expect(refused).toBeLessThan(590);
    // The carried days change the checker's verdict on many rows: the boundary is what is exercised.
    expect(decidedByCarry).toBeGreaterThan(100);
  });
});

describe('a transfer in during the month: the days worked in the old centre count here', () => {
  // Transferred in on Thursday 11 June 2026: unavailable here 1–10 June, worked 5–10 June in the old centre.
  const before = Array.from({ length: 10 }, (_, i) => addDays('2026-06-01', i));
  const arriving = (carriedIn: CarriedShift[], id = 105) => (w: RosterWorker): RosterWorker =>
    w.id === id ? { ...w, unavailable: before, carriedIn, requests: [{ date: '2026-06-11', want: 'EARLY' }] } : w;
  const sixDays = lastDays('2026-06-11', 6);
  const p = rosterProblem('2026-06', defaultCentreConfig(), staff(12).map(arriving(sixDays)), DEMO_CALENDAR_2026);

  it('keeps the arrival day off after six days worked there, even when asked, and rosters the worker from the next', () => {
    const st = new RosterState(compile(p), DEFAULT_WEIGHTS);
    const w = st.c.workerIds.indexOf(105);
    expect(st.deltaOfSet(w, 10, template('EARLY'))).toBeNull();
    expect(st.deltaOfSet(w, 11, template('EARLY'))).not.toBeNull();
    const r = solveRoster(p, { seed: 4 });
    expect(r.assignments.some((a) => a.workerId === 105 && a.date === '2026-06-11')).toBe(false);
    expect(r.assignments.some((a) => a.workerId === 105 && a.date > '2026-06-11')).toBe(true);
    expect(checkRoster(p, r.assignments)).toEqual([]);
    // without the old centre's days the request is granted
    const bare = rosterProblem('2026-06', defaultCentreConfig(), staff(12).map(arriving([])), DEMO_CALENDAR_2026);
    expect(solveRoster(bare, { seed: 4 }).assignments).toContainEqual({ workerId: 105, date: '2026-06-11', shift: 'EARLY' });
  });

  it('the checker flags the arrival day worked, and a start too soon after the old centre’s late shift', () => {
    expect(checkRoster(p, [{ workerId: 105, date: '2026-06-11', shift: 'MID' }]).filter((v) => v.workerId === 105)).toEqual([
      { rule: 'REST_DAYS_PER_7', workerId: 105, date: '2026-06-05', detail: '0 rest days in the 7 days from 2026-06-05' },
    ]);
    const late = rosterProblem('2026-06', defaultCentreConfig(), staff(12).map(arriving([shift('2026-06-10', '13:30', '22:00')])), DEMO_CALENDAR_2026);
    expect(checkRoster(late, [{ workerId: 105, date: '2026-06-11', shift: 'EARLY' }]).filter((v) => v.workerId === 105)).toEqual([
      { rule: 'REST_BETWEEN_SHIFTS', workerId: 105, date: '2026-06-11', detail: '600 minutes of rest' },
    ]);
    expect(checkRoster(late, [{ workerId: 105, date: '2026-06-11', shift: 'MID' }]).filter((v) => v.workerId === 105)).toEqual([]);
    const st = new RosterState(compile(late), DEFAULT_WEIGHTS);
    const w = st.c.workerIds.indexOf(105);
    expect(st.deltaOfSet(w, 10, template('EARLY'))).toBeNull();
    expect(st.deltaOfSet(w, 10, template('MID'))).not.toBeNull();
  });

  it('pays a Saturday here after Monday to Friday there as the week’s 6th worked day (200 %), as the solver counts it', () => {
    // Monday 8 – Friday 12 June there, Saturday 13 June here
    const week = Array.from({ length: 5 }, (_, i) => shift(addDays('2026-06-08', i)));
    const one = [{ id: 1, roles: [], unavailable: Array.from({ length: 12 }, (_, i) => addDays('2026-06-01', i)), carriedIn: week }];
    const q = rosterProblem('2026-06', defaultCentreConfig(), one, DEMO_CALENDAR_2026);
    const roster: Assignment[] = [{ workerId: 1, date: '2026-06-13', shift: 'MID' }, { workerId: 1, date: '2026-06-15', shift: 'MID' }];
    expect(monthHours(q, roster)[0].overtimeMinutes).toEqual({ workday150: 0, restDay200: 480, holiday300: 0 });
    const st = new RosterState(compile(q), DEFAULT_WEIGHTS);
    expect(st.apply([[0, 12, template('MID')], [0, 14, template('MID')]])).not.toBeNull();
    expect(st.stats[0].overtime).toBe(480);
    // a day of the month the worker is available here is theirs to work: a carried shift on it is ignored
    const available = rosterProblem('2026-06', defaultCentreConfig(), [{ ...one[0], unavailable: [] }], DEMO_CALENDAR_2026);
    expect(monthHours(available, roster)[0].overtimeMinutes.restDay200).toBe(0);
  });

  it('on 600 random rows with random arrival days and days worked there: the solver and the checker agree', () => {
    const rnd = seededRandom(23);
    let refused = 0;
    let decidedThere = 0;
    for (let i = 0; i < 600; i++) {
      const centre = randomCentre(rnd);
      const arrival = 1 + Math.floor(rnd() * 12); // day index of the first day here
      const unavailable = Array.from({ length: arrival }, (_, d) => addDays('2026-08-01', d));
      const carriedIn = Array.from({ length: 6 }, (_, k) => addDays('2026-08-01', arrival + k - 6))
        .filter(() => rnd() < 0.7)
        .map((date) => shift(date, '13:30', rnd() < 0.5 ? '22:00' : '18:00'));
      const p = rosterProblem('2026-08', centre, [{ id: 1, roles: [], unavailable, carriedIn }], DEMO_CALENDAR_2026);
      const st = new RosterState(compile(p), DEFAULT_WEIGHTS);
      const density = 0.4 + rnd() * 0.6;
      const cells: Array<[number, number, number]> = [];
      for (let d = arrival; d < st.c.nDays; d++) cells.push([0, d, rnd() < (d < arrival + 7 ? density : 0.35) ? Math.floor(rnd() * templates.length) : -1]);
      cells.forEach(([, d, t]) => (st.x[0][d] = t));
      const stats = st.computeWorker(0);
      const roster = cells.filter(([, , t]) => t >= 0).map(([, d, t]) => ({ workerId: 1, date: st.c.dates[d], shift: templates[t].code }));
      const violations = checkWorker(p, 1, roster);
      if (checkWorker({ ...p, workers: [{ id: 1, roles: [], unavailable }] }, 1, roster).length !== violations.length) decidedThere++;
      expect({ i, feasible: stats.feasible }).toEqual({ i, feasible: violations.length === 0 });
      if (stats.feasible) expect(stats.overtime).toBe(totalOvertime(monthHours(p, roster)[0]));
      else refused++;
    }
    expect(refused).toBeGreaterThan(100);
    expect(refused).toBeLessThan(590);
    expect(decidedThere).toBeGreaterThan(100);
  });
});
