import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DomainError, type Principal } from '@cws/kernel';
import { actor, assertVisible, IdParam, visibleRow } from './visibility';

const streetUser: Principal = {
  kind: 'user', id: '7', name: 'hr-street', displayName: '街道人事', roles: ['STREET_HR'],
  scope: { level: 'STREET', district: '330106', street: '330106001' }, permissions: [],
};

describe('assertVisible', () => {
  it('passes a record inside the scope', () => {
    expect(() => assertVisible(streetUser, '330106', '330106001', 'payslip', 5)).not.toThrow();
  });

  it('answers NOT_FOUND (not FORBIDDEN) outside it, and for a district-level record', () => {
    for (const [d, s] of [['330106', '330106002'], ['330105', null], ['330106', null]] as const) {
      let err: unknown;
      try {
        assertVisible(streetUser, d, s, 'payslip', '5');
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(DomainError);
      expect((err as DomainError).kind).toBe('NOT_FOUND');
    }
  });
});

describe('visibleRow', () => {
  const kindOf = (f: () => unknown): string | undefined => {
    try {
      f();
    } catch (e) {
      return (e as DomainError).kind;
    }
    return undefined;
  };

  it('returns a row inside the scope as it is', () => {
    const row = { id: '5', districtCode: '330106', streetCode: '330106001' };
    expect(visibleRow(streetUser, row, 'posting', '5')).toBe(row);
  });

  it('answers the same NOT_FOUND for a missing row and for one outside the scope (or without a street)', () => {
    expect(kindOf(() => visibleRow(streetUser, null, 'posting', '5'))).toBe('NOT_FOUND');
    expect(kindOf(() => visibleRow(streetUser, undefined, 'posting', '5'))).toBe('NOT_FOUND');
    expect(kindOf(() => visibleRow(streetUser, { districtCode: '330106', streetCode: '330106002' }, 'posting', '5'))).toBe('NOT_FOUND');
    expect(kindOf(() => visibleRow(streetUser, { districtCode: '330106' }, 'posting', '5'))).toBe('NOT_FOUND');
  });
});

describe('actor', () => {
  it('keeps only id and name', () => {
    expect(actor(streetUser)).toEqual({ id: '7', name: 'hr-street' });
  });
});

describe('IdParam', () => {
  const issues = (id: unknown) => validateSync(plainToInstance(IdParam, { id })).map((e) => e.property);
  it('takes digit strings up to BIGINT length', () => {
    expect(issues('1')).toEqual([]);
    expect(issues('9'.repeat(19))).toEqual([]);
  });
  it('refuses anything else', () => {
    expect(issues('1a')).toEqual(['id']);
    expect(issues('9'.repeat(20))).toEqual(['id']);
    expect(issues('-1')).toEqual(['id']);
  });
});
