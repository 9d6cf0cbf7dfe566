import { fingerprint } from './fingerprint';

describe('idempotency fingerprint', () => {
  it('binds a key to the route and the body, independently of key order', () => {
    expect(fingerprint('POST /x', { a: 1, b: { c: '2', d: null } })).toBe(fingerprint('POST /x', { b: { d: null, c: '2' }, a: 1 }));
    expect(fingerprint('POST /x', { a: 1 })).not.toBe(fingerprint('POST /y', { a: 1 }));
    expect(fingerprint('POST /x', { a: 1 })).not.toBe(fingerprint('POST /x', { a: '1' }));
    expect(fingerprint('POST /x', { a: 1 })).toMatch(/^[0-9a-f]{64}$/);
  });
});
