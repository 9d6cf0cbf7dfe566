import { parseMoney } from '@cws/kernel';
import { accountsNamedIn, addSums, appropriationDiscrepanciesOf, assertCloseRange, assertDayOver, cityDayBounds, closeStatusOf, daysToClose, discrepanciesOf } from './books';

const y = (s: string) => parseMoney(s, { allowNegative: true });
const sums = (allocated: string, committed: string, spent: string) => ({ allocated: y(allocated), committed: y(committed), spent: y(spent) });

describe('closing the books (日结)', () => {
  it('a city day is UTC+8 midnight to midnight', () => {
    const { from, to } = cityDayBounds('2026-12-01');
    expect([from.toISOString(), to.toISOString()]).toEqual(['2026-11-30T16:00:00.000Z', '2026-12-01T16:00:00.000Z']);
    // across a month and a year end
    expect(cityDayBounds('2026-12-31').to.toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  it('closes only days that are over', () => {
    expect(() => assertDayOver('2026-11-30', '2026-12-01')).not.toThrow();
    expect(() => assertDayOver('2026-12-01', '2026-12-01')).toThrow(expect.objectContaining({ code: 'BOOKS_DAY_NOT_OVER', details: [expect.objectContaining({ path: 'through' })] }));
  });

  it('reads closes over a range that runs forward and spans at most 366 days', () => {
    expect(() => assertCloseRange('2026-01-01', '2026-12-31')).not.toThrow();
    expect(() => assertCloseRange('2026-12-02', '2026-12-01')).toThrow(expect.objectContaining({ code: 'RANGE_INVERTED', details: [expect.objectContaining({ path: 'from' })] }));
    // 366 days, both ends included, and no more
    expect(() => assertCloseRange('2025-12-31', '2026-12-31')).not.toThrow();
    expect(() => assertCloseRange('2025-12-30', '2026-12-31')).toThrow(expect.objectContaining({ code: 'RANGE_TOO_LONG' }));
  });

  it('closes every day from the one after the last close, or from the ledger’s first day, through the day given', () => {
    expect(daysToClose('2026-11-28', '2026-01-05', '2026-12-01')).toEqual(['2026-11-29', '2026-11-30', '2026-12-01']);
    expect(daysToClose(null, '2026-11-30', '2026-12-01')).toEqual(['2026-11-30', '2026-12-01']);
    expect(daysToClose('2026-12-01', '2026-01-05', '2026-12-01')).toEqual([]);
    expect(daysToClose(null, null, '2026-12-01')).toEqual([]);
    expect(daysToClose('2026-12-30', null, '2027-01-02')).toEqual(['2026-12-31', '2027-01-01', '2027-01-02']);
  });

  it('names every measure whose running column differs from its ledger sum; balanced when none', () => {
    const rows = [
      { allocationId: '1', running: sums('100.00', '0.00', '30.00'), ledger: sums('100.00', '0.00', '30.00') },
      { allocationId: '2', running: sums('50.00', '10.00', '20.01'), ledger: sums('50.00', '10.00', '20.00') },
      { allocationId: '3', running: sums('70.00', '5.00', '0.00'), ledger: sums('60.00', '0.00', '0.00') },
    ];
    const found = discrepanciesOf(rows);
    expect(found).toEqual([
      { allocationId: '2', measure: 'spent', running: y('20.01'), ledger: y('20.00') },
      { allocationId: '3', measure: 'allocated', running: y('70.00'), ledger: y('60.00') },
      { allocationId: '3', measure: 'committed', running: y('5.00'), ledger: 0n },
    ]);
    expect(closeStatusOf(found)).toBe('DISCREPANCY');
    expect(closeStatusOf(discrepanciesOf(rows.slice(0, 1)))).toBe('BALANCED');
  });

  it('reconciles appropriations: the amount once enacted (a draft has no entry) and what allocations drew on it', () => {
    const row = (id: string, enacted: boolean, amount: string, allocated: string, lAppropriated: string, lAllocated: string) => ({
      appropriationId: id, enacted, amount: y(amount), allocated: y(allocated), ledger: { appropriated: y(lAppropriated), allocated: y(lAllocated) },
    });
    const found = appropriationDiscrepanciesOf([
      row('1', true, '9000.00', '6000.00', '9000.00', '6000.00'),
      row('2', false, '500.00', '0.00', '0.00', '0.00'),
      row('3', true, '9000.00', '6000.01', '9000.00', '6000.00'),
      row('4', false, '500.00', '0.00', '500.00', '0.00'),
    ]);
    expect(found).toEqual([
      { appropriationId: '3', measure: 'allocated', running: y('6000.01'), ledger: y('6000.00') },
      // a draft with an APPROPRIATION entry: the ledger says enacted, the row does not
      { appropriationId: '4', measure: 'appropriated', running: 0n, ledger: y('500.00') },
    ]);
    // the alert names each account once, allocations and appropriations apart
    const allocation = { allocationId: '7', measure: 'spent' as const, running: 1n, ledger: 0n };
    expect(accountsNamedIn([...found, allocation, { ...allocation, measure: 'committed' }])).toEqual({ allocations: ['7'], appropriations: ['3', '4'] });
  });

  it('carries the totals forward: the day before’s plus the day’s movements, negative ones too', () => {
    const before = { appropriated: y('1000.00'), allocated: y('600.00'), committed: y('50.00'), spent: y('200.00') };
    const day = { appropriated: 0n, allocated: y('100.00'), committed: y('-50.00'), spent: y('-0.01') };
    expect(addSums(before, day)).toEqual({ appropriated: y('1000.00'), allocated: y('700.00'), committed: 0n, spent: y('199.99') });
  });
});
