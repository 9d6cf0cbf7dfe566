import { copyOf, defineJob, jobKey, queuesOf } from './jobs';

describe('job definitions with copies', () => {
  const left = defineJob<{ workerId: number }>('workers-events', 'worker.left', ['workers-events-scheduler']);

  it('lists the queues an event goes to, its own first', () => {
    expect(queuesOf(left)).toEqual(['workers-events', 'workers-events-scheduler']);
    expect(queuesOf(defineJob('budget-postings', 'post-cost'))).toEqual(['budget-postings']);
    expect(defineJob('budget-postings', 'post-cost', [])).toEqual({ queue: 'budget-postings', name: 'post-cost' });
  });

  it('gives a consumer of a copy the definition its queue dispatches by', () => {
    expect(jobKey(copyOf(left, 'workers-events-scheduler'))).toBe('workers-events-scheduler:worker.left');
    expect(copyOf(left, 'workers-events-scheduler').copies).toBeUndefined();
    expect(() => copyOf(left, 'payroll-runs')).toThrow('workers-events:worker.left is not copied to payroll-runs');
  });
});
