/**
 * Who can be rostered in a community on each day of a month, from each worker's dated facts (the daily
 * availability rule, for one day or a month): employed that day, placed in the community that day, not on leave,
 * not seconded out.
 */
import { addDays } from '@cws/kernel';

/** An inclusive period of days; `to` null = open-ended. */
export interface DayPeriod {
  from: string;
  to: string | null;
}

export interface AvailabilityFacts {
  hireDate: string;
  leftDate: string | null;
  /** The periods the worker is placed in the community (their own place, a place left since, a planned one). */
  placed: DayPeriod[];
  /** Leave periods as [start, return): `to` is the first day back, exclusive (null: not back yet). */
  leaves: DayPeriod[];
  /** OUT secondments (not cancelled), inclusive. */
  secondedOut: DayPeriod[];
}

const covers = (p: DayPeriod, day: string) => p.from <= day && (p.to === null || p.to >= day);
/** Whether any of these inclusive periods covers `day`. */
export const coveredOn = (periods: readonly DayPeriod[], day: string): boolean => periods.some((p) => covers(p, day));
const onLeave = (p: DayPeriod, day: string) => p.from <= day && (p.to === null || p.to > day);

/** The days of `dates` (ascending) the worker is available on, by the daily rule. */
export function availableDays(dates: readonly string[], f: AvailabilityFacts): string[] {
  return dates.filter(
    (day) =>
      f.hireDate <= day && (f.leftDate === null || f.leftDate >= day) && coveredOn(f.placed, day) &&
      !f.leaves.some((p) => onLeave(p, day)) && !coveredOn(f.secondedOut, day),
  );
}

/**
 * The first of `dates` (ascending) the worker arrived in the community on: placed there that day, employed and placed
 * elsewhere the day before (a transfer in). Null when they were there from before `dates`, or were hired here.
 */
export function arrivalOn(dates: readonly string[], f: Pick<AvailabilityFacts, 'hireDate' | 'placed'>): string | null {
  for (const day of dates) {
    const eve = addDays(day, -1);
    if (coveredOn(f.placed, day) && !coveredOn(f.placed, eve) && f.hireDate <= eve) return day;
  }
  return null;
}
