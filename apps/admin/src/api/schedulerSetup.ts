import type { HolidayCalendarView, ServiceCentreView } from '@cws/scheduler-contracts';
import type { CentreConfig } from '@cws/scheduler-solver';
import { useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { Tagged } from './client';
import { useApi } from './context';
import { S } from './rosters';

export type { CentreConfig, HolidayCalendarView, ServiceCentreView };

/** The three lists of a year's arrangement, in the order the screen shows them. */
export const CALENDAR_LISTS = ['holidays', 'restDays', 'adjustedWorkingDays'] as const;
export type CalendarList = (typeof CALENDAR_LISTS)[number];
export interface CalendarDay {
  date: string;
  name: string;
}
/** `PUT /calendar/:year` (PutCalendarDto): the whole year is replaced. */
export type CalendarBody = { label: string } & Record<CalendarList, CalendarDay[]>;

export const CALENDAR_KEY = 'scheduler-calendar';
export const CENTRE_KEY = 'scheduler-centre';

const calendarPath = (year: number) => `${S}/calendar/${year}`;
const centrePath = (community: string) => `${S}/centres/${encodeURIComponent(community)}`;

/**
 * A year's arrangement with its ETag; a year with none on file answers 404 (its months are rostered as plain
 * weekdays and weekends, and its first save goes with If-None-Match: *, create only).
 */
export function useHolidayCalendar(year: number) {
  const api = useApi();
  return useQuery({
    queryKey: [CALENDAR_KEY, year],
    queryFn: ({ signal }) => api.getTagged<HolidayCalendarView>(calendarPath(year), undefined, signal),
  });
}

/** A centre's set-up with its ETag, or the notice's default (`isDefault`, whose tag holds until the first save) when the community has none stored. */
export function useCentre(community: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: [CENTRE_KEY, community],
    enabled: !!community,
    queryFn: ({ signal }) => api.getTagged<ServiceCentreView>(centrePath(community ?? ''), undefined, signal),
  });
}

/**
 * Both PUTs carry the ETag the page read as If-Match, so a save made meanwhile by someone else is refused
 * (412 PRECONDITION_FAILED), not overwritten; what the service answers, with its new ETag, becomes the page's copy.
 */
export function useSchedulerSetupWrites() {
  const api = useApi();
  const queryClient = useQueryClient();
  const keep = <T>(key: QueryKey) => (saved: Tagged<T>) => {
    queryClient.setQueryData(key, saved);
    return saved;
  };
  return {
    putCalendar: (year: number, body: CalendarBody, etag: string | null) =>
      api.putTagged<HolidayCalendarView>(calendarPath(year), body, etag).then(keep<HolidayCalendarView>([CALENDAR_KEY, year])),
    putCentre: (community: string, config: CentreConfig, etag: string | null) =>
      api.putTagged<ServiceCentreView>(centrePath(community), config, etag).then(keep<ServiceCentreView>([CENTRE_KEY, community])),
  };
}
