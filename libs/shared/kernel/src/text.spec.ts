import { isIsoDate } from './dates';
import { decimalMaxFen, formatMoney, parseMoney } from './money';
import { isWellFormedText, neutraliseFormula } from './text';

describe('hostile text, dates and column limits', () => {
  it('finds unpaired surrogates and keeps pairs, emoji, RTL marks and rare CJK', () => {
    for (const bad of ['a\ud800', '\udc00b', 'x\ud83d y', '\ude00\ud83d']) expect(isWellFormedText(bad)).toBe(false);
    for (const ok of ['张丽华', '😀社区', '\u200f\u202eabc', '𠀀𪚥', '', '\u0000']) expect(isWellFormedText(ok)).toBe(true);
  });
  it('accepts only whole calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    for (const bad of ['2026', '2026-05', '2026-W05', '2026-W05-1', '2026-100', '2026-05-01T00:00:00Z', '2026-02-30', '2025-02-29', '20260501', ' 2026-05-01', '2026-5-1']) {
      expect(isIsoDate(bad)).toBe(false);
    }
  });
  it('derives money limits from the DECIMAL column', () => {
    expect(formatMoney(decimalMaxFen(15))).toBe('9999999999999.99');
    expect(parseMoney('9999999999999.99')).toBe(decimalMaxFen(15));
    expect(() => parseMoney('10000000000000.00')).toThrow(/OUT_OF_RANGE/);
    expect(() => parseMoney('100000.00', { maxAbsFen: decimalMaxFen(7) })).toThrow(/OUT_OF_RANGE/);
  });
  it('neutralises spreadsheet formulas', () => {
    expect(neutraliseFormula('=cmd|\' /C calc\'!A0')).toBe("'=cmd|' /C calc'!A0");
    for (const f of ['+1', '-1', '@SUM(A1)', '\t=1', '\r=1']) expect(neutraliseFormula(f).startsWith("'")).toBe(true);
    expect(neutraliseFormula('张丽华')).toBe('张丽华');
  });
});
