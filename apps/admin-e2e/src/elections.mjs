// Elections in the browser, as xihu-hr: a party election (公推直选) recorded in the last 西湖区 community
// by code, with one winner, listed and read back through the API; then opened again from the list and
// corrected (更正: the note and the winner's votes, PATCH under the drawer's ETag), and at last withdrawn as recorded
// in error (撤销登记: its post voided, the posts its 换届 ended running on). Registered inside admin.e2e.mjs's
// describe after the payroll and roster workflows: the other steps use 翠苑一区社区 (the first by
// code) and the first community of a list, and a regular election ends the body's posts still running.
import assert from 'node:assert/strict';
import { test } from 'node:test';

export function electionsTest({ signedIn, pick, searchAndPick, api }) {
  /** The election the first test records, for the correction after it: its id, winner and note. */
  let recorded;

  test('elections: xihu-hr records a party election with a winner; it is listed and the API has it', async () => {
    const token = await api.token('xihu-hr');
    const communities = await api.get(token, '/api/workers/v1/communities?district=330106');
    const community = communities.filter((c) => c.active).sort((a, b) => b.code.localeCompare(a.code))[0];
    const { items } = await api.get(token, `/api/workers/v1/workers?community=${community.code}&status=ACTIVE&limit=100`);
    // a winner whose name is unique in the community, so the search finds one option
    const winner = items.find((w) => items.filter((o) => o.name === w.name).length === 1);
    assert.ok(winner, `an active worker in ${community.name}`);
    const note = `E2E 换届 ${Date.now()}`;

    const page = await signedIn('xihu-hr', '换届选举');
    try {
      await page.getByTestId('elections-page').waitFor();
      await page.getByTestId('election-record').click();
      const form = page.getByTestId('election-form');
      await searchAndPick(page, 'communityCode', community.name.slice(0, 2), community.name);
      await form.locator('#eligibleVoters').fill('1800');
      await form.locator('#votesCast').fill('1320');
      await searchAndPick(page, 'results_0_workerId', winner.name, winner.name);
      await pick(page, 'results_0_role', '委员');
      await form.locator('#results_0_votes').fill('1000');
      await form.locator('#note').fill(note);
      await page.getByTestId('election-form-ok').click();

      // the recorded election opens; the list shows it with the winner
      await page.getByTestId('election-results').getByText(winner.name).waitFor();
      await page.keyboard.press('Escape');
      const row = page.getByTestId('elections-table').locator('tbody tr.ant-table-row', { hasText: community.name }).filter({ hasText: winner.name }).first();
      await row.waitFor();
      assert.match(await row.innerText(), /公推直选/);

      const listed = await api.get(token, `/api/workers/v1/elections?community=${community.code}&bodyKind=PARTY`);
      const made = listed.find((e) => e.note === note);
      assert.ok(made, 'the election is listed by the API');
      assert.equal(made.method, 'PUBLIC_NOMINATION_DIRECT');
      assert.equal(made.votesCast, 1320);
      assert.deepEqual(made.results.map((r) => [r.workerId, r.role, r.votes]), [[winner.id, 'MEMBER', 1000]]);
      assert.ok(made.results[0].appointmentId, 'the elected post was made');
      recorded = { id: made.id, winner, note };
    } finally {
      await page.context().close();
    }
  });

  test('elections: xihu-hr opens the recorded election from the list and corrects its note and the winner’s votes (更正)', async () => {
    assert.ok(recorded, 'the election recorded by the test before');
    const { id, winner } = recorded;
    const note = `E2E 更正 ${Date.now()}`;
    const page = await signedIn('xihu-hr', '换届选举');
    try {
      await page.getByTestId('elections-page').waitFor();
      await page.getByTestId(`election-open-${id}`).click();
      const drawer = page.getByTestId('election-drawer');
      await drawer.getByText(recorded.note).waitFor();
      await page.getByTestId('election-correct').click();
      const form = page.getByTestId('election-correct-form');
      // prefilled from the record; 1100 of 1320 cast is still a majority
      assert.equal(await form.locator('#results_0_votes').inputValue(), '1000');
      await form.locator('#results_0_votes').fill('1100');
      await form.locator('#note').fill(note);
      const patched = page.waitForResponse((r) => r.url().endsWith(`/api/workers/v1/elections/${id}`) && r.request().method() === 'PATCH');
      await page.getByTestId('election-correct-form-ok').click();
      const res = await patched;
      assert.equal(res.status(), 200, await res.text());
      assert.ok((await res.request().headerValue('if-match')) !== null, 'sent under the ETag it was read with');
      assert.deepEqual(JSON.parse(res.request().postData() ?? '{}'), { results: [{ workerId: winner.id, votes: 1100 }], note });
      await form.waitFor({ state: 'detached' });

      // the drawer reads the record again: the new note and votes
      await drawer.getByText(note).waitFor();
      await page.getByTestId('election-results').locator('tbody tr', { hasText: winner.name }).getByText('1100', { exact: true }).waitFor();
      const saved = await api.get(await api.token('xihu-hr'), `/api/workers/v1/elections/${id}`);
      assert.equal(saved.note, note);
      assert.deepEqual(saved.results.map((r) => [r.workerId, r.votes]), [[winner.id, 1100]]);
    } finally {
      await page.context().close();
    }
  });

  test('elections: xihu-hr withdraws the recorded election (撤销登记): its post is voided, the posts it ended run on, the record says why', async () => {
    assert.ok(recorded, 'the election recorded by the first test');
    const { id, winner } = recorded;
    const token = await api.token('xihu-hr');
    const before = await api.get(token, `/api/workers/v1/elections/${id}`);
    const reason = `E2E 误登记 ${Date.now()}`;
    const page = await signedIn('xihu-hr', '换届选举');
    try {
      await page.getByTestId('elections-page').waitFor();
      await page.getByTestId(`election-open-${id}`).click();
      await page.getByTestId('election-results').getByText(winner.name).waitFor();
      await page.getByTestId('election-withdraw').click();
      const form = page.getByTestId('election-withdraw-form');
      // the dialog names the post it voids
      await form.getByTestId('election-withdraw-posts').getByText(winner.name, { exact: false }).waitFor();
      await form.locator('#reason').fill(reason);
      const posted = page.waitForResponse((r) => r.url().endsWith(`/api/workers/v1/elections/${id}/withdraw`) && r.request().method() === 'POST');
      await page.getByTestId('election-withdraw-form-ok').click();
      const res = await posted;
      assert.equal(res.status(), 200, await res.text());
      assert.ok((await res.request().headerValue('if-match')) !== null, 'sent under the ETag the drawer read');
      assert.deepEqual(JSON.parse(res.request().postData() ?? '{}'), { reason });
      const done = await res.json();
      assert.deepEqual(done.voidedAppointments, before.results.map((r) => r.appointmentId));

      // the drawer says it was withdrawn and why; the API agrees
      await page.getByTestId('election-withdrawal-result').waitFor();
      await page.getByTestId('election-withdrawn').getByText(reason, { exact: false }).waitFor();
      const saved = await api.get(token, `/api/workers/v1/elections/${id}`);
      assert.equal(saved.withdrawn.reason, reason);
      // the voided post is in force on no day; the posts the 换届 ended (running on its first day) are held today again
      const held = (await api.get(token, `/api/workers/v1/communities/${before.communityCode}/posts`)).posts.map((p) => p.id);
      assert.ok(!done.voidedAppointments.some((v) => held.includes(v)), 'the voided post is not in force');
      assert.deepEqual(done.reopenedAppointments.filter((r) => !held.includes(r)), [], 'the reopened posts are in force again');
    } finally {
      await page.context().close();
    }
  });
}
