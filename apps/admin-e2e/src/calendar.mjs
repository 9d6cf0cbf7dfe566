// The holiday calendar in the browser, as city-admin: a holiday added to a year no other step rosters
// (the year after next: the roster workflow generates next month, which may be in next year), saved,
// still there after a reload, and stored as sent. Registered inside admin.e2e.mjs's describe.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { typeDate } from './workflows.mjs';
import { cityYear } from './city-date.mjs';

export function calendarTest({ signedIn, api }) {
  const year = cityYear() + 2;
  test(`holiday calendar: city-admin adds a holiday to ${year}, saves, and sees it after a reload`, async () => {
    const page = await signedIn('city-admin', '节假日安排');
    try {
      await page.getByTestId('calendar-page').waitFor();
      for (let i = 0; i < 2; i++) await page.getByTestId('calendar-next').click();
      await page.getByTestId('calendar-year').getByText(`${year} 年`).waitFor();
      await page.getByTestId('calendar-none').waitFor();

      await page.getByTestId('calendar-add-holidays').click();
      await typeDate(page, 'date', `${year}-10-01`);
      await page.getByTestId('calendar-day-name').fill('国庆节');
      await page.getByTestId('calendar-day-form-ok').click();
      await page.getByTestId('calendar-holidays').getByText(`${year}-10-01`).waitFor();
      await page.locator('#calendarLabel').fill(`E2E ${year} 年放假安排`);
      const saved = page.waitForResponse((r) => r.url().endsWith(`/api/scheduler/v1/calendar/${year}`) && r.request().method() === 'PUT');
      await page.getByTestId('calendar-save').click();
      assert.equal((await saved).status(), 200);

      await page.reload();
      await page.getByTestId('calendar-year').getByText(`${year} 年`).waitFor();
      await page.getByTestId('calendar-holidays').getByText(`${year}-10-01`).waitFor();
      assert.equal(await page.getByTestId('calendar-none').count(), 0);
      const stored = await api.get(await api.token('city-admin'), `/api/scheduler/v1/calendar/${year}`);
      assert.deepEqual(stored.holidays, [{ date: `${year}-10-01`, name: '国庆节' }]);
      assert.deepEqual([stored.restDays, stored.adjustedWorkingDays, stored.label], [[], [], `E2E ${year} 年放假安排`]);
    } finally {
      await page.context().close();
    }
  });
}
