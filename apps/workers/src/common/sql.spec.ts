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

describe('today: the city\'s date, whatever time zone the process runs in', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    jest.useRealTimers();
    process.env.TZ = zone;
  });

  it('turns to the next day at midnight in Asia/Shanghai, not at the process\'s midnight', () => {
    for (const tz of ['UTC', 'America/New_York', 'Asia/Shanghai']) {
      process.env.TZ = tz;
      jest.useFakeTimers({ now: new Date('2026-12-04T15:59:59Z') }); // 23:59:59 in the city
      expect(today()).toBe('2026-12-04');
      jest.setSystemTime(new Date('2026-12-04T16:00:00Z')); // midnight in the city; 11:00 in New York
      expect(today()).toBe('2026-12-05');
    }
  });
});
