import { describe, expect, it } from 'vitest';
import { placeNamer, placeOptions } from './places';

describe('placeNamer', () => {
  it('names a code from any of the lists, and falls back to the code', () => {
    const name = placeNamer([{ code: '330106', name: '西湖区' }], undefined, [{ code: '330106001', name: '翠苑街道' }, { code: '330106002', name: null }]);
    expect(name('330106')).toBe('西湖区');
    expect(name('330106001')).toBe('翠苑街道');
    expect(name('330106002')).toBe('330106002');
    expect(name('330102')).toBe('330102');
  });
});

describe('placeOptions', () => {
  it('offers each place by its code, labelled with its name, and nothing while the list loads', () => {
    expect(placeOptions([{ code: '330106', name: '西湖区' }, { code: '330102', name: '上城区' }])).toEqual([
      { value: '330106', label: '西湖区' },
      { value: '330102', label: '上城区' },
    ]);
    expect(placeOptions(undefined)).toEqual([]);
  });
});
