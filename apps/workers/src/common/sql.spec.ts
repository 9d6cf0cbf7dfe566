import { DomainError } from '@cws/kernel';
import { jobDate, today } from './sql';

describe('jobDate: the date a job runs for', () => {
  it('is the payload date when one is given, else today', () => {
    expect(jobDate('2026-03-01', 'asOf')).toBe('2026-03-01');
    expect(jobDate(undefined, 'asOf')).toBe(today());
  });

  it('refuses anything but an existing YYYY-MM-DD, naming the payload field', () => {
    for (const bad of ['2026-02-30', '2026-3-1', '20260301', '']) {
      let err: unknown;
      try {
        jobDate(bad, 'today');
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(DomainError);
      expect(err).toMatchObject({ code: 'INVALID_DATE', details: [{ path: 'today', issue: 'must be YYYY-MM-DD' }] });
    }
  });
});
