// Daily closes (日结) in the browser: finance opens the page, sees its table, and closes the books through
// the dialog's default (yesterday in Asia/Shanghai). The demo ledger's first day is the day the suite
// seeded it, so through yesterday there is nothing to close and the page says so. A district user has no
// 日结 in the menu, and at the address sees the city-only notice. Registered inside admin.e2e.mjs's describe.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clickUntilGone } from './dialogs.mjs';
import { cityToday, cityYear } from './city-date.mjs';

/** The day before an ISO date. */
const dayBefore = (day) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

export function closesTest({ signedIn, openMenu, api }) {
  // read when the suite is loaded, before it starts and seeds: the ledger's first day is this one or later
  const seededOn = cityToday();

  test('daily closes: finance sees the closes table and 结账 through yesterday (the default) closes nothing on a fresh ledger', async () => {
    const token = await api.token('finance');
    const page = await signedIn('finance');
    try {
      const listed = page.waitForResponse((r) => r.url().includes('/api/budget/v1/ledger/closes?') && r.request().method() === 'GET');
      await openMenu(page, '日结');
      await page.getByTestId('closes-page').waitFor();
      assert.equal((await listed).status(), 200);
      const table = page.getByTestId('closes-table');
      await table.waitFor();
      const closes = await api.get(token, '/api/budget/v1/ledger/closes');
      if (closes.length) await table.locator('tbody tr.ant-table-row').first().waitFor();
      else await table.locator('.ant-empty').waitFor();
      assert.equal(await table.locator('tbody tr.ant-table-row').count(), closes.length);

      const today = cityToday();
      const yesterday = dayBefore(today);
      await page.getByTestId('close-books').click();
      assert.equal(await page.getByTestId('close-books-form').locator('#through').inputValue(), yesterday);
      const closed = page.waitForResponse((r) => r.url().endsWith('/api/budget/v1/ledger/closes') && r.request().method() === 'POST');
      await clickUntilGone(page.getByTestId('close-books-form-ok'));
      const res = await closed;
      assert.equal(res.status(), 200, await res.text()); // @Answers: a POST that writes no resource
      assert.deepEqual(JSON.parse(res.request().postData() ?? '{}'), { through: yesterday });
      await page.getByTestId('close-books-form').waitFor({ state: 'detached' });
      const written = await res.json();
      const result = page.getByTestId('closes-result');
      if (today === seededOn) {
        // the ledger starts today: every day through yesterday is closed already (there are none)
        assert.deepEqual(written, []);
        await result.getByText(`截至 ${yesterday} 的日期均已结账，本次没有新结账的日期`).waitFor();
      } else {
        // the run crossed midnight in Beijing: the seeding day is over and gets its close
        assert.ok(written.length > 0, 'the seeding day is closed');
        await result.getByText(`已结账 ${written.length} 天`, { exact: false }).waitFor();
      }
      // a repeat closes nothing twice
      assert.deepEqual(await api.post(token, '/api/budget/v1/ledger/closes', { through: yesterday }), []);
    } finally {
      await page.context().close();
    }
  });

  test('fiscal years: finance opens the year after the last one on the 日结 page; the budget service has it open', async () => {
    const token = await api.token('finance');
    const before = await api.get(token, '/api/budget/v1/fiscal-years');
    const next = Math.max(...before.map((y) => y.year)) + 1;
    const page = await signedIn('finance');
    try {
      await openMenu(page, '日结');
      const card = page.getByTestId('fiscal-years');
      await card.locator(`tr[data-row-key="${before[0].year}"]`).waitFor();
      await page.getByTestId('fiscal-open').click();
      assert.equal(await page.getByTestId('fiscal-open-form').locator('#year').inputValue(), String(next));
      await clickUntilGone(page.getByTestId('fiscal-open-form-ok'));
      await card.locator(`tr[data-row-key="${next}"]`).getByText('记账中').waitFor();
      assert.ok((await api.get(token, '/api/budget/v1/fiscal-years')).some((y) => y.year === next && y.status === 'OPEN'));
    } finally {
      await page.context().close();
    }
  });

  test('per-household check: finance opens 按户核定 and sees the demo year’s check of the 居委会工作经费 as the budget service reports it', async () => {
    const token = await api.token('finance');
    const year = cityYear();
    const report = await api.get(token, `/api/budget/v1/reports/household-standard?fiscalYear=${year}&stream=RESIDENTS_COMMITTEE&belowOnly=true`);
    const page = await signedIn('finance');
    try {
      await openMenu(page, '按户核定');
      await page.getByTestId('households-summary').getByText(`检查 ${report.communities} 个社区，低于标准 ${report.below} 个`, { exact: false }).waitFor();
      const rows = page.getByTestId('households-table').locator('tbody tr.ant-table-row');
      if (report.rows.length) await rows.first().waitFor();
      assert.equal(await rows.count(), Math.min(report.rows.length, 50));
    } finally {
      await page.context().close();
    }
  });

  test('ledger: finance opens 总账明细 and sees the year’s ledger oldest first, as GET /ledger pages it, and a posting opens from its row', async () => {
    const token = await api.token('finance');
    const year = cityYear();
    const first = await api.get(token, `/api/budget/v1/ledger?fiscalYear=${year}&limit=100`);
    assert.ok(first.items.length > 0, 'the demo city has ledger entries this year');
    const page = await signedIn('finance');
    try {
      await openMenu(page, '总账明细');
      const rows = page.getByTestId('ledger-table').locator('tbody tr.ant-table-row');
      await rows.first().waitFor();
      assert.equal(await rows.count(), first.items.length);
      assert.deepEqual(
        await rows.evaluateAll((trs) => trs.slice(0, 5).map((tr) => tr.querySelector('td')?.textContent)),
        first.items.slice(0, 5).map((e) => e.id),
      );
      const withPosting = first.items.find((e) => e.postingId);
      if (withPosting) {
        await page.getByTestId(`ledger-posting-${withPosting.postingId}`).click();
        await page.getByTestId('posting-drawer').getByText(`#${withPosting.postingId}`, { exact: false }).first().waitFor();
      }
    } finally {
      await page.context().close();
    }
  });

  test('daily closes: xihu-hr (a district) has no 日结 in the menu, and at its address sees the city-only notice', async () => {
    const page = await signedIn('xihu-hr');
    try {
      // the budget screens are in the menu, 日结 is not (a menu item's name is its icon's label and its text)
      await page.getByRole('menuitem', { name: '待处理入账' }).waitFor();
      assert.equal(await page.getByRole('menuitem', { name: '日结' }).count(), 0);
      await page.goto(new URL('/budget/closes', page.url()).href);
      await page.getByTestId('closes-city-only').waitFor();
      assert.equal(await page.getByTestId('closes-table').count(), 0);
    } finally {
      await page.context().close();
    }
  });
}
