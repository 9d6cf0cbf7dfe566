import { jobSchedule } from '@cws/messaging';
import { ApplyStatusCalendarJob } from '@cws/workers-contracts';

/** The nightly status calendar, just after midnight China time. */
export const STATUS_CALENDAR_SCHEDULE = jobSchedule(ApplyStatusCalendarJob, 'nightly-status-calendar', { pattern: '5 0 * * *', tz: 'Asia/Shanghai' }, {});
