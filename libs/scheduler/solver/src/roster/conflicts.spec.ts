import { DEMO_CALENDAR_2026 } from './calendar';
import { carriedOutOf } from './carried';
import { checkRoster } from './checker';
import { mergeConflicts, restAcrossMonths, rosterConflicts } from './conflicts';
import { defaultCentreConfig, type Assignment, type CarriedShift, type RosterWorker } from './model';
import { rosterProblem } from './problem';

describe('rosterConflicts: the published shifts today’s workforce contradicts', () => {
  // worker, day of May, shift
  const roster = ([[1, 4, 'EARLY'], [1, 20, 'LATE'], [2, 5, 'MID'], [2, 12, 'EARLY'], [3, 6, 'EARLY'], [4, 7, 'LATE']] as const)
    .map(([workerId, day, shift]) => ({ workerId, date: `2026-05-${String(day).padStart(2, '0')}`, shift }));

  it('names each shift of a day the register has the worker unavailable, of a worker it no longer has, and of a day requested off', () => {
    const available = [
      { id: 1, unavailable: ['2026-05-20', '2026-05-21'] }, // left on the 19th
      { id: 2, unavailable: [] },
      { id: 4, unavailable: ['2026-05-07'] }, // on leave that day, and requested it off too: the register's reason wins
    ]; // 3 is gone: transferred away before the month
    const requests = [{ workerId: 2, date: '2026-05-12' }, { workerId: 4, date: '2026-05-07' }, { workerId: 2, date: '2026-05-13' }];
    expect(rosterConflicts(roster, available, requests, '2026-05-10')).toEqual([
      { workerId: 3, date: '2026-05-06', shift: 'EARLY', reason: 'NOT_AVAILABLE', past: true },
      { workerId: 4, date: '2026-05-07', shift: 'LATE', reason: 'NOT_AVAILABLE', past: true },
      { workerId: 2, date: '2026-05-12', shift: 'EARLY', reason: 'UNAVAILABLE_REQUEST', past: false },
      { workerId: 1, date: '2026-05-20', shift: 'LATE', reason: 'NOT_AVAILABLE', past: false },
    ]);
  });

  it('finds nothing when everyone rostered is available on their days', () => {
    expect(rosterConflicts(roster, [1, 2, 3, 4].map((id) => ({ id, unavailable: ['2026-05-31'] })), [], '2026-05-01')).toEqual([]);
  });
});

describe('restAcrossMonths: a published month against the month before as published now', () => {
  // June 2026 starts on a Monday. Worker 105 works the 1st to the 4th; the version of May published when June was
  // solved had them work 30 and 31 May.
  const shift = (date: string, end = '18:00'): CarriedShift => ({ date, shift: 'X', start: '09:30', end, paidMinutes: 480 });
  const days = (from: number, to: number, end?: string) => Array.from({ length: to - from + 1 }, (_, i) => shift(`2026-05-${from + i}`, end));
  const workers: RosterWorker[] = Array.from({ length: 12 }, (_, i) => ({ id: 100 + i, roles: i < 2 ? ['LEADER'] : [], unavailable: [] }));
  const problemWith = (carriedIn: CarriedShift[]) =>
    rosterProblem('2026-06', defaultCentreConfig(), workers.map((w) => (w.id === 105 ? { ...w, carriedIn } : w)), DEMO_CALENDAR_2026);
  const june: Assignment[] = [1, 2, 3, 4].map((d) => ({ workerId: 105, date: `2026-06-0${d}`, shift: 'EARLY' }));
  const mayNow = (carried: CarriedShift[]) => ({ workers: new Set(workers.map((w) => w.id)), carried: new Map([[105, carried]]) });

  it('names the shift that a re-planned May now leaves without its rest day in 7, or without 11 hours before it', () => {
    const p = problemWith(days(30, 31));
    expect(checkRoster(p, june).filter((v) => v.workerId === 105)).toEqual([]); // sound when solved
    expect(restAcrossMonths(p, june, mayNow(days(26, 31)), '2026-06-02')).toEqual([{ workerId: 105, date: '2026-06-01', shift: 'EARLY', reason: 'REST_ACROSS_MONTHS', past: true }]);
    // a late shift on the 31st ending at 22:00: 10 hours before the 1st's early start
    expect(restAcrossMonths(p, june, mayNow([...days(30, 30), shift('2026-05-31', '22:00')]), '2026-05-20')).toEqual([
      { workerId: 105, date: '2026-06-01', shift: 'EARLY', reason: 'REST_ACROSS_MONTHS', past: false },
    ]);
  });

  it('finds nothing when May is as stored, gives more rest, or did not roster the worker', () => {
    const p = problemWith(days(30, 31));
    expect(restAcrossMonths(p, june, mayNow(days(30, 31)), '2026-05-20')).toEqual([]);
    expect(restAcrossMonths(p, june, mayNow([]), '2026-05-20')).toEqual([]);
    // transferred in on the 1st: their days came from the old centre's May, which this May cannot speak for
    expect(restAcrossMonths(p, june, { workers: new Set([100, 101]), carried: new Map([[105, days(26, 31)]]) }, '2026-05-20')).toEqual([]);
  });

  it('names the shift of a worker transferred in on the 1st when the old centre\'s May is published anew', () => {
    // 105 came from another centre: this centre's May never rostered them, the old centre's now has them work 26–31 May
    const may = (ids: number[]) => rosterProblem('2026-05', defaultCentreConfig(), ids.map((id) => ({ id, roles: [], unavailable: [] })), DEMO_CALENDAR_2026);
    const here = { problem: may([100, 101]), assignments: [{ workerId: 100, date: '2026-05-31', shift: 'EARLY' }] };
    const old = { problem: may([105, 200]), assignments: [26, 27, 28, 29, 30, 31].map((d) => ({ workerId: 105, date: `2026-05-${d}`, shift: 'MID' })) };
    const p = problemWith(days(30, 31));
    expect(restAcrossMonths(p, june, carriedOutOf([here]), '2026-05-20')).toEqual([]);
    expect(restAcrossMonths(p, june, carriedOutOf([here, old]), '2026-05-20')).toEqual([
      { workerId: 105, date: '2026-06-01', shift: 'EARLY', reason: 'REST_ACROSS_MONTHS', past: false },
    ]);
  });

  it('does not count a breach the stored days already made', () => {
    const p = problemWith(days(26, 31));
    expect(new Set(checkRoster(p, june).filter((v) => v.workerId === 105).map((v) => `${v.rule} ${v.date}`))).toEqual(new Set(['REST_DAYS_PER_7 2026-06-01']));
    expect(restAcrossMonths(p, june, mayNow(days(26, 31, '17:00')), '2026-05-20')).toEqual([]);
  });
});

describe('mergeConflicts: the register\'s and the rest-across-months conflicts as one list', () => {
  const c = (workerId: number, date: string, reason: 'NOT_AVAILABLE' | 'REST_ACROSS_MONTHS') => ({ workerId, date, shift: 'EARLY', reason, past: false });

  it('names a shift once, for the register, and orders by date then worker', () => {
    const register = [c(7, '2026-06-03', 'NOT_AVAILABLE'), c(5, '2026-06-01', 'NOT_AVAILABLE')];
    const across = [c(7, '2026-06-03', 'REST_ACROSS_MONTHS'), c(9, '2026-06-01', 'REST_ACROSS_MONTHS'), c(2, '2026-06-01', 'REST_ACROSS_MONTHS')];
    expect(mergeConflicts(register, across)).toEqual([
      c(2, '2026-06-01', 'REST_ACROSS_MONTHS'), c(5, '2026-06-01', 'NOT_AVAILABLE'), c(9, '2026-06-01', 'REST_ACROSS_MONTHS'), c(7, '2026-06-03', 'NOT_AVAILABLE'),
    ]);
    expect(mergeConflicts([], [])).toEqual([]);
  });
});
