import { weekday } from '@cws/scheduler-solver';
import { CALENDAR_LISTS, type CalendarBody, type CalendarDay, type CalendarList } from '../../../api/schedulerSetup';

/** Why a day cannot be added, as an i18n key's last part (`calendar.refused.<reason>`). */
export type DayRefusal = 'outsideYear' | 'twice' | 'notWeekend' | 'nameMissing' | 'nameTooLong';

/** The API's name limit (CalendarDayDto: 1–40 characters). */
export const NAME_MAX = 40;

/**
 * The service's checks on one new day (CalendarService.put): inside the year, in no list yet (a date
 * is one kind of day), an adjusted working day on a Saturday or Sunday; and a name of 1–40 characters.
 */
export function dateRefusal(year: number, list: CalendarList, date: string, draft: CalendarBody): DayRefusal | null {
  if (!date.startsWith(`${year}-`)) return 'outsideYear';
  if (CALENDAR_LISTS.some((l) => draft[l].some((d) => d.date === date))) return 'twice';
  const wd = weekday(date);
  if (list === 'adjustedWorkingDays' && wd !== 0 && wd !== 6) return 'notWeekend';
  return null;
}

export function nameRefusal(name: string | undefined): DayRefusal | null {
  const n = (name ?? '').trim();
  if (!n) return 'nameMissing';
  return n.length > NAME_MAX ? 'nameTooLong' : null;
}

/** The draft with one day added to a list, kept in date order (the order the screen and the PUT use). */
export function withDay(draft: CalendarBody, list: CalendarList, day: CalendarDay): CalendarBody {
  const next = [...draft[list], { date: day.date, name: day.name.trim() }].sort((a, b) => a.date.localeCompare(b.date));
  return { ...draft, [list]: next };
}

export function withoutDay(draft: CalendarBody, list: CalendarList, date: string): CalendarBody {
  return { ...draft, [list]: draft[list].filter((d) => d.date !== date) };
}

/** What the screen edits: the stored arrangement, or an empty one for a year with none on file. */
export function draftOf(stored: CalendarBody | undefined): CalendarBody {
  return {
    label: stored?.label ?? '',
    holidays: [...(stored?.holidays ?? [])],
    restDays: [...(stored?.restDays ?? [])],
    adjustedWorkingDays: [...(stored?.adjustedWorkingDays ?? [])],
  };
}
