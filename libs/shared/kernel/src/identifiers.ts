/** Chinese identifiers: resident ID (GB 11643-1999), bank card (Luhn), USCC (GB 32100-2015). */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43',
  '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83', '91',
]);

export type ResidentIdIssue = 'FORMAT' | 'PROVINCE' | 'BIRTH_DATE' | 'CHECKSUM';

export interface ResidentIdInfo {
  birthDate: string; // YYYY-MM-DD
  sex: 'M' | 'F';
  areaCode: string;
}

export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

/** Returns the problem with a resident ID, or null when it is valid. `today` bounds the birth date. */
export function residentIdIssue(id: string, today: Date = new Date()): ResidentIdIssue | null {
  if (!/^\d{17}[\dX]$/.test(id)) return 'FORMAT';
  if (!PROVINCES.has(id.slice(0, 2))) return 'PROVINCE';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return 'BIRTH_DATE';
  if (date.getTime() > today.getTime()) return 'BIRTH_DATE';
  if (residentIdCheckChar(id.slice(0, 17)) !== id[17]) return 'CHECKSUM';
  return null;
}

export function parseResidentId(id: string): ResidentIdInfo {
  const issue = residentIdIssue(id);
  if (issue) throw new Error(`invalid resident ID (${issue})`);
  return {
    areaCode: id.slice(0, 6),
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    sex: Number(id[16]) % 2 === 1 ? 'M' : 'F',
  };
}

/**
 * "330106199001011234" → "**************1234". The last four characters only. The first six are the area of registration, guessable from where
 * a worker lives; with the birth date (8) and the last four they rebuild the whole number, so the
 * mask never shows the area and screens never show the full birth date (docs/security.md).
 */
export function maskResidentId(id: string): string {
  return id.length <= 4 ? '*'.repeat(id.length) : '*'.repeat(id.length - 4) + id.slice(-4);
}

export function maskBankAccount(account: string): string {
  return account.length <= 4 ? account : '*'.repeat(account.length - 4) + account.slice(-4);
}

export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return sum % 10 === 0;
}

export function bankCardFormatValid(card: string): boolean {
  return /^\d{16,19}$/.test(card);
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function usccValid(code: string): boolean {
  if (code.length !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARS.indexOf(code[i]);
    if (v < 0) return false;
    sum += v * USCC_WEIGHTS[i];
  }
  const check = (31 - (sum % 31)) % 31;
  return USCC_CHARS[check] === code[17];
}
