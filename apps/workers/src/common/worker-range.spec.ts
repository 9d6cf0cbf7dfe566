import { workerRangeSql } from './worker-range';

describe('workerRangeSql: the workers a snapshot page reads beside `worker`', () => {
  it('is the page’s id range, its parameters after those already pushed', () => {
    const params: unknown[] = ['2026-11-01'];
    expect(workerRangeSql('g.worker_id', { first: 10, last: 5000 }, params)).toBe('g.worker_id BETWEEN ? AND ?');
    expect(params).toEqual(['2026-11-01', 10, 5000]);
  });

  it('is the named ids only when the pull names its workers, one placeholder each', () => {
    const params: unknown[] = [];
    expect(workerRangeSql('worker_id', { first: 50, last: 19950, ids: [50, 7000, 19950] }, params)).toBe('worker_id IN (?, ?, ?)');
    expect(params).toEqual([50, 7000, 19950]);
  });
});
