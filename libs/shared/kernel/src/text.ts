/** Text checks shared by the API and the imports. */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** False when `s` holds an unpaired UTF-16 surrogate (which utf8mb4 cannot store). */
export function isWellFormedText(s: string): boolean {
  return !LONE_SURROGATE.test(s);
}

/**
 * Text a spreadsheet would run as a formula (starting =, +, -, @, tab or CR) gets a leading single
 * quote, so Excel and WPS show it as text (OWASP "CSV injection").
 */
export function neutraliseFormula(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}
