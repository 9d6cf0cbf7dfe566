/**
 * The scheduler's demo data: the labelled 2026 holiday arrangement, and the demo service centre —
 * the first community of 西湖区 (330106) — with the notice's default set-up (open 08:00–21:00 every
 * day; 3 on duty 08:00–17:30 on working days, 1 otherwise; a head or deputy each working day;
 * EARLY 08:00–16:30, MID 09:30–18:00, LATE 12:30–21:00, each with a 30-minute break).
 * Idempotent: an existing calendar year or centre is left as it is (admin edits are kept).
 */
import { DEMO_CALENDAR_2026, defaultCentreConfig } from '@cws/scheduler-solver';
import type { DataSource } from 'typeorm';
import { HolidayCalendarRepository } from '../calendar/holiday-calendar.repository';
import { ServiceCentreRepository } from '../centres/service-centre.repository';

export const DEMO_CENTRE_DISTRICT = '330106';

export interface SchedulerSeedCommunity {
  code: string;
  streetCode: string;
  districtCode: string;
}

export async function seedSchedulerService(ds: DataSource, communities: SchedulerSeedCommunity[]): Promise<{ calendarYears: number[]; demoCentre: string | null }> {
  const calendars = new HolidayCalendarRepository();
  const centres = new ServiceCentreRepository();
  const demo = communities.filter((c) => c.districtCode === DEMO_CENTRE_DISTRICT).sort((a, b) => a.code.localeCompare(b.code))[0] ?? null;
  await ds.transaction(async (m) => {
    if (!(await calendars.find(m, DEMO_CALENDAR_2026.year))) await calendars.upsert(m, DEMO_CALENDAR_2026, 'seed');
    if (demo && !(await centres.find(m, demo.code, null))) {
      await centres.upsert(m, { communityCode: demo.code, districtCode: demo.districtCode, streetCode: demo.streetCode, config: defaultCentreConfig(), updatedBy: 'seed' });
    }
  });
  return { calendarYears: [DEMO_CALENDAR_2026.year], demoCentre: demo?.code ?? null };
}
