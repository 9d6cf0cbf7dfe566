import { describe, expect, it } from 'vitest';
import { cellText, columnKeys, extractRows, extractTotals } from './rows';

describe('rows of a not-yet-settled response', () => {
  it('finds rows in an array or under items/rows/balances, and totals beside them', () => {
    const data = { items: [{ stream: 'PARTY_BUILDING', spent: '10.00' }, { stream: 'CO_BUILDING', allocated: '5.00' }], totals: { spent: '10.00', allocated: '5.00' } };
    expect(extractRows(data)).toHaveLength(2);
    expect(columnKeys(extractRows(data))).toEqual(['stream', 'spent', 'allocated']);
    expect(extractTotals(data)).toEqual({ spent: '10.00', allocated: '5.00' });
    expect(extractRows([{ a: 1 }])).toEqual([{ a: 1 }]);
    expect(extractRows({ balances: [{ a: 1 }] })).toEqual([{ a: 1 }]);
    expect(extractRows('nope')).toEqual([]);
    expect(cellText('12345678901234567890.01')).toBe('12345678901234567890.01');
  });
});
