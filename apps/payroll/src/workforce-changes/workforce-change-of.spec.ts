import * as contracts from '@cws/workers-contracts';
import { jobKey, type JobDefinition } from '@cws/kernel';
import { PAYROLL_JOBS } from '../payroll.definition';
import { rosterChangesOf, rosterEventKey, workforceChangeOf, workforceEventKey } from './workforce-change-of';

const ref = { workerId: 42, districtCode: '330106', streetCode: '330106001', communityCode: '330106001001' };

describe('workforce changes from workers events', () => {
  it('PAYROLL_JOBS lists every job defined on the workers-events queue', () => {
    const defined = (Object.values(contracts) as unknown[])
      .filter((v): v is JobDefinition<unknown> => typeof v === 'object' && v !== null && 'queue' in v && 'name' in v)
      .filter((d) => d.queue === contracts.WORKERS_EVENTS_QUEUE)
      .map(jobKey)
      .sort();
    expect(defined).toHaveLength(9);
    expect(PAYROLL_JOBS.filter((d) => d.queue === contracts.WORKERS_EVENTS_QUEUE).map(jobKey).sort()).toEqual(defined);
  });

  it('takes the effective date from the field each event names', () => {
    expect(workforceChangeOf('worker.created', { ...ref, hireDate: '2026-03-01' }).effectiveDate).toBe('2026-03-01');
    expect(workforceChangeOf('worker.left', { ...ref, leftDate: '2026-02-28', reason: 'RESIGNED', status: 'LEFT' }).effectiveDate).toBe('2026-02-28');
    expect(workforceChangeOf('appointment.started', { ...ref, appointmentId: 1, from: '2026-01-05', to: null }).effectiveDate).toBe('2026-01-05');
    expect(workforceChangeOf('appointment.ended', { ...ref, appointmentId: 1, to: '2026-04-30' }).effectiveDate).toBe('2026-04-30');
    expect(workforceChangeOf('secondment.started', { ...ref, secondmentId: 3, from: '2026-01-10', to: '2026-06-30' }).effectiveDate).toBe('2026-01-10');
    expect(workforceChangeOf('secondment.ended', { ...ref, secondmentId: 3, to: '2026-06-30' }).effectiveDate).toBe('2026-06-30');
    expect(workforceChangeOf('worker.grade-changed', { ...ref, gradeId: 4, grade: 6, band: 'OTHER', from: '2027-01-01', cause: 'ANNUAL_PROGRESSION', derived: false, previousGrade: 5 }).effectiveDate).toBe('2027-01-01');
    expect(workforceChangeOf('worker.changed', { ...ref, fields: ['education'] }).effectiveDate).toBeNull();
    expect(workforceChangeOf('worker.changed', { ...ref, fields: ['communityCode'], transferDate: '2026-06-16' }).effectiveDate).toBe('2026-06-16');
    expect(workforceChangeOf('training.completed', { ...ref, classId: 9, hours: '24.0', year: 2026 }).effectiveDate).toBeNull();
  });

  it('keeps the worker and its org codes; derives missing district/street from the community, null when none', () => {
    expect(workforceChangeOf('worker.changed', { ...ref, fields: [] })).toMatchObject({
      eventName: 'worker.changed', workerId: '42', districtCode: '330106', streetCode: '330106001', communityCode: '330106001001',
    });
    expect(workforceChangeOf('worker.changed', { workerId: 7, communityCode: '330102003004', fields: [] })).toMatchObject({ districtCode: '330102', streetCode: '330102003' });
    expect(workforceChangeOf('worker.changed', { workerId: 7, fields: [] })).toMatchObject({ districtCode: null, streetCode: null, communityCode: null });
    expect(() => workforceChangeOf('worker.changed', { fields: [] })).toThrow('no workerId');
  });

  it('keys an event by its workers outbox id, so a redelivered or duplicated job is the same event', () => {
    expect(workforceEventKey({ outboxId: '17' }, 'outbox-17')).toBe('workers-events:outbox:17');
    expect(workforceEventKey({ outboxId: '17' }, 'redelivery-1')).toBe('workers-events:outbox:17');
    expect(workforceEventKey({}, 'abc')).toBe('workers-events:job:abc');
    expect(() => workforceEventKey(undefined, undefined)).toThrow();
  });

  it('a late roster becomes one row per affected worker, effective the month\'s first day, keyed per worker under the scheduler outbox id', () => {
    const key = rosterEventKey({ outboxId: '7' }, 'j1');
    expect(key).toBe('scheduler-events:outbox:7');
    const e = { month: '2026-10', communityCode: '330106001001', districtCode: '330106', streetCode: '330106001', rosterId: 3, rosterVersion: 2, publishedAt: '2026-11-02T00:00:00Z', workers: [] };
    const rows = rosterChangesOf(key, e, [5, 9]);
    expect(rows.map((r) => [r.eventKey, r.eventName, r.workerId, r.effectiveDate, r.streetCode])).toEqual([
      ['scheduler-events:outbox:7:w:5', 'roster.hours-published', '5', '2026-10-01', '330106001'],
      ['scheduler-events:outbox:7:w:9', 'roster.hours-published', '9', '2026-10-01', '330106001'],
    ]);
    expect(() => rosterChangesOf(key, { ...e, month: '2026-13' }, [5])).toThrow(/no month/);
  });
});
