/**
 * Text that leaves the system in spreadsheets and CSV files. A cell starting with = + - @ (or a tab
 * or carriage return) is read as a formula by Excel and LibreOffice (CSV/formula injection, OWASP):
 * such text gets a leading apostrophe, which spreadsheets show as plain text. Numbers are written
 * as numbers and are not touched.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One CSV field (RFC 4180): neutralized, then quoted when it holds a comma, quote or line break. */
export function csvField(text: string): string {
  const safe = neutralizeFormula(text);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
