import { describe, expect, it } from 'vitest';
import { rosterDiff } from './rosterDiff';

const a = (workerId: number, date: string, shift: string, start = shift === 'EARLY' ? '08:00' : '13:00') => ({ workerId, date, shift, start, end: start === '08:00' ? '16:00' : '21:00' });

describe('rosterDiff', () => {
  it('lists each (date, worker) whose shift was added, removed or changed, by date then worker', () => {
    const before = [a(1, '2026-05-02', 'EARLY'), a(2, '2026-05-02', 'LATE'), a(3, '2026-05-01', 'EARLY'), a(4, '2026-05-03', 'LATE')];
    // a swap on the 2nd (1 and 2 exchange), 3 loses the 1st, 5 takes it; 4 unchanged
    const after = [a(2, '2026-05-02', 'EARLY'), a(1, '2026-05-02', 'LATE'), a(5, '2026-05-01', 'EARLY'), a(4, '2026-05-03', 'LATE')];
    expect(rosterDiff(before, after).map((c) => [c.date, c.workerId, c.before?.shift ?? null, c.after?.shift ?? null])).toEqual([
      ['2026-05-01', 3, 'EARLY', null],
      ['2026-05-01', 5, null, 'EARLY'],
      ['2026-05-02', 1, 'EARLY', 'LATE'],
      ['2026-05-02', 2, 'LATE', 'EARLY'],
    ]);
  });

  it('is empty for identical versions and counts a changed start time as a change', () => {
    const base = [a(1, '2026-05-02', 'EARLY')];
    expect(rosterDiff(base, [{ ...base[0] }])).toEqual([]);
    expect(rosterDiff(base, [{ ...base[0], start: '09:00' }])).toHaveLength(1);
  });
});
