import fc from 'fast-check';
import { type RoundingRule, applyRatio } from '@cws/kernel';
import { applyRate, prepareRate } from './rate';

describe('applyRate', () => {
  it('equals the kernel applyRatio for every rule and sign (property)', () => {
    const rules: RoundingRule[] = ['HALF_UP_FEN', 'HALF_UP_YUAN', 'DOWN_FEN', 'UP_FEN'];
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.bigInt({ min: 0n, max: 10n ** 6n }), fc.bigInt({ min: 1n, max: 10n ** 6n }), fc.constantFrom(...rules), (amount, num, den, rule) => {
        expect(applyRate(amount, prepareRate({ num, den }), rule)).toBe(applyRatio(amount, { num, den }, rule));
      }),
      { numRuns: 2000 },
    );
  });

  it('rounds half up at the exact half', () => {
    expect(applyRate(5n, prepareRate({ num: 1n, den: 10n }))).toBe(1n); // 0.5 → 1
    expect(applyRate(4n, prepareRate({ num: 1n, den: 10n }))).toBe(0n);
  });
});
