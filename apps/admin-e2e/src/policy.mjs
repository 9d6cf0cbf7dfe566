// Pay policy in the browser, as city-admin: the year check, the insurance rows, the pension row's detail, next July's
// version entered through the form and listed. Registered inside admin.e2e.mjs's describe, after the
// payroll workflows (a 2027 row must not change what they compute).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { typeDate } from './workflows.mjs';
import { cityYear } from './city-date.mjs';

export function policyTest({ signedIn, pick, api }) {
  test('pay policy: city-admin checks this year (complete) and next (no unit value yet), filters to insurance, opens the pension row and enters its version from 2027-07-01', async () => {
    const page = await signedIn('city-admin', '薪酬政策');
    try {
      await page.getByTestId('policy-page').waitFor();
      // 年度政策检查: the demo's policy is complete for this year; next year has no unit value yet, so its runs could not compute
      const check = page.getByTestId('policy-year-check');
      const year = cityYear();
      await check.getByText(`${year} 年政策完整`).waitFor();
      const yearInput = check.locator('input');
      await yearInput.click();
      await yearInput.fill(String(year + 1));
      await yearInput.press('Enter');
      await page.getByTestId('policy-year-incomplete').getByText(`系数单价（${year + 1}）`).waitFor();
      // this year's figures as the API has them (amounts in yuan)
      const thisYear = await api.get(await api.token('city-admin'), `/api/payroll/v1/policy/effective?year=${year}`);
      await yearInput.click();
      await yearInput.fill(String(year));
      await yearInput.press('Enter');
      await page.getByTestId('policy-year-figures').getByText(thisYear.payScale.unitValueFen.replace(/\B(?=(\d{3})+(?!\d))/g, ','), { exact: false }).waitFor();
      await pick(page, 'policyKind', '社会保险与公积金');
      const table = page.getByTestId('policy-table');
      const pension = table.locator('tbody tr.ant-table-row', { hasText: 'PENSION' });
      await pension.waitFor();
      // only insurance rows once the filtered list is in (no wage rows left)
      await table.locator('tbody tr.ant-table-row', { hasText: '工资' }).first().waitFor({ state: 'detached' });
      await pension.locator('[data-testid^="policy-open-"]').click();
      await page.getByTestId('policy-row-data').getByText('单位费率').waitFor();

      await page.getByTestId('policy-new-version').click();
      const form = page.getByTestId('policy-version-form');
      await form.locator('#data_baseFloor').fill('5200');
      await typeDate(page, 'validFrom', '2027-07-01');
      await form.locator('#sourceRef').fill('E2E 2027 年度社保缴费基数');
      await page.getByTestId('policy-version-form-ok').click();

      const next = table.locator('tbody tr.ant-table-row', { hasText: '2027-07-01' });
      await next.waitFor();
      assert.match(await next.innerText(), /PENSION/);
      assert.match(await next.innerText(), /5,200\.00 元/);
      // what the service made of it: the 2026 row closed the day before, superseded by the new one
      const token = await api.token('city-admin');
      const history = await api.get(token, '/api/payroll/v1/policy/rows?kind=INSURANCE&key=PENSION&history=true');
      const created = history.find((r) => r.validFrom === '2027-07-01');
      assert.equal(created?.data.baseFloor, '5200.00');
      assert.ok(history.some((r) => r.validTo === '2027-06-30' && r.supersededBy === created.id), 'the open row is closed on 2027-06-30');
    } finally {
      await page.context().close();
    }
  });
}
