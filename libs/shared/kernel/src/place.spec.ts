import { scopeCovers } from './access';
import { districtOf, placeOfCode, streetOf } from './place';

describe('placeOfCode', () => {
  it('reads a district code', () => {
    expect(placeOfCode('330106')).toEqual({ level: 'DISTRICT', district: '330106', street: null, community: null });
  });

  it('reads a street code', () => {
    expect(placeOfCode('330106001')).toEqual({ level: 'STREET', district: '330106', street: '330106001', community: null });
  });

  it('reads a community code', () => {
    expect(placeOfCode('330106001002')).toEqual({ level: 'COMMUNITY', district: '330106', street: '330106001', community: '330106001002' });
  });

  it('reads prefixes only: a code between the lengths belongs to the shorter level', () => {
    expect(placeOfCode('3301060')).toMatchObject({ level: 'DISTRICT', street: null });
    expect(placeOfCode('33010600100')).toMatchObject({ level: 'STREET', street: '330106001', community: null });
  });

  it('feeds scopeCovers: a street user sees their communities, not their district', () => {
    const scope = { level: 'STREET' as const, district: '330106', street: '330106001' };
    const community = placeOfCode('330106001002');
    const district = placeOfCode('330106');
    const otherStreet = placeOfCode('330106002');
    expect(scopeCovers(scope, community.district, community.street)).toBe(true);
    expect(scopeCovers(scope, district.district, district.street)).toBe(false);
    expect(scopeCovers(scope, otherStreet.district, otherStreet.street)).toBe(false);
  });
});

describe('districtOf / streetOf', () => {
  it('take the 6- and 9-digit prefixes', () => {
    expect(districtOf('330106001002')).toBe('330106');
    expect(streetOf('330106001002')).toBe('330106001');
    expect(streetOf('330106001')).toBe('330106001');
  });

  it('a district code has no street', () => {
    expect(districtOf('330106')).toBe('330106');
    expect(streetOf('330106')).toBeNull();
  });
});
