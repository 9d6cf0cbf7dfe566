/**
 * Text that leaves the system in spreadsheets and CSV files. A cell starting with = + - @ (or a tab
 * or carriage return) is read as a formula by Excel and LibreOffice (CSV/formula injection, OWASP):
 * such text gets a leading apostrophe (the kernel's `neutraliseFormula`), which spreadsheets show as
 * plain text. Numbers are written as numbers and are not touched.
 */
import { neutraliseFormula } from '@cws/kernel';

export const neutralizeFormula: (text: string) => string = neutraliseFormula;

/** One CSV field (RFC 4180): neutralized, then quoted when it holds a comma, quote or line break. */
export function csvField(text: string): string {
  const safe = neutraliseFormula(text);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
