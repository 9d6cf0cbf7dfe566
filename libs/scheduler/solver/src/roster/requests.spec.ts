import { DomainError } from '@cws/kernel';
import { MAX_REQUEST_DAYS, requestDays } from './requests';

describe('requestDays', () => {
  it('is the day alone without a span, or with a span of that one day', () => {
    expect(requestDays('2026-05-12')).toEqual(['2026-05-12']);
    expect(requestDays('2026-05-12', '2026-05-12')).toEqual(['2026-05-12']);
  });

  it('runs day by day across a month end and a leap day', () => {
    expect(requestDays('2028-02-27', '2028-03-02')).toEqual(['2028-02-27', '2028-02-28', '2028-02-29', '2028-03-01', '2028-03-02']);
  });

  it('takes a whole month of leave, and refuses a day more on `until`', () => {
    expect(requestDays('2026-01-01', '2026-01-31')).toHaveLength(MAX_REQUEST_DAYS);
    const tooLong = catching(() => requestDays('2026-01-01', '2026-02-01'));
    expect(tooLong).toMatchObject({ kind: 'VALIDATION', code: 'REQUEST_SPAN_TOO_LONG', details: [{ path: 'until' }] });
  });

  it('refuses a span that ends before it starts, on `until`', () => {
    expect(catching(() => requestDays('2026-05-12', '2026-05-11'))).toMatchObject({ kind: 'VALIDATION', code: 'REQUEST_UNTIL_BEFORE_DATE', details: [{ path: 'until' }] });
  });
});

function catching(f: () => unknown): DomainError {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('no error thrown');
}
