import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { notFound, validationError, type Principal } from '@cws/kernel';
import { inTransaction } from '@cws/persistence';
import { assertIfMatch, assertIfNoneMatch, AuditService, etagOf } from '@cws/platform';
import { weekday, type HolidayCalendar } from '@cws/scheduler-solver';
import type { PutCalendarDto } from './calendar.dto';
import { HolidayCalendarRepository, type StoredCalendar } from './holiday-calendar.repository';
import type { HolidayCalendarView } from '@cws/scheduler-contracts';

/** A year's entity tag: a hash of the stored calendar, which carries its `updatedAt`, so every save changes it. */
export const calendarEtag = (c: StoredCalendar | null): string | null => (c ? etagOf(c) : null);

/** The yearly holiday arrangement (statutory holidays, rest days moved by 调休, adjusted working days). */
@Injectable()
export class CalendarService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: HolidayCalendarRepository,
    private readonly audit: AuditService,
  ) {}

  async get(year: number): Promise<HolidayCalendarView> {
    const c = await this.calendars.find(this.dataSource.manager, year);
    if (!c) throw notFound('calendar', year);
    return c;
  }

  /** For the solver: the year's calendar, or null (plain weekdays and weekends) when none is on file. */
  forYear(year: number): Promise<HolidayCalendar | null> {
    return this.calendars.find(this.dataSource.manager, year);
  }

  /**
   * `ifMatch` (optional): the ETag of the year as read; stale (or a year since deleted) → 412, nothing written.
   * `ifNoneMatch: '*'`: the year was not on file when read; saved meanwhile by someone else → 412, nothing written.
   */
  async put(p: Principal, year: number, dto: PutCalendarDto, pre: { ifMatch?: string; ifNoneMatch?: string } = {}): Promise<HolidayCalendarView> {
    const seen = new Map<string, string>();
    const lists = { holidays: dto.holidays, restDays: dto.restDays, adjustedWorkingDays: dto.adjustedWorkingDays };
    for (const [list, days] of Object.entries(lists)) {
      days.forEach((d, i) => {
        const path = `${list}[${i}].date`;
        if (!d.date.startsWith(`${year}-`)) throw validationError('CALENDAR_DATE_OUTSIDE_YEAR', path, `${d.date} is not in ${year}`);
        if (seen.has(d.date)) throw validationError('CALENDAR_DATE_TWICE', path, `${d.date} is already listed in ${seen.get(d.date)}`);
        seen.set(d.date, list);
        const wd = weekday(d.date);
        if (list === 'adjustedWorkingDays' && wd !== 0 && wd !== 6) throw validationError('ADJUSTED_DAY_NOT_WEEKEND', path, `${d.date} is not a Saturday or Sunday`);
      });
    }
    const next: HolidayCalendar = { year, label: dto.label, ...lists };
    // two first saves of a year both gap-lock the missing row and deadlock on their inserts: the loser runs again
    await inTransaction(this.dataSource, async (m) => {
      const before = await this.calendars.find(m, year, true);
      assertIfMatch(pre.ifMatch, calendarEtag(before), 'calendar', year);
      assertIfNoneMatch(pre.ifNoneMatch, calendarEtag(before), 'calendar', year);
      await this.calendars.upsert(m, next, p.name);
      await this.audit.record(m, { entity: 'holiday_calendar', entityId: year, action: before ? 'UPDATE' : 'CREATE', before, after: next }, p);
    });
    return this.get(year);
  }
}
