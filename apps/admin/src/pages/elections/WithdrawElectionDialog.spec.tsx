import type { ElectionView, ElectionWithdrawalView } from '@cws/workers-contracts';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { click, found, json, sentBodies, sentIfMatch, textOf, typeInto, waitFor, xihuHr } from '../../test-utils';
import { auditor, type Calls, election, finance, listed, openFromDrawer, render, STALE, W } from './electionsSpecKit';

/** A committee re-election with two winners (posts #89, #90), read with ETag "e12-1". */
const wrong = election(12, {
  bodyKind: 'COMMITTEE', method: 'DIRECT',
  results: [
    { workerId: 7, workerName: '张丽华', role: 'DIRECTOR', votes: 1600, appointmentId: 89 },
    { workerId: 8, workerName: '李明', role: 'MEMBER', votes: 1500, appointmentId: 90 },
  ],
});
const withdrawn = (e: ElectionView, reason = '误登记：当选人填错'): ElectionView => ({
  ...e, withdrawn: { at: '2026-11-30T02:00:00.000Z', by: 'u1', byName: '西湖区人事专员', reason },
});
const E12 = `${W}/elections/12`;
const WITHDRAW12 = `${E12}/withdraw`;
const withdrawals = (calls: Calls) => sentBodies(calls, 'POST', WITHDRAW12);
const form = (sel = '') => found(`[data-testid="election-withdraw-form"]${sel ? ` ${sel}` : ''}`);
const reasonItem = () => document.querySelector('[data-testid="election-withdraw-form"] #reason')?.closest('.ant-form-item')?.textContent ?? '';

async function withdrawWith(reason: string) {
  await typeInto(await form('#reason'), reason);
  await click(await found('[data-testid="election-withdraw-form-ok"]'));
}

describe('ElectionsPage: 撤销登记 (withdrawing an election recorded in error)', () => {
  it('says what happens, sends { reason } with the read’s ETag; the notice names the grades and posts to review; list and drawer show it withdrawn', async () => {
    let stored = wrong;
    const result: ElectionWithdrawalView = {
      election: withdrawn(wrong), voidedAppointments: [89, 90], reopenedAppointments: [61, 62], gradesRestored: [8], gradesToReview: [7], appointmentsToReview: [63], voidedEvents: [40, 41],
    };
    const { calls } = render(xihuHr, {
      [`GET ${W}/elections`]: () => [stored],
      [`GET ${E12}`]: () => json(200, stored, { ETag: stored === wrong ? '"e12-1"' : '"e12-2"' }),
      [`POST ${WITHDRAW12}`]: () => {
        stored = withdrawn(wrong);
        return json(200, result);
      },
    });
    await openFromDrawer(12, 'election-withdraw');
    // plainly: the posts it voids (by winner), the re-election's ended posts run on, band changes undone
    expect(textOf('election-withdraw-posts')).toBe(`张丽华（${en['enum.role.DIRECTOR']}） #89、李明（${en['enum.role.MEMBER']}） #90`);
    expect(textOf('election-withdraw-what')).toContain('voids the 2 post(s) it made');
    expect(textOf('election-withdraw-what')).toContain(en['elections.withdrawReopens']);
    expect(textOf('election-withdraw-what')).toContain(en['elections.withdrawBands']);

    await withdrawWith('  误登记：当选人填错 ');
    await waitFor(() => expect(withdrawals(calls)).toEqual([{ reason: '误登记：当选人填错' }]));
    expect(sentIfMatch(calls, 'POST', WITHDRAW12)).toEqual(['"e12-1"']);

    await waitFor(() => expect(document.querySelector('[data-testid="election-withdraw-form"]')).toBeNull());
    expect(textOf('election-withdrawal-result')).toContain('Election withdrawn: 2 post(s) voided, 2 reopened, 1 band change(s) undone, 2 promotion(s) marked voided');
    // the worker whose grade moved on is named (and opens), the post that could not be reopened is listed
    expect(textOf('withdrawal-grades-to-review')).toBe(`${en['elections.gradesToReview']} 张丽华`);
    expect(document.querySelector('[data-testid="withdrawal-grades-to-review"] a')?.getAttribute('href')).toBe('/workers/7');
    expect(textOf('withdrawal-posts-to-review')).toContain('#63');
    // the drawer and the list read again: withdrawn, by whom and why; its posts voided; no second withdrawal
    await waitFor(() => expect(textOf('election-withdrawn')).toContain('Withdrawn by 西湖区人事专员'));
    expect(textOf('election-withdrawn')).toContain('Reason: 误登记：当选人填错');
    expect(textOf('election-results')).toContain('#89Voided');
    expect(document.querySelector('[data-testid="election-withdraw"]')).toBeNull();
    await waitFor(() => expect(textOf('election-withdrawn-12')).toBe(en['elections.withdrawnTag']));
  });

  it('a reason under 2 characters is refused in the form; the service’s own refusal of the reason lands on the field', async () => {
    const refusal = { code: 'VALIDATION_FAILED', message: 'invalid', details: [{ path: 'reason', issue: 'reason must be longer than or equal to 2 characters' }] };
    const { calls } = render(xihuHr, { ...listed(wrong), [`GET ${E12}`]: () => json(200, wrong, { ETag: '"e12-1"' }), [`POST ${WITHDRAW12}`]: () => json(400, refusal) });
    await openFromDrawer(12, 'election-withdraw');
    await withdrawWith(' x ');
    await waitFor(() => expect(reasonItem()).toContain(en['elections.withdrawReasonLength']));
    await withdrawWith('');
    await waitFor(() => expect(reasonItem()).toContain(en['elections.withdrawReasonLength']));
    expect(withdrawals(calls)).toHaveLength(0);

    await withdrawWith('误登记');
    await waitFor(() => expect(withdrawals(calls)).toHaveLength(1));
    await waitFor(() => expect(reasonItem()).toContain('Wrong length'));
    expect(document.querySelector('[data-testid="election-withdraw-form"]')).not.toBeNull();
  });

  it('409 ELECTION_HAS_BY_ELECTIONS names the elections to withdraw first, each opens in the drawer', async () => {
    const refusal = { code: 'ELECTION_HAS_BY_ELECTIONS', message: 'withdraw the by-elections of this term first (15, 16)', details: [], electionIds: [15, 16] };
    const by = election(15, { kind: 'BY_ELECTION', regularElectionId: 12, bodyKind: 'COMMITTEE', method: 'DIRECT', results: [{ workerId: 9, workerName: '王芳', role: 'MEMBER', votes: 800, appointmentId: 95 }] });
    render(xihuHr, {
      ...listed(wrong, by),
      [`GET ${E12}`]: () => json(200, wrong, { ETag: '"e12-1"' }),
      [`GET ${W}/elections/15`]: () => json(200, by, { ETag: '"e15-1"' }),
      [`POST ${WITHDRAW12}`]: () => json(409, refusal),
    });
    await openFromDrawer(12, 'election-withdraw');
    await withdrawWith('误登记：当选人填错');
    await waitFor(() => expect(textOf('election-withdraw-first')).toContain('By-elections of this term are on record: withdraw them first'));
    expect(textOf('election-withdraw-first')).toContain(`${en['elections.withdrawFirst']}#15#16`);

    await click(await found('[data-testid="election-withdraw-first-15"]'));
    await waitFor(() => expect(textOf('election-results')).toContain('王芳'));
    expect(document.querySelector('[data-testid="election-withdraw-form"]')).toBeNull();
  });

  it('a record changed meanwhile (412) shows the stale notice; 重新载入 keeps the reason and the next send carries the new ETag', async () => {
    let reads = 0;
    let sends = 0;
    const { calls } = render(xihuHr, {
      ...listed(wrong),
      [`GET ${E12}`]: () => json(200, { ...wrong, note: reads > 0 ? '已更正' : null }, { ETag: `"e12-${++reads}"` }),
      [`POST ${WITHDRAW12}`]: () => (++sends === 1 ? json(412, STALE) : json(200, { election: withdrawn(wrong), voidedAppointments: [89, 90], reopenedAppointments: [], gradesRestored: [], gradesToReview: [], appointmentsToReview: [], voidedEvents: [] })),
    });
    await openFromDrawer(12, 'election-withdraw');
    await withdrawWith('误登记：当选人填错');
    await waitFor(() => expect(textOf('election-withdraw-stale')).toContain('This record changed since you opened it'));

    await click(await found('[data-testid="election-withdraw-stale-reload"]'));
    await waitFor(() => expect(document.querySelector('[data-testid="election-withdraw-stale"]')).toBeNull());
    expect(((await form('#reason')) as HTMLTextAreaElement).value).toBe('误登记：当选人填错');
    await click(await found('[data-testid="election-withdraw-form-ok"]'));
    await waitFor(() => expect(sentIfMatch(calls, 'POST', WITHDRAW12)).toEqual(['"e12-1"', '"e12-2"']));
    // nothing to review: a plain success
    await waitFor(() => expect(textOf('election-withdrawal-result')).toContain('2 post(s) voided, 0 reopened'));
    expect(document.querySelector('[data-testid="withdrawal-grades-to-review"]')).toBeNull();
  });

  it('重新载入 on a record withdrawn meanwhile closes the dialog; the drawer shows it withdrawn', async () => {
    let reads = 0;
    render(xihuHr, {
      ...listed(wrong),
      [`GET ${E12}`]: () => (++reads === 1 ? json(200, wrong, { ETag: '"e12-1"' }) : json(200, withdrawn(wrong), { ETag: '"e12-2"' })),
      [`POST ${WITHDRAW12}`]: () => json(412, STALE),
    });
    await openFromDrawer(12, 'election-withdraw');
    await withdrawWith('误登记：当选人填错');
    await click(await found('[data-testid="election-withdraw-stale-reload"]'));
    await waitFor(() => expect(document.querySelector('[data-testid="election-withdraw-form"]')).toBeNull());
    await waitFor(() => expect(textOf('election-withdrawn')).toContain('Withdrawn by 西湖区人事专员'));
    expect(document.querySelector('[data-testid="election-withdraw"]')).toBeNull();
  });

  it('a withdrawn election is tagged in the list; its drawer says who withdrew it and why, its posts read voided, no 更正 or 撤销登记', async () => {
    const done = withdrawn(wrong, '社区代码填错');
    render(xihuHr, { ...listed(done), [`GET ${E12}`]: () => json(200, done, { ETag: '"e12-3"' }) });
    await waitFor(() => expect(textOf('election-withdrawn-12')).toBe(en['elections.withdrawnTag']));
    await click(await found('[data-testid="election-open-12"]'));
    await waitFor(() => expect(textOf('election-withdrawn')).toContain('Withdrawn by 西湖区人事专员'));
    expect(textOf('election-withdrawn')).toContain('Reason: 社区代码填错');
    expect(textOf('election-results')).toContain('#90Voided');
    // kept as withdrawn: neither corrected (the service 409s ELECTION_WITHDRAWN) nor withdrawn again
    expect(document.querySelector('[data-testid="election-correct"]')).toBeNull();
    expect(document.querySelector('[data-testid="election-withdraw"]')).toBeNull();
  });

  it.each([['auditor', auditor], ['finance', finance]])('a read-only role (%s) sees no 撤销登记', async (name, me) => {
    render(me, { ...listed(wrong), [`GET ${E12}`]: () => json(200, wrong, { ETag: '"e12-1"' }) });
    await waitFor(() => expect(textOf('signed-in')).toBe(name));
    await click(await found('[data-testid="election-open-12"]'));
    await waitFor(() => expect(textOf('election-results')).toContain('李明'));
    expect(document.querySelector('[data-testid="election-withdraw"]')).toBeNull();
    expect(document.querySelector('[data-testid="election-withdrawn"]')).toBeNull();
  });
});
