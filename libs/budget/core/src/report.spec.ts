import { parseMoney, type Fen } from '@cws/kernel';
import { executionReport, householdCheck, percentOf } from './index';

const fen = (s: string): Fen => parseMoney(s, { allowNegative: true });
const sums = (appropriated: string, allocated: string, committed: string, spent: string) => ({
  appropriated: fen(appropriated), allocated: fen(allocated), committed: fen(committed), spent: fen(spent),
});

describe('execution rate', () => {
  it('is a percentage with two places, rounded half up, without floats', () => {
    expect(percentOf(1n, 3n)).toBe('33.33');
    expect(percentOf(2n, 3n)).toBe('66.67');
    expect(percentOf(123456n, 161000000n)).toBe('0.08');
    expect(percentOf(5n, 0n)).toBeNull();
  });

  it('by stream: spent ÷ the stream\'s appropriation; the total over all appropriations', () => {
    const r = executionReport('stream', [
      { key: 'PARTY_BUILDING', sums: sums('1000.00', '900.00', '100.00', '250.00') },
      { key: 'TRAINING', sums: sums('300.00', '300.00', '0.00', '100.00') },
    ]);
    expect(r.rateBase).toBe('appropriated');
    expect(r.rows.map((x) => [x.key, x.executionRate, x.available])).toEqual([
      ['PARTY_BUILDING', '25.00', fen('550.00')],
      ['TRAINING', '33.33', fen('200.00')],
    ]);
    expect(r.total).toMatchObject({ executionRate: '26.92', available: fen('750.00') });
  });

  it('by place: spent ÷ what was allocated there (a place has no appropriation)', () => {
    const r = executionReport('community', [{ key: '330106001001', sums: sums('0.00', '800.00', '0.00', '200.00') }]);
    expect(r.rateBase).toBe('allocated');
    expect(r.rows[0].executionRate).toBe('25.00');
    expect(r.total.executionRate).toBe('25.00');
  });

  it('by month: cumulative year to date against the year\'s appropriations', () => {
    const r = executionReport('month', [
      { key: '2026-01', sums: sums('1200.00', '1200.00', '0.00', '0.00') },
      { key: '2026-02', sums: sums('0.00', '0.00', '0.00', '300.00') },
      { key: '2026-03', sums: sums('0.00', '0.00', '0.00', '0.01') },
    ]);
    expect(r.rows.map((x) => x.executionRate)).toEqual(['0.00', '25.00', '25.00']);
    expect(r.total.sums.spent).toBe(fen('300.01'));
  });
});

describe('per-household standard', () => {
  it('flags a community below standard × households with its shortfall, exact to the fen', () => {
    expect(householdCheck(fen('20.00'), 3120, fen('62399.99'))).toEqual({
      required: fen('62400.00'), shortfall: 1n, perHousehold: fen('19.99'), belowStandard: true,
    });
    expect(householdCheck(fen('20.00'), 3120, fen('70000.00'))).toMatchObject({ shortfall: 0n, belowStandard: false });
    expect(householdCheck(fen('20.00'), 0, 0n)).toEqual({ required: 0n, shortfall: 0n, perHousehold: null, belowStandard: false });
  });
});
