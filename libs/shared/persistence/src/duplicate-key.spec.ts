import { isDuplicateKey } from './duplicate-key';

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
});
