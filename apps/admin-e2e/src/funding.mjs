// The 核定 report in the browser, as finance (city-wide): the demo year's district lines and a total that is
// the API's own. Registered inside admin.e2e.mjs's describe, after the payroll workflows (whose hires
// change the headcount, so the figures are read from the API rather than fixed here).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cityYear } from './city-date.mjs';

/** "43181135.70" → "43,181,135.70", as the screen shows amounts. */
const thousands = (amount) => amount.replace(/^(-?\d+)/, (int) => int.replace(/\B(?=(\d{3})+(?!\d))/g, ','));

export function fundingTest({ signedIn, api }) {
  test('funding requirement: finance opens the 核定 report of the demo year and sees every district and the API total', async () => {
    const page = await signedIn('finance', '经费核定');
    try {
      await page.getByTestId('funding-page').waitFor();
      const year = cityYear();
      const report = await api.get(await api.token('finance'), `/api/payroll/v1/benchmark/funding-requirement?year=${year}`);
      const districts = report.lines.filter((l) => l.level === 'DISTRICT');
      assert.ok(districts.length >= 3, `the demo city has three districts, got ${districts.length}`);

      const table = page.getByTestId('funding-table');
      for (const d of districts) await table.locator('tbody tr.ant-table-row', { hasText: d.districtName ?? d.districtCode }).first().waitFor();
      // collapsed: one row per district, streets open on demand
      assert.equal(await table.locator('tbody tr.ant-table-row').count(), districts.length);
      assert.equal(await page.getByTestId('funding-total-requirement').innerText(), thousands(report.totals.requirement));
      assert.equal(await page.getByTestId('funding-total-shortfall').innerText(), thousands(report.totals.shortfall));
    } finally {
      await page.context().close();
    }
  });
}
