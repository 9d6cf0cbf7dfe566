import type { HolidayCalendarView, ServiceCentreView } from '@cws/scheduler-contracts';
import type { CentreConfig } from '@cws/scheduler-solver';
import { useQuery } from '@tanstack/react-query';
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

/** A year's arrangement; a year with none on file answers 404 (its months are rostered as plain weekdays and weekends). */
export function useHolidayCalendar(year: number) {
  const api = useApi();
  return useQuery({
    queryKey: [CALENDAR_KEY, year],
    queryFn: ({ signal }) => api.get<HolidayCalendarView>(`${S}/calendar/${year}`, undefined, signal),
  });
}

/** A centre's set-up, or the notice's default (`isDefault`) when the community has none stored. */
export function useCentre(community: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: [CENTRE_KEY, community],
    enabled: !!community,
    queryFn: ({ signal }) => api.get<ServiceCentreView>(`${S}/centres/${encodeURIComponent(community ?? '')}`, undefined, signal),
  });
}

// Neither resource has an ETag (the scheduler sends none): the last save wins.
export function useSchedulerSetupWrites() {
  const api = useApi();
  return {
    putCalendar: (year: number, body: CalendarBody) => api.put<HolidayCalendarView>(`${S}/calendar/${year}`, body),
    putCentre: (community: string, config: CentreConfig) => api.put<ServiceCentreView>(`${S}/centres/${encodeURIComponent(community)}`, config),
  };
}
