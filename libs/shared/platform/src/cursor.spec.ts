import { DomainError } from '@cws/kernel';
import { KeysetCursor } from './cursor';

describe('KeysetCursor', () => {
  const cursors = new KeysetCursor({ piiHashKey: Buffer.alloc(32, 7) });
  const refused = (text: string, shape: Array<'int' | 'text' | 'date'>) => {
    try {
      cursors.decode(text, shape);
    } catch (e) {
      return e instanceof DomainError && e.code === 'INVALID_CURSOR' && e.details[0].path === 'after';
    }
    return false;
  };

  it('round-trips what it issued', () => {
    expect(cursors.decode(cursors.encode(['张丽华', 1024]), ['text', 'int'])).toEqual(['张丽华', 1024]);
    expect(cursors.decode(cursors.encode(['2024-03-01', 7]), ['date', 'int'])).toEqual(['2024-03-01', 7]);
  });

  it('refuses crafted, unsigned, re-signed-elsewhere and mis-shaped cursors', () => {
    expect(refused('WzEsWzEsMl1d', ['int', 'int'])).toBe(true); // the issue's [1,[1,2]], unsigned
    expect(refused(`${Buffer.from('[1,[1,2]]').toString('base64url')}.AAAAAAAAAAAAAAAAAAAAAA`, ['int', 'int'])).toBe(true);
    const other = new KeysetCursor({ piiHashKey: Buffer.alloc(32, 8) });
    expect(refused(other.encode([1, 2]), ['int', 'int'])).toBe(true);
    expect(refused(cursors.encode(['x', 2]), ['int', 'int'])).toBe(true); // a name cursor on the id sort
    expect(refused(cursors.encode(['2026-02-30', 2]), ['date', 'int'])).toBe(true);
    expect(refused(cursors.encode([1]), ['int', 'int'])).toBe(true);
    expect(refused('.', ['int'])).toBe(true);
    expect(refused('', ['int'])).toBe(true);
  });
});
