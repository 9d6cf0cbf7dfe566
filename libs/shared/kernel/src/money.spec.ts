import { formatMoney, MoneyFormatError, parseMoney } from './money';
import { applyRatio, parseRatio, roundFen } from './rounding';
import { luhnValid, maskResidentId, parseResidentId, residentIdIssue, usccValid } from './identifiers';

describe('money', () => {
  it('parses and formats decimal strings exactly', () => {
    expect(parseMoney('1234.5')).toBe(123450n);
    expect(parseMoney('0.01')).toBe(1n);
    expect(formatMoney(parseMoney('30000'))).toBe('30000.00');
    expect(formatMoney(-5n)).toBe('-0.05');
  });
  it.each([
    ['abc', 'NOT_A_NUMBER'],
    ['1.234', 'TOO_MANY_DECIMALS'],
    ['-1', 'NEGATIVE'],
    ['10000000000000.00', 'OUT_OF_RANGE'],
    ['1e5', 'NOT_A_NUMBER'],
  ])('rejects %s as %s', (input, reason) => {
    expect(() => parseMoney(input)).toThrow(MoneyFormatError);
    try {
      parseMoney(input);
    } catch (e) {
      expect((e as MoneyFormatError).reason).toBe(reason);
    }
  });
});

describe('rounding', () => {
  it('rounds half up to the fen and to the yuan', () => {
    expect(roundFen(5n, 10n)).toBe(1n); // 0.5 fen → 1
    expect(roundFen(4n, 10n)).toBe(0n);
    expect(roundFen(-5n, 10n)).toBe(-1n);
    expect(roundFen(12350n, 100n, 'HALF_UP_YUAN')).toBe(100n); // 123.5 fen = 1.235 元 → 1 元
    expect(roundFen(15050n, 100n, 'HALF_UP_YUAN')).toBe(200n); // 150.5 fen = 1.505 元 → 2 元
    expect(applyRatio(1234567n, parseRatio('8', true))).toBe(98765n); // 12345.67 × 8% = 987.6536
  });
});

describe('identifiers', () => {
  it('accepts the documented valid resident IDs and derives birth date and sex', () => {
    expect(residentIdIssue('11010519491231002X')).toBeNull();
    expect(residentIdIssue('34052419800101001X')).toBeNull();
    expect(parseResidentId('11010519491231002X')).toEqual({ areaCode: '110105', birthDate: '1949-12-31', sex: 'F' });
  });
  it('rejects the documented invalid ones', () => {
    expect(residentIdIssue('310108198403300083')).toBe('CHECKSUM');
    expect(residentIdIssue('330106199001011234')).toBe('CHECKSUM');
    expect(residentIdIssue('330106199002301234')).toBe('BIRTH_DATE');
    expect(residentIdIssue('990106199001011234')).toBe('PROVINCE');
  });
  it('masks and checks cards and credit codes', () => {
    expect(maskResidentId('11010519491231002X')).toBe('**************002X');
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('6225768888888888')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(usccValid('91350200776049653A')).toBe(true);
    expect(usccValid('91440101MA5CJQ4N59')).toBe(true);
    expect(usccValid('91440101MA5CJQ4N58')).toBe(false);
  });
});
