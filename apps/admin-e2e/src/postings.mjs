// Postings in the browser, as finance: a small expenditure on a demo allocation through the form,
// listed under that allocation, then reversed from its drawer; the list's filter survives a reload. Registered by workflows.mjs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cityYear } from './city-date.mjs';

export function postingsTest({ signedIn, api, failures }) {
  test('postings: finance books 12.34 on a demo allocation, finds it listed, reverses it and reloads the filtered list', async () => {
    const year = cityYear();
    const token = await api.token('finance');
    // the first allocation of the year: also the first of the picker's list, which has the same filter and order
    const [allocation] = (await api.get(token, `/api/budget/v1/allocations?fiscalYear=${year}&limit=1`)).items;
    assert.ok(allocation, `a demo allocation of ${year}`);
    const description = `E2E 办公用品 ${Date.now()}`;
    const page = await signedIn('finance', '支出与调剂');
    try {
      await page.getByTestId('postings-page').waitFor();
      await page.getByTestId('new-expenditure').click();
      // the picker's own search finds the row by its label, which starts with "#<id> "
      const picker = page.locator('#allocationId');
      await picker.click();
      await picker.fill(`#${allocation.id} `);
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: `#${allocation.id} ` }).first().click();
      await page.locator('#amount').fill('12.34');
      await page.locator('#description').fill(description);
      await page.getByTestId('posting-form-ok').click();
      await page.getByTestId('posting-form').waitFor({ state: 'detached' });

      // listed under its allocation (the year's list may be long)
      const search = page.getByTestId('postings-allocation').locator('input');
      await search.fill(allocation.id);
      await search.press('Enter');
      const row = page.getByTestId('postings-table').locator('tbody tr.ant-table-row', { hasText: description });
      await row.waitFor();
      assert.match(await row.innerText(), /12\.34/);
      assert.match(await row.innerText(), /支出/);

      await row.locator('[data-testid^="posting-open-"]').click();
      await page.getByTestId('posting-reverse').click();
      await page.getByTestId('reverse-form').getByTestId('reverse-reason').fill('E2E 重复录入，冲销');
      await page.getByTestId('reverse-form-ok').click();
      await page.getByTestId('reverse-form').waitFor({ state: 'detached' }).catch(async (e) => {
        // what the form or a message said instead, for the log; and where the page stood
        const said = await page.locator('.ant-form-item-explain-error, .ant-message-notice, .ant-alert-message').allInnerTexts();
        await page.screenshot({ path: `${failures}/postings-reverse.png`, fullPage: true }).catch(() => undefined);
        throw new Error(`the reversal dialog stayed open; on screen: ${JSON.stringify(said)} (${e.message})`);
      });
      await page.getByTestId('postings-table').locator('tbody tr.ant-table-row', { hasText: 'E2E 重复录入，冲销' }).waitFor();

      // what the service booked: the expenditure and one reversal of it
      const booked = await api.get(token, `/api/budget/v1/postings?allocationId=${allocation.id}&limit=1000`);
      const spent = booked.items.find((p) => p.description === description);
      assert.equal(spent?.amount, '12.34');
      assert.equal(spent?.source, 'MANUAL');
      assert.equal(booked.items.filter((p) => p.kind === 'REVERSAL' && p.reversesId === spent.id).length, 1);

      // the filter is in the address (this year, the default, is not): a reload shows the same list
      assert.equal(new URL(page.url()).searchParams.get('allocationId'), allocation.id);
      assert.equal(new URL(page.url()).searchParams.has('fiscalYear'), false);
      await page.reload();
      await page.getByTestId('postings-table').locator('tbody tr.ant-table-row', { hasText: description }).waitFor();
      assert.equal(await search.inputValue(), allocation.id);
    } finally {
      await page.context().close();
    }
  });
}
