import { leftPeriodOf } from './transfer';

describe('a transfer’s date (调动)', () => {
  it('closes the place left the day before the transfer, from the day it began', () => {
    expect(leftPeriodOf('2026-05-16', '2020-01-01', '2026-12-03')).toEqual({ validFrom: '2020-01-01', validTo: '2026-05-15' });
    expect(leftPeriodOf('2026-12-03', '2026-05-16', '2026-12-03')).toEqual({ validFrom: '2026-05-16', validTo: '2026-12-02' });
  });

  it('keeps no period for a place that never began: a second transfer on one day, or one on the hire date', () => {
    expect(leftPeriodOf('2026-05-16', '2026-05-16', '2026-12-03')).toBeNull();
  });

  it('refuses a day after today and a day before the current place began, on the date', () => {
    expect(() => leftPeriodOf('2026-12-04', '2020-01-01', '2026-12-03')).toThrow(expect.objectContaining({ code: 'TRANSFER_DATE_IN_FUTURE', details: [expect.objectContaining({ path: 'transferDate' })] }));
    expect(() => leftPeriodOf('2026-05-15', '2026-05-16', '2026-12-03')).toThrow(expect.objectContaining({ code: 'TRANSFER_BEFORE_CURRENT_PLACE', details: [expect.objectContaining({ path: 'transferDate' })] }));
  });
});
