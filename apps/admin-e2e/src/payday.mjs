// Pay day in the browser, as finance: the run the payroll workflow approved shows its frozen inputs, gets a
// pay day (the dialog's default: today in Asia/Shanghai), says so, and the schedule is taken back so the run
// is left as it was. Registered inside admin.e2e.mjs's describe, after the payroll workflow.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clickUntilGone } from './dialogs.mjs';
import { cityToday } from './city-date.mjs';

export function payDayTest({ signedIn, api }) {
  test('pay day: finance schedules the approved run for today (the default), sees it on the run, and cancels the schedule', async () => {
    const token = await api.token('finance');
    const [run] = (await api.get(token, '/api/payroll/v1/runs?status=APPROVED')).items;
    assert.ok(run, 'the payroll workflow leaves an approved run');
    const page = await signedIn('finance');
    try {
      await page.goto(new URL(`/payroll/runs/${run.id}`, page.url()).href);
      await page.getByTestId('run-status').getByText('已审批').waitFor();
      await page.getByTestId('run-inputs').getByText('人员快照日期').waitFor();

      const today = cityToday();
      await page.getByTestId('run-schedule-payment').click();
      assert.equal(await page.getByTestId('schedule-payment-form').locator('#payOn').inputValue(), today);
      await clickUntilGone(page.getByTestId('schedule-payment-form-ok'));
      await page.getByTestId('run-scheduled-payment').getByText(`预约发放日 ${today}（finance 设定）`).waitFor();
      assert.deepEqual((await api.get(token, `/api/payroll/v1/runs/${run.id}`)).scheduledPayment?.payOn, today);

      await page.getByTestId('run-unschedule-payment').click();
      await page.getByTestId('run-unschedule-payment-ok').click();
      await page.getByTestId('run-scheduled-payment').waitFor({ state: 'detached' });
      const after = await api.get(token, `/api/payroll/v1/runs/${run.id}`);
      assert.deepEqual([after.status, after.scheduledPayment], ['APPROVED', null]);
    } finally {
      await page.context().close();
    }
  });
}
