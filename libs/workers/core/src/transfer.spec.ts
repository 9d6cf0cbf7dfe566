import { isPlannedTransfer, leftPeriodOf } from './transfer';

describe('a transfer’s date (调动)', () => {
  it('closes the place left the day before the transfer, from the day it began', () => {
    expect(leftPeriodOf('2026-05-16', '2020-01-01')).toEqual({ validFrom: '2020-01-01', validTo: '2026-05-15' });
    expect(leftPeriodOf('2026-12-03', '2026-05-16')).toEqual({ validFrom: '2026-05-16', validTo: '2026-12-02' });
  });

  it('keeps no period for a place that never began: a second transfer on one day, or one on the hire date', () => {
    expect(leftPeriodOf('2026-05-16', '2026-05-16')).toBeNull();
  });

  it('moves the worker now up to today, plans a later day, up to a year ahead', () => {
    expect(isPlannedTransfer('2026-12-03', '2020-01-01', '2026-12-03')).toBe(false);
    expect(isPlannedTransfer('2026-05-16', '2020-01-01', '2026-12-03')).toBe(false);
    expect(isPlannedTransfer('2026-12-04', '2020-01-01', '2026-12-03')).toBe(true);
    expect(isPlannedTransfer('2027-12-04', '2020-01-01', '2026-12-03')).toBe(true);
    expect(() => isPlannedTransfer('2027-12-05', '2020-01-01', '2026-12-03')).toThrow(expect.objectContaining({ code: 'TRANSFER_DATE_TOO_FAR', details: [expect.objectContaining({ path: 'transferDate' })] }));
  });

  it('refuses a day before the current place began, on the date', () => {
    expect(() => isPlannedTransfer('2026-05-15', '2026-05-16', '2026-12-03')).toThrow(expect.objectContaining({ code: 'TRANSFER_BEFORE_CURRENT_PLACE', details: [expect.objectContaining({ path: 'transferDate' })] }));
    expect(() => leftPeriodOf('2026-05-15', '2026-05-16')).toThrow(expect.objectContaining({ code: 'TRANSFER_BEFORE_CURRENT_PLACE', details: [expect.objectContaining({ path: 'transferDate' })] }));
  });
});
