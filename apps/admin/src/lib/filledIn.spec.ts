import { describe, expect, it } from 'vitest';
import { filledIn } from './filledIn';

describe('filledIn', () => {
  it('drops the fields left empty (undefined, a cleared input, a cleared number) and keeps every value given, 0 and false too', () => {
    expect(filledIn({ phone: '', written: undefined, priorServiceMonths: null, name: '陈晓燕', months: 0, primary: false })).toEqual({ name: '陈晓燕', months: 0, primary: false });
  });
});
