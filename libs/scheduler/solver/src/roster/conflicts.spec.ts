import { rosterConflicts } from './conflicts';

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
