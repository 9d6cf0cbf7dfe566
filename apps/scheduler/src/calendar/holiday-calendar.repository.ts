import { Injectable } from '@nestjs/common';
import type { HolidayCalendar } from '@cws/scheduler-solver';
import type { EntityManager } from 'typeorm';
import { fromJson, iso, toJson } from '../common/json';

export interface StoredCalendar extends HolidayCalendar {
  updatedAt: string | null;
  updatedBy: string;
}

/** The only owner of `holiday_calendar`: one row per year, its three date lists as JSON. */
@Injectable()
export class HolidayCalendarRepository {
  async find(m: EntityManager, year: number, lock = false): Promise<StoredCalendar | null> {
    const [row] = await m.query(
      `SELECT year, label, holidays, rest_days, adjusted_working_days, updated_at, updated_by FROM holiday_calendar WHERE year = ?${lock ? ' FOR UPDATE' : ''}`,
      [year],
    );
    if (!row) return null;
    return {
      year: Number(row.year), label: row.label,
      holidays: fromJson(row.holidays) ?? [], restDays: fromJson(row.rest_days) ?? [], adjustedWorkingDays: fromJson(row.adjusted_working_days) ?? [],
      updatedAt: iso(row.updated_at), updatedBy: row.updated_by,
    };
  }

  async upsert(m: EntityManager, c: HolidayCalendar, by: string): Promise<void> {
    await m.query(
      `INSERT INTO holiday_calendar (year, label, holidays, rest_days, adjusted_working_days, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP(3), ?)
       ON DUPLICATE KEY UPDATE label = VALUES(label), holidays = VALUES(holidays), rest_days = VALUES(rest_days),
         adjusted_working_days = VALUES(adjusted_working_days), updated_at = VALUES(updated_at), updated_by = VALUES(updated_by)`,
      [c.year, c.label, toJson(c.holidays), toJson(c.restDays), toJson(c.adjustedWorkingDays), by],
    );
  }
}
