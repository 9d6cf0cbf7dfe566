import { dayType, type HolidayCalendar } from './calendar';
import { DEFAULT_LIMITS, type Assignment, type CentreConfig, type RosterProblem, type RosterWorker } from './model';
import { monthDates } from './time';

/** Builds a centre's month problem from its config, the calendar and who can work. */
export function rosterProblem(
  month: string, centre: CentreConfig, workers: RosterWorker[], calendar: HolidayCalendar | null, previous?: RosterProblem['previous'], frozenBefore?: string,
): RosterProblem {
  return {
    month,
    days: monthDates(month).map((date) => ({ date, type: dayType(date, calendar) })),
    centre,
    workers,
    limits: { ...DEFAULT_LIMITS },
    ...(previous ? { previous } : {}),
    ...(previous && frozenBefore ? { frozenBefore } : {}),
  };
}

/**
 * The workers a re-plan rosters: `workers` (the month as the register reads it now), and each worker of the published
 * problem it no longer lists who worked a day before `frozenBefore` (a leaving or a transfer back-dated since). Those
 * days have happened: such a worker keeps them, with their hours, and is unavailable from `frozenBefore` on; roles, role
 * spans and carried days as published.
 */
export function withPastWorkers(workers: RosterWorker[], published: RosterProblem, previous: readonly Assignment[], frozenBefore: string): RosterWorker[] {
  const listed = new Set(workers.map((w) => w.id));
  const workedPast = new Set(previous.filter((a) => a.date < frozenBefore).map((a) => a.workerId));
  const ahead = published.days.map((d) => d.date).filter((d) => d >= frozenBefore);
  const kept = published.workers
    .filter((w) => !listed.has(w.id) && workedPast.has(w.id))
    .map((w): RosterWorker => ({ id: w.id, roles: w.roles, ...(w.roleSpans ? { roleSpans: w.roleSpans } : {}), unavailable: ahead, ...(w.carriedIn ? { carriedIn: w.carriedIn } : {}) }));
  return kept.length ? [...workers, ...kept] : workers;
}
