import { bearerOf } from './auth';

describe('bearerOf', () => {
  it('takes the token of a Bearer header, whatever the scheme case', () => {
    expect(bearerOf('Bearer abc.def')).toBe('abc.def');
    expect(bearerOf('bearer abc')).toBe('abc');
  });

  it('gives nothing for another scheme, a bare scheme or no header', () => {
    expect(bearerOf('Basic dXNlcjpwdw==')).toBeUndefined();
    expect(bearerOf('Bearer')).toBeUndefined();
    expect(bearerOf('')).toBeUndefined();
    expect(bearerOf(undefined)).toBeUndefined();
  });
});
