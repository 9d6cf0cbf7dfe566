import { isDuplicateKey, rethrowDuplicate } from './duplicate-key';

describe('isDuplicateKey', () => {
  it('recognises ER_DUP_ENTRY raw from the driver or wrapped by TypeORM', () => {
    expect(isDuplicateKey({ code: 'ER_DUP_ENTRY' })).toBe(true);
    expect(isDuplicateKey({ driverError: { code: 'ER_DUP_ENTRY' } })).toBe(true);
  });

  it('is false for any other error, or no error object', () => {
    expect(isDuplicateKey({ code: 'ER_LOCK_DEADLOCK' })).toBe(false);
    expect(isDuplicateKey({ driverError: { code: 'ER_LOCK_WAIT_TIMEOUT' } })).toBe(false);
    expect(isDuplicateKey(new Error('boom'))).toBe(false);
    expect(isDuplicateKey(null)).toBe(false);
    expect(isDuplicateKey(undefined)).toBe(false);
  });

  describe('naming the unique index', () => {
    const mariadb = (key: string, value = '12') => ({ code: 'ER_DUP_ENTRY', errno: 1062, sqlMessage: `Duplicate entry '${value}' for key '${key}'`, message: `Duplicate entry '${value}' for key '${key}'` });
    const typeorm = (driverError: object) => Object.assign(new Error((driverError as { message: string }).message), { ...driverError, driverError });

    it("matches that index's refusal on MariaDB ('uq_x') and MySQL 8 ('table.uq_x'), raw or TypeORM-wrapped", () => {
      for (const e of [mariadb('uq_posting_reverses'), mariadb('posting.uq_posting_reverses')]) {
        expect(isDuplicateKey(e, 'uq_posting_reverses')).toBe(true);
        expect(isDuplicateKey(typeorm(e), 'uq_posting_reverses')).toBe(true);
        expect(isDuplicateKey({ driverError: e }, 'uq_posting_reverses')).toBe(true);
      }
    });

    it("is false for another unique index's refusal, whatever the duplicate value says", () => {
      expect(isDuplicateKey(mariadb('uq_posting_external'), 'uq_posting_reverses')).toBe(false);
      expect(isDuplicateKey(typeorm(mariadb('posting.uq_posting_external')), 'uq_posting_reverses')).toBe(false);
      expect(isDuplicateKey(mariadb('PRIMARY'), 'uq_posting_reverses')).toBe(false);
      expect(isDuplicateKey(mariadb('uq_posting_external', "x' for key 'uq_posting_reverses"), 'uq_posting_reverses')).toBe(false);
      expect(isDuplicateKey(mariadb('uq_posting_reverses_2'), 'uq_posting_reverses')).toBe(false);
    });

    it('is false for a duplicate whose message names no key, and for other errors', () => {
      expect(isDuplicateKey({ code: 'ER_DUP_ENTRY' }, 'uq_posting_reverses')).toBe(false);
      expect(isDuplicateKey({ code: 'ER_LOCK_DEADLOCK', message: "for key 'uq_posting_reverses'" }, 'uq_posting_reverses')).toBe(false);
    });
  });
});

describe('rethrowDuplicate', () => {
  const refusal = (key: string) => ({ code: 'ER_DUP_ENTRY', sqlMessage: `Duplicate entry 'x' for key '${key}'` });
  const answer = new Error('the rule\'s own 409');

  it("throws the rule's error for a refusal of the named index, or of any index when none is named", () => {
    expect(() => rethrowDuplicate(refusal('uq_user_username'), answer, 'uq_user_username')).toThrow(answer);
    expect(() => rethrowDuplicate(refusal('PRIMARY'), answer)).toThrow(answer);
  });

  it('throws anything else as it is: another index, another error', () => {
    const other = refusal('PRIMARY');
    expect(() => rethrowDuplicate(other, answer, 'uq_user_username')).toThrow(expect.objectContaining({ code: 'ER_DUP_ENTRY' }));
    const boom = new Error('boom');
    expect(() => rethrowDuplicate(boom, answer)).toThrow(boom);
  });
});
