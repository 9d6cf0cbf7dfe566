import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { todayIso } from '../../layout/FormModal';
import { chooseOption, click, found, json, sentBodies, sentIfMatch, textOf, typeInto, waitFor, xihuHr } from '../../test-utils';
import { auditor, type Calls, election, listed, openFromDrawer, render, STALE, W } from './electionsSpecKit';

/** Picks the option titled `title` in the select whose input has this id. */
const choose = async (id: string, title: string) => chooseOption(await found(`#${id}`), title);
const type = async (id: string, value: string) => typeInto(await found(`[data-testid="election-form"] #${id}`), value);
const posts = (calls: Calls) => sentBodies(calls, 'POST', `${W}/elections`);

describe('ElectionsPage', () => {
  it('lists the elections with community and winners by name; the body filter asks the API; one opens with links to the workers', async () => {
    const { calls } = render(xihuHr);
    await waitFor(() => expect(textOf('elections-table')).toContain('翠苑一区社区'));
    expect(textOf('elections-table')).toContain('张丽华（Secretary）');
    expect(textOf('elections-table')).toContain('Public nomination, direct election (公推直选)');
    expect(textOf('elections-table')).toContain('2022-01-01 – 2026-12-31');

    await choose('electionBody', en['org.body.COMMITTEE']);
    await waitFor(() => expect(calls.some((c) => c.url.pathname === `${W}/elections` && c.url.searchParams.get('bodyKind') === 'COMMITTEE')).toBe(true));
    await waitFor(() => expect(textOf('elections-table')).not.toContain('Public nomination'));
    await choose('electionBody', en['org.body.PARTY']);

    await click(await found('[data-testid="election-open-11"]'));
    await waitFor(() => expect(textOf('election-results')).toContain('张丽华'));
    expect(textOf('election-drawer')).toContain('2100');
    expect(document.querySelector('[data-testid="election-results"] a')?.getAttribute('href')).toBe('/workers/7');
  });

  it('records an election: the POST body matches the DTO, winners come from the community’s worker search', async () => {
    const { calls } = render(xihuHr, { [`POST ${W}/elections`]: () => json(201, election(13, { communityCode: '330106002001' })), [`GET ${W}/elections/13`]: () => election(13) });
    await click(await found('[data-testid="election-record"]'));
    await choose('communityCode', '文新社区');
    await type('eligibleVoters', '1800');
    await type('votesCast', '1320');
    await type('results_0_workerId', '李');
    await waitFor(() => expect(calls.some((c) => c.url.pathname === `${W}/workers` && c.url.searchParams.get('q') === '李' && c.url.searchParams.get('community') === '330106002001')).toBe(true));
    await click(await found('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="李明"]'));
    await choose('results_0_role', en['enum.role.SECRETARY']);
    await type('results_0_votes', '900');
    await click(await found('[data-testid="election-form-ok"]'));
    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    expect(posts(calls)[0]).toEqual({
      communityCode: '330106002001', bodyKind: 'PARTY', kind: 'REGULAR', method: 'PUBLIC_NOMINATION_DIRECT', electionDate: todayIso(), termYears: 5,
      eligibleVoters: 1800, votesCast: 1320, results: [{ workerId: 8, role: 'SECRETARY', votes: 900 }],
    });
    // the recorded election opens
    await waitFor(() => expect(textOf('election-drawer')).toContain('张丽华'));
  });

  it('a refusal lands on its field: a winner without a majority is marked on that row’s votes', async () => {
    const refusal = { code: 'ELECTED_WITHOUT_MAJORITY', message: 'a winner needs more than half of the votes cast', details: [{ path: 'results[0].votes', issue: 'a winner needs more than half of the votes cast' }] };
    const { calls } = render(xihuHr, { [`POST ${W}/elections`]: () => json(422, refusal) });
    await click(await found('[data-testid="election-record"]'));
    await choose('communityCode', '翠苑一区社区');
    await type('eligibleVoters', '1800');
    await type('votesCast', '1320');
    await type('results_0_workerId', '张');
    await click(await found('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="张丽华"]'));
    await choose('results_0_role', en['enum.role.MEMBER']);
    await type('results_0_votes', '600');
    await click(await found('[data-testid="election-form-ok"]'));
    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    const votes = await found('[data-testid="election-form"] #results_0_votes');
    await waitFor(() => expect(votes.closest('.ant-form-item')?.textContent).toContain('A winner needs more than half of the votes cast'));
  });

  it('shows the 一肩挑 report: counts, the rate and each community with its elected secretary and director', async () => {
    render(xihuHr);
    await click(await waitFor(() => {
      const tab = [...document.querySelectorAll('.ant-tabs-tab')].find((el) => el.textContent?.includes('One shoulder'));
      if (!tab) throw new Error('no tab');
      return tab;
    }));
    await waitFor(() => expect(textOf('one-shoulder-stats')).toContain('50%'));
    expect(textOf('one-shoulder-table')).toContain('翠苑一区社区');
    expect(textOf('one-shoulder-table')).toContain('文新社区');
    // names from the elections' winners, linked to the worker
    await waitFor(() => expect(document.querySelector('[data-testid="one-shoulder-table"] a[href="/workers/7"]')?.textContent).toBe('张丽华'));
    await click(await found('[data-testid="one-shoulder-only"]'));
    await waitFor(() => expect(textOf('one-shoulder-table')).not.toContain('文新社区'));
  });

  it('a read-only user (auditor) sees the list but no record button', async () => {
    render(auditor);
    await waitFor(() => expect(textOf('signed-in')).toBe('auditor'));
    await waitFor(() => expect(textOf('elections-table')).toContain('翠苑一区社区'));
    expect(document.querySelector('[data-testid="election-record"]')).toBeNull();
  });
});

describe('ElectionsPage: 更正 (correcting an election record)', () => {
  /** A committee election with two winners, a note, read with ETag "e12-1". */
  const two = election(12, {
    bodyKind: 'COMMITTEE', method: 'DIRECT', note: '第十一届',
    results: [
      { workerId: 7, workerName: '张丽华', role: 'DIRECTOR', votes: 1600, appointmentId: 89 },
      { workerId: 8, workerName: '李明', role: 'MEMBER', votes: 1500, appointmentId: 90 },
    ],
  });
  const backfilled = election(14, {
    bodyKind: 'COMMITTEE', method: null, eligibleVoters: null, votesCast: null, backfilled: true,
    results: [
      { workerId: 7, workerName: '张丽华', role: 'DIRECTOR', votes: null, appointmentId: 91 },
      { workerId: 8, workerName: '李明', role: 'MEMBER', votes: null, appointmentId: 92 },
    ],
  });
  const E12 = `${W}/elections/12`;
  const E14 = `${W}/elections/14`;
  const form = (sel = '') => found(`[data-testid="election-correct-form"]${sel ? ` ${sel}` : ''}`);
  const input = async (id: string) => (await form(`#${id}`)) as HTMLInputElement;
  /** The text of the form item around the field with this id (its label, value and errors). */
  const itemOf = (id: string) => document.querySelector(`[data-testid="election-correct-form"] #${id}`)?.closest('.ant-form-item')?.textContent ?? '';
  const valueOf = (id: string) => (document.querySelector(`[data-testid="election-correct-form"] #${id}`) as HTMLInputElement | null)?.value;
  const patches = (calls: Calls, path: string) => sentBodies(calls, 'PATCH', path);

  async function openCorrection(id: number) {
    await openFromDrawer(id, 'election-correct');
    await form();
  }

  it('opens prefilled from the record and sends only what changed, with the ETag of the GET as If-Match; the drawer shows the corrected record', async () => {
    let stored = two;
    const { calls } = render(xihuHr, {
      ...listed(two),
      [`GET ${E12}`]: () => json(200, stored, { ETag: stored === two ? '"e12-1"' : '"e12-2"' }),
      [`PATCH ${E12}`]: () => {
        stored = { ...two, votesCast: 1900, note: null, results: [two.results[0], { ...two.results[1], votes: 1550 }] };
        return json(200, stored, { ETag: '"e12-2"' });
      },
    });
    await openCorrection(12);
    expect((await input('eligibleVoters')).value).toBe('2100');
    expect((await input('votesCast')).value).toBe('1890');
    expect((await input('results_0_votes')).value).toBe('1600');
    expect((await input('results_1_votes')).value).toBe('1500');
    expect((await input('note')).value).toBe('第十一届');
    expect(textOf('election-correct-form')).toContain('Direct election');
    // one field per winner, named by worker and role
    expect(itemOf('results_0_votes')).toContain(`Votes of 张丽华 (${en['enum.role.DIRECTOR']})`);
    expect(itemOf('results_1_votes')).toContain(`Votes of 李明 (${en['enum.role.MEMBER']})`);
    expect(document.querySelector('[data-testid="election-correct-backfilled"]')).toBeNull();

    await typeInto(await input('votesCast'), '1900');
    await typeInto(await input('results_1_votes'), '1550');
    await typeInto(await input('note'), '');
    await click(await found('[data-testid="election-correct-form-ok"]'));
    await waitFor(() => expect(patches(calls, E12)).toHaveLength(1));
    expect(patches(calls, E12)[0]).toEqual({ votesCast: 1900, results: [{ workerId: 8, votes: 1550 }], note: null });
    expect(sentIfMatch(calls, 'PATCH', E12)).toEqual(['"e12-1"']);
    // the dialog closes, the drawer reads the record again
    await waitFor(() => expect(document.querySelector('[data-testid="election-correct-form"]')).toBeNull());
    await waitFor(() => expect(textOf('election-drawer')).toContain('1900'));
    expect(textOf('election-results')).toContain('1550');
  });

  it('nothing changed: says so and sends nothing; votes cast above the voters is refused before sending', async () => {
    const { calls } = render(xihuHr, { ...listed(two), [`GET ${E12}`]: () => json(200, two, { ETag: '"e12-1"' }) });
    await openCorrection(12);
    await click(await found('[data-testid="election-correct-form-ok"]'));
    await waitFor(() => expect(document.body.textContent).toContain('Nothing to correct'));
    await typeInto(await input('votesCast'), '2200');
    await click(await found('[data-testid="election-correct-form-ok"]'));
    await waitFor(() => expect(itemOf('votesCast')).toContain(en['elections.votesCastTooMany']));
    expect(patches(calls, E12)).toHaveLength(0);
  });

  it('a refusal lands under the winner it names: results[0] of the body sent is the second winner of the form', async () => {
    const refusal = { code: 'ELECTED_WITHOUT_MAJORITY', message: 'not more than half', details: [{ path: 'results[0].votes', issue: 'not more than half' }] };
    const { calls } = render(xihuHr, { ...listed(two), [`GET ${E12}`]: () => json(200, two, { ETag: '"e12-1"' }), [`PATCH ${E12}`]: () => json(400, refusal) });
    await openCorrection(12);
    await typeInto(await input('results_1_votes'), '900');
    await click(await found('[data-testid="election-correct-form-ok"]'));
    await waitFor(() => expect(patches(calls, E12)).toEqual([{ results: [{ workerId: 8, votes: 900 }] }]));
    await waitFor(() => expect(itemOf('results_1_votes')).toContain('A winner needs more than half of the votes cast'));
    expect(itemOf('results_0_votes')).not.toContain('more than half');
    // the dialog stays open for the fix
    expect(document.querySelector('[data-testid="election-correct-form"]')).not.toBeNull();
  });

  it('a back-filled election says it is completed in one go: one count alone is refused in the form, all of them are sent together', async () => {
    const { calls } = render(xihuHr, {
      ...listed(backfilled),
      [`GET ${E14}`]: () => json(200, backfilled, { ETag: '"e14-1"' }),
      [`PATCH ${E14}`]: () => json(200, { ...backfilled, method: 'DIRECT' }, { ETag: '"e14-2"' }),
    });
    await openCorrection(14);
    expect(textOf('election-correct-backfilled')).toContain(en['elections.correctBackfilled']);
    expect((await input('eligibleVoters')).value).toBe('');
    expect((await input('results_0_votes')).value).toBe('');

    await typeInto(await input('eligibleVoters'), '1800');
    await click(await found('[data-testid="election-correct-form-ok"]'));
    await waitFor(() => expect(itemOf('votesCast')).toContain(en['elections.correctAllTogether']));
    expect(itemOf('results_1_votes')).toContain(en['elections.correctAllTogether']);
    expect(patches(calls, E14)).toHaveLength(0);

    await chooseOption(await input('method'), en['elections.method.DIRECT']);
    await typeInto(await input('votesCast'), '1320');
    await typeInto(await input('results_0_votes'), '1000');
    await typeInto(await input('results_1_votes'), '900');
    await click(await found('[data-testid="election-correct-form-ok"]'));
    await waitFor(() => expect(patches(calls, E14)).toHaveLength(1));
    expect(patches(calls, E14)[0]).toEqual({
      method: 'DIRECT', eligibleVoters: 1800, votesCast: 1320, results: [{ workerId: 7, votes: 1000 }, { workerId: 8, votes: 900 }],
    });
    expect(sentIfMatch(calls, 'PATCH', E14)).toEqual(['"e14-1"']);
  });

  it('a record changed meanwhile (412) shows the stale notice; 重新载入 reads it again and the next save carries the new ETag', async () => {
    let reads = 0;
    let saves = 0;
    const { calls } = render(xihuHr, {
      ...listed(two),
      [`GET ${E12}`]: () => (++reads === 1 ? json(200, two, { ETag: '"e12-1"' }) : json(200, { ...two, eligibleVoters: 2000 }, { ETag: '"e12-2"' })),
      [`PATCH ${E12}`]: () => (++saves === 1 ? json(412, STALE) : json(200, two, { ETag: '"e12-3"' })),
    });
    await openCorrection(12);
    await typeInto(await input('votesCast'), '1800');
    await click(await found('[data-testid="election-correct-form-ok"]'));
    await waitFor(() => expect(textOf('election-correct-stale')).toContain('This record changed since you opened it'));

    await click(await found('[data-testid="election-correct-stale-reload"]'));
    // the form starts again from the stored record
    await waitFor(() => expect(valueOf('eligibleVoters')).toBe('2000'));
    expect((await input('votesCast')).value).toBe('1890');
    expect(document.querySelector('[data-testid="election-correct-stale"]')).toBeNull();
    await typeInto(await input('votesCast'), '1800');
    await click(await found('[data-testid="election-correct-form-ok"]'));
    await waitFor(() => expect(sentIfMatch(calls, 'PATCH', E12)).toEqual(['"e12-1"', '"e12-2"']));
    expect(patches(calls, E12)).toEqual([{ votesCast: 1800 }, { votesCast: 1800 }]);
  });

  it('a role that may not record elections (auditor) opens the record without 更正', async () => {
    render(auditor, { ...listed(two), [`GET ${E12}`]: () => json(200, two, { ETag: '"e12-1"' }) });
    await waitFor(() => expect(textOf('signed-in')).toBe('auditor'));
    await click(await found('[data-testid="election-open-12"]'));
    await waitFor(() => expect(textOf('election-results')).toContain('李明'));
    expect(document.querySelector('[data-testid="election-correct"]')).toBeNull();
  });
});
