import { covers, paidThroughOf } from './runs-paid-pay.reader';

const run = (period: string, scopeCode: string | null, type: 'REGULAR' | 'BONUS' = 'REGULAR') => ({ period, scopeCode, type });

describe('which months the benchmark takes as paid', () => {
  it('a run covers its own scope and everything inside it', () => {
    expect(covers(null, '330106')).toBe(true);
    expect(covers('330106', '330106001')).toBe(true);
    expect(covers('330106001', '330106')).toBe(false);
    expect(covers('330106', null)).toBe(false);
  });

  it('months 1..k with a paid REGULAR run covering the scope, without a gap; bonus runs do not make a month paid', () => {
    const runs = [run('2026-01', '330106'), run('2026-02', null), run('2026-03', '330106', 'BONUS'), run('2026-04', '330106')];
    expect(paidThroughOf(runs, '330106')).toBe(2);
    expect(paidThroughOf(runs, '330106002')).toBe(2);
    // City-wide, only February has a city run: January is not paid for the whole city.
    expect(paidThroughOf(runs, null)).toBe(0);
    expect(paidThroughOf([...runs, run('2026-03', '330106')], '330106')).toBe(4);
  });
});
