import { bankCardFormatValid, luhnValid, maskBankAccount, maskResidentId, residentIdIssue, validationError, type ErrorDetail } from '@cws/kernel';
import type { PiiCipher } from '@cws/persistence';
import { RESIDENT_ID_ISSUES } from '@cws/workers-core';

export interface ProtectedValue {
  enc: string;
  hash: string;
  masked: string;
}

/** Encrypts a value for storage, with its keyed hash (for exact lookup) and its mask (for lists). */
export function protect(cipher: PiiCipher, plain: string, mask: (s: string) => string): ProtectedValue {
  return { enc: cipher.encrypt(plain), hash: cipher.hash(plain), masked: mask(plain) };
}

export const protectResidentId = (cipher: PiiCipher, id: string) => protect(cipher, id, maskResidentId);
export const protectBankAccount = (cipher: PiiCipher, account: string) => protect(cipher, account, maskBankAccount);

/** Throws a 400 naming the field when the resident ID is invalid (the value itself is never echoed). */
export function assertResidentId(id: string, path = 'residentId'): void {
  const issue = residentIdIssue(id);
  if (issue) throw validationError(`RESIDENT_ID_${issue}`, path, RESIDENT_ID_ISSUES[issue]);
}

/** Bank cards must be 16–19 digits; a Luhn failure is only a warning (some Chinese cards fail it). */
export function checkBankAccount(account: string, path = 'bankAccount'): { luhnOk: boolean; warnings: ErrorDetail[] } {
  if (!bankCardFormatValid(account)) throw validationError('BANK_ACCOUNT_FORMAT', path, 'must be 16 to 19 digits');
  const luhnOk = luhnValid(account);
  return { luhnOk, warnings: luhnOk ? [] : [{ path, issue: 'fails the Luhn check; please confirm the account with the worker' }] };
}
