import { dayType, type HolidayCalendar } from './calendar';
import { DEFAULT_LIMITS, type CentreConfig, type RosterProblem, type RosterWorker } from './model';
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
