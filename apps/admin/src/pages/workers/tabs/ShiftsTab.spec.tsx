import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { WorkerDetail } from '../../../api/types';
import { en } from '../../../i18n/en';
import { found, renderPageAs, typeDateInto, waitFor, xihuHr } from '../../../test-utils';
import { ShiftsTab } from './ShiftsTab';

const worker = { id: 7 } as WorkerDetail;
const hours = (workedMinutes: number, workday150: number) => ({ workerId: 7, workedMinutes, overtimeMinutes: { workday150, restDay200: 60, holiday300: 0 }, shifts: { total: 2, late: 0, weekend: 0, holiday: 0 } });
const shift = (date: string, code: string, start: string, end: string) => ({ workerId: 7, date, shift: code, start, end });

describe('ShiftsTab (排班 on the worker page)', () => {
  it('lists the month’s shifts of both centres of a transfer by date, each centre’s month above with a link to its roster; another month on demand', async () => {
    const { calls } = renderPageAs(xihuHr, <ShiftsTab worker={worker} />, {
      'GET /api/scheduler/v1/workers/7/shifts': (url) =>
        url.searchParams.get('month') === '2026-11'
          ? { workerId: 7, month: '2026-11', rosters: [] }
          : {
              workerId: 7, month: url.searchParams.get('month'),
              rosters: [
                { rosterId: 31, community: '330106001001', version: 2, shifts: [shift('2026-12-08', 'LATE', '12:30', '21:00'), shift('2026-12-02', 'EARLY', '08:00', '16:30')], hours: hours(960, 30) },
                { rosterId: 45, community: '330106001009', version: 1, shifts: [shift('2026-12-16', 'MID', '09:30', '18:00')], hours: hours(480, 0) },
              ],
            },
      'GET /api/workers/v1/communities': () => [{ code: '330106001001', name: '翠苑一区社区', active: true }],
    });
    const rows = () => [...document.querySelectorAll('[data-testid="worker-shifts"] tbody tr.ant-table-row')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    await waitFor(() => expect(rows()).toEqual([
      ['2026-12-02', 'Wed', '翠苑一区社区', 'EARLY', '08:00–16:30'],
      ['2026-12-08', 'Tue', '翠苑一区社区', 'LATE', '12:30–21:00'],
      ['2026-12-16', 'Wed', '330106001009', 'MID', '09:30–18:00'],
    ]));
    const summary = await found('[data-testid="shifts-roster-31"]');
    expect(summary.textContent).toBe(`翠苑一区社区 v2：${en['workers.shiftsSummary'].replace('{shifts}', '2').replace('{hours}', '16.0').replace('{overtime}', '1.5')}`);
    expect(summary.querySelector('a')?.getAttribute('href')).toBe('/rosters/31');
    expect(calls.filter((c) => c.url.pathname.endsWith('/shifts')).map((c) => c.url.searchParams.get('month'))).toEqual([dayjs().format('YYYY-MM')]);

    await typeDateInto((await found('[data-testid="shifts-month"]')).querySelector('input') ?? (await found('[data-testid="shifts-month"]')), '2026-11');
    await waitFor(() => expect(document.querySelector('[data-testid="worker-shifts"]')?.textContent).toContain(en['workers.shiftsNone']));
    expect(calls.filter((c) => c.url.pathname.endsWith('/shifts')).map((c) => c.url.searchParams.get('month')).at(-1)).toBe('2026-11');
  });
});
