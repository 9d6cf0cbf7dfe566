import { DomainError } from '@cws/kernel';
import { assertServesCommunity, MAX_REQUEST_DAYS, requestDays } from './requests';

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

describe('assertServesCommunity', () => {
  const C = '330106001001';
  const secondment = (over: Record<string, unknown> = {}) => ({ direction: 'IN', communityCode: C, from: '2026-05-01', to: '2026-05-31', status: 'ACTIVE', ...over });
  it('takes a member of the community, and one seconded in over some of the days', () => {
    expect(() => assertServesCommunity({ communityCode: C, secondments: [] }, C, '2026-05-01', '2026-05-01')).not.toThrow();
    expect(() => assertServesCommunity({ communityCode: '330106001002', secondments: [secondment()] }, C, '2026-05-31', '2026-06-02')).not.toThrow();
    expect(() => assertServesCommunity({ communityCode: '330106001002', secondments: [secondment({ to: null })] }, C, '2027-01-01', '2027-01-01')).not.toThrow();
  });
  it('refuses on workerId anyone else: another community, a secondment out, elsewhere, cancelled or over other days', () => {
    for (const s of [[], [secondment({ direction: 'OUT' })], [secondment({ communityCode: '330106001003' })], [secondment({ status: 'CANCELLED' })], [secondment({ to: '2026-05-30' })]]) {
      const e = catching(() => assertServesCommunity({ communityCode: '330106001002', secondments: s }, C, '2026-05-31', '2026-06-01'));
      expect(e).toMatchObject({ code: 'REQUEST_WORKER_NOT_IN_COMMUNITY', details: [{ path: 'workerId' }] });
    }
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
