import { describe, expect, it } from 'vitest';
import type { HolidayCalendarView } from '../../../api/schedulerSetup';
import type { Me } from '../../../api/types';
import { click, found, json, renderPageAs, type Route, scriptedFetch, sentIfMatch, textOf, typeDateInto as typeDate, typeInto as type, waitFor, xihuHr } from '../../../test-utils';
import { CalendarPage } from './CalendarPage';
import { dateRefusal, draftOf } from './calendarRules';

const C = '/api/scheduler/v1/calendar';
const admin: Me = { kind: 'user', id: 'u-city', name: 'city-admin', roles: ['CITY_ADMIN'], scope: { level: 'CITY' }, permissions: [] };
const y2026: HolidayCalendarView = {
  year: 2026,
  label: 'demo 2026',
  holidays: [{ date: '2026-10-01', name: 'National Day' }, { date: '2026-10-02', name: 'National Day' }],
  restDays: [{ date: '2026-10-08', name: 'National Day' }],
  adjustedWorkingDays: [{ date: '2026-10-10', name: 'National Day' }],
  updatedAt: '2026-01-02T03:04:00.000Z',
  updatedBy: 'seed',
};

const render = (me: Me, extra: Record<string, Route> = {}, year = 2026) => renderPageAs(me, <CalendarPage />, { [`GET ${C}/2026`]: () => y2026, ...extra }, `/rosters/calendar?year=${year}`);

/** Opens the add dialog of a list, fills it and presses OK. */
async function addDay(list: string, date: string, name: string) {
  await click(await found(`[data-testid="calendar-add-${list}"]`));
  await typeDate(await found('[data-testid="calendar-day-form"] #date'), date);
  await type(await found('[data-testid="calendar-day-form"] #name'), name);
  await click(document.querySelector('[data-testid="calendar-day-form-ok"]'));
}
const dialogText = () => document.querySelector('[data-testid="calendar-day-form"]')?.textContent ?? '';
const puts = (calls: ReturnType<typeof scriptedFetch>['calls']) => calls.filter((c) => c.init.method === 'PUT').map((c) => ({ path: c.url.pathname, body: JSON.parse(String(c.init.body)) }));

describe('CalendarPage', () => {
  it('shows the year by kind; the next year without an arrangement says so, and a holiday added there is PUT with the whole year', async () => {
    let stored: HolidayCalendarView | null = null;
    const { calls } = render(admin, {
      [`GET ${C}/2027`]: () => stored ?? json(404, { code: 'NOT_FOUND', message: 'calendar 2027', details: [] }),
      [`PUT ${C}/2027`]: (_, init) => (stored = { year: 2027, ...JSON.parse(String(init.body)), updatedAt: '2026-12-01T08:00:00.000Z', updatedBy: 'city-admin' }),
    });
    await waitFor(() => expect(textOf('calendar-holidays')).toContain('2026-10-01'));
    expect(textOf('calendar-holidays')).toContain('National Day');
    expect(textOf('calendar-holidays')).toContain('2 days');
    expect(textOf('calendar-restDays')).toContain('2026-10-08');
    expect(textOf('calendar-adjustedWorkingDays')).toContain('2026-10-10');
    expect(textOf('calendar-adjustedWorkingDays')).toContain('Sat');

    await click(document.querySelector('[data-testid="calendar-next"]'));
    await waitFor(() => expect(textOf('calendar-none')).toContain('No arrangement for 2027 yet'));
    expect(textOf('calendar-year')).toBe('2027');
    expect(textOf('calendar-holidays')).not.toContain('2026-10-01');

    await addDay('holidays', '2027-10-01', ' 国庆节 ');
    await waitFor(() => expect(textOf('calendar-holidays')).toContain('2027-10-01'));
    await addDay('adjustedWorkingDays', '2027-09-26', '国庆节调休');
    await waitFor(() => expect(textOf('calendar-adjustedWorkingDays')).toContain('2027-09-26'));

    // no source yet: refused on the page, nothing sent
    await click(document.querySelector('[data-testid="calendar-save"]'));
    await waitFor(() => expect(textOf('calendar-page')).toContain('Required'));
    expect(puts(calls)).toHaveLength(0);

    await type(await found('#calendarLabel'), '国办发明电〔2026〕X号');
    await click(document.querySelector('[data-testid="calendar-save"]'));
    await waitFor(() => expect(puts(calls)).toHaveLength(1));
    expect(puts(calls)[0]).toEqual({
      path: `${C}/2027`,
      body: { label: '国办发明电〔2026〕X号', holidays: [{ date: '2027-10-01', name: '国庆节' }], restDays: [], adjustedWorkingDays: [{ date: '2027-09-26', name: '国庆节调休' }] },
    });
    await waitFor(() => expect(document.body.textContent).toContain('Saved: rosters solved from now on use it'));
    // the stored year comes back: no longer "none", still listed
    await waitFor(() => expect(document.querySelector('[data-testid="calendar-none"]')).toBeNull());
    expect(textOf('calendar-holidays')).toContain('2027-10-01');
    // a year not on file has no ETag to match: its first save is create-only, so another's first save meanwhile is 412
    expect(sentIfMatch(calls, 'PUT')).toEqual([undefined]);
    expect(sentIfMatch(calls, 'PUT', undefined, 'If-None-Match')).toEqual(['*']);
  });

  it('saves under the ETag read with the year and keeps the one the save answers; a save made meanwhile (412) offers a reload', async () => {
    let version = 1;
    let stored = y2026;
    const { calls } = render(admin, {
      [`GET ${C}/2026`]: () => json(200, stored, { etag: `"c${version}"` }),
      [`PUT ${C}/2026`]: (_, init) => {
        if ((init.headers as Record<string, string>)['If-Match'] !== `"c${version}"`) return json(412, { code: 'PRECONDITION_FAILED', message: 'stale', details: [{ path: 'header:If-Match', issue: 'stale' }] });
        stored = { ...stored, ...JSON.parse(String(init.body)) };
        return json(200, stored, { etag: `"c${++version}"` });
      },
    });
    await click(await found('[data-testid="calendar-remove-2026-10-02"]'));
    await click(document.querySelector('[data-testid="calendar-save"]'));
    await waitFor(() => expect(document.body.textContent).toContain('Saved: rosters solved from now on use it'));
    await waitFor(() => expect(document.querySelector('[data-testid="calendar-remove-2026-10-02"]')).toBeNull());
    await click(await found('[data-testid="calendar-remove-2026-10-01"]'));
    await click(document.querySelector('[data-testid="calendar-save"]'));
    await waitFor(() => expect(sentIfMatch(calls, 'PUT')).toEqual(['"c1"', '"c2"']));
    await waitFor(() => expect(textOf('calendar-holidays')).toContain('None'));

    // another administrator saves meanwhile: this page's tag is stale
    version = 9;
    stored = { ...y2026, label: 'saved meanwhile' };
    await click(await found('[data-testid="calendar-remove-2026-10-08"]'));
    await click(document.querySelector('[data-testid="calendar-save"]'));
    await waitFor(() => expect(textOf('calendar-stale')).toContain('This record changed since you opened it; reload it'));
    expect(sentIfMatch(calls, 'PUT')).toEqual(['"c1"', '"c2"', '"c3"']);
    await click(document.querySelector('[data-testid="calendar-stale-reload"]'));
    await waitFor(() => expect((document.querySelector('#calendarLabel') as HTMLInputElement).value).toBe('saved meanwhile'));
    expect(document.querySelector('[data-testid="calendar-stale"]')).toBeNull();
    expect(textOf('calendar-restDays')).toContain('2026-10-08');
    await click(await found('[data-testid="calendar-remove-2026-10-08"]'));
    await click(document.querySelector('[data-testid="calendar-save"]'));
    await waitFor(() => expect(sentIfMatch(calls, 'PUT').at(-1)).toBe('"c9"'));
  });

  it('refuses what the API refuses: a date outside the year, a date already listed, a weekday as adjusted working day, no name', async () => {
    const { calls } = render(admin);
    await waitFor(() => expect(textOf('calendar-holidays')).toContain('2026-10-01'));

    await addDay('holidays', '2027-01-01', 'New Year');
    await waitFor(() => expect(dialogText()).toContain('The date must be in 2026'));
    await typeDate(await found('[data-testid="calendar-day-form"] #date'), '2026-10-08');
    await click(document.querySelector('[data-testid="calendar-day-form-ok"]'));
    await waitFor(() => expect(dialogText()).toContain('This date is already in the year’s arrangement'));
    await click(document.querySelector('.ant-modal-close'));

    await addDay('adjustedWorkingDays', '2026-09-28', '调休');
    await waitFor(() => expect(dialogText()).toContain('An adjusted working day must be a Saturday or Sunday'));
    await type(await found('[data-testid="calendar-day-form"] #name'), '   ');
    await typeDate(await found('[data-testid="calendar-day-form"] #date'), '2026-09-27');
    await click(document.querySelector('[data-testid="calendar-day-form-ok"]'));
    await waitFor(() => expect(dialogText()).toContain('Enter a name'));
    await waitFor(() => expect(dialogText()).not.toContain('Saturday or Sunday'));
    expect(puts(calls)).toHaveLength(0);
    expect(dateRefusal(2026, 'restDays', '2026-10-02', draftOf(y2026))).toBe('twice');
  });

  it('a removed day is gone from the PUT; a refusal from the service shows its code’s text', async () => {
    const { calls } = render(admin, {
      [`PUT ${C}/2026`]: () => json(400, { code: 'CALENDAR_DATE_TWICE', message: '2026-10-08 is already listed', details: [{ path: 'restDays[0].date', issue: 'twice' }] }),
    });
    await click(await found('[data-testid="calendar-remove-2026-10-02"]'));
    await click(document.querySelector('[data-testid="calendar-save"]'));
    await waitFor(() => expect(document.body.textContent).toContain('The date appears twice'));
    expect(puts(calls)[0].body.holidays).toEqual([{ date: '2026-10-01', name: 'National Day' }]);
    expect(puts(calls)[0].body.label).toBe('demo 2026');
  });

  it('a reader (not a city administrator) sees the year with no edit controls', async () => {
    render(xihuHr);
    await waitFor(() => expect(textOf('signed-in')).toBe('xihu-hr'));
    await waitFor(() => expect(textOf('calendar-holidays')).toContain('2026-10-01'));
    expect(textOf('calendar-page')).toContain('Source：demo 2026');
    for (const id of ['calendar-add-holidays', 'calendar-add-restDays', 'calendar-save', 'calendar-remove-2026-10-01']) {
      expect(document.querySelector(`[data-testid="${id}"]`), id).toBeNull();
    }
    expect(document.querySelector('#calendarLabel')).toBeNull();
  });
});
