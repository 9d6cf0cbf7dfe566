import { DomainError } from '@cws/kernel';
import { parsePositiveAmount } from './money';

describe('budget amounts', () => {
  it('parses decimal strings to fen', () => {
    expect(parsePositiveAmount('1234.5')).toBe(123450n);
    expect(parsePositiveAmount('0.01')).toBe(1n);
  });

  it.each([['-1.00', 'NEGATIVE'], ['1.001', 'TOO_MANY_DECIMALS'], ['x', 'NOT_A_NUMBER'], ['10000000000000', 'OUT_OF_RANGE'], ['0', 'ZERO']])(
    'refuses %s as %s with the field path',
    (input, reason) => {
      try {
        parsePositiveAmount(input, 'override.amount');
        throw new Error('accepted');
      } catch (e) {
        expect(e).toBeInstanceOf(DomainError);
        expect((e as DomainError).code).toBe('INVALID_AMOUNT');
        expect((e as DomainError).details[0].path).toBe('override.amount');
        expect((e as DomainError).extra.reason).toBe(reason);
      }
    },
  );
});
