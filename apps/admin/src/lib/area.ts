/**
 * Activity-area share from decimal strings (square metres, two places), exact: the areas are
 * turned into integer hundredths with BigInt, never floats. The notice asks for at least 60 %.
 */
export const MIN_ACTIVITY_SHARE_PERCENT = 60;

export function toHundredths(value: string | number | null | undefined): bigint | null {
  if (value === null || value === undefined) return null;
  const m = /^\s*(-?)(\d+)(?:\.(\d{0,2})\d*)?\s*$/.exec(String(value));
  if (!m) return null;
  const cents = BigInt(m[2]) * 100n + BigInt((m[3] ?? '').padEnd(2, '0') || '0');
  return m[1] ? -cents : cents;
}

/** Is the activity share below `percent` %? null when the floor area is unknown or zero. */
export function activityShareBelow(activityArea: string, floorArea: string, percent = MIN_ACTIVITY_SHARE_PERCENT): boolean | null {
  const a = toHundredths(activityArea);
  const f = toHundredths(floorArea);
  if (a === null || f === null || f <= 0n) return null;
  return a * 100n < f * BigInt(percent);
}

/** The share as "62.5 %" (one decimal, rounded half up), for display. */
export function activitySharePercent(activityArea: string, floorArea: string): string | null {
  const a = toHundredths(activityArea);
  const f = toHundredths(floorArea);
  if (a === null || f === null || f <= 0n) return null;
  const permille = (a * 2000n + f) / (2n * f); // round half up of a*1000/f
  return `${permille / 10n}.${permille % 10n}%`;
}
