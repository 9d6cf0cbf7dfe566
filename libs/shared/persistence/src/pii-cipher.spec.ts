import { randomBytes } from 'node:crypto';
import { PiiCipher } from './pii-cipher';

describe('PiiCipher', () => {
  const k1 = randomBytes(32);
  const k2 = randomBytes(32);
  const hashKey = randomBytes(32);

  it('encrypts with a fresh IV each time and decrypts back', () => {
    const c = new PiiCipher('k1', k1, hashKey);
    const a = c.encrypt('11010519491231002X');
    const b = c.encrypt('11010519491231002X');
    expect(a).not.toBe(b);
    expect(a).not.toContain('11010519491231002X');
    expect(a.startsWith('k1:')).toBe(true);
    expect(c.decrypt(a)).toBe('11010519491231002X');
  });

  it('hashes deterministically for lookups, keyed', () => {
    const c = new PiiCipher('k1', k1, hashKey);
    expect(c.hash('6225768888888888')).toBe(c.hash('6225768888888888'));
    expect(new PiiCipher('k1', k1, randomBytes(32)).hash('6225768888888888')).not.toBe(c.hash('6225768888888888'));
  });

  it('reads values written under a retired key after rotation', () => {
    const before = new PiiCipher('k1', k1, hashKey).encrypt('secret');
    const after = new PiiCipher('k2', k2, hashKey, { k1 });
    expect(after.decrypt(before)).toBe('secret');
    expect(after.encrypt('x').startsWith('k2:')).toBe(true);
    expect(() => new PiiCipher('k2', k2, hashKey).decrypt(before)).toThrow(/unknown PII key id "k1"/);
  });

  it('refuses a tampered ciphertext', () => {
    const c = new PiiCipher('k1', k1, hashKey);
    const [id, iv, tag, data] = c.encrypt('secret').split(':');
    const flipped = Buffer.from(data, 'base64');
    flipped[0] ^= 1;
    expect(() => c.decrypt([id, iv, tag, flipped.toString('base64')].join(':'))).toThrow();
  });
});
