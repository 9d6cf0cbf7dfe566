import { describe, expect, it } from 'vitest';
import type { PostRow, WorkerDetail } from '../../../api/types';
import { en } from '../../../i18n/en';
import { act } from 'react';
import { chooseOption, click, found, renderApp, scriptedFetch, textOf, waitFor, xihuHr } from '../../../test-utils';
import { PostsTab } from './PostsTab';

const post = (p: Partial<PostRow>): PostRow => ({
  id: 1, bodyKind: 'STATION', role: 'STAFF', band: 'OTHER', isPrimary: false, obtainedBy: 'APPOINTMENT', from: '2020-01-01', to: null, endReason: null, communityCode: '330106001001', electionId: null, termEnd: null, ...p,
});
/** An election withdrawn in error voided a post starting in 2030: it ends the day before it starts. */
const voided = post({
  id: 89, bodyKind: 'COMMITTEE', role: 'DIRECTOR', band: 'HEAD', isPrimary: true, obtainedBy: 'ELECTION', from: '2030-06-01', to: '2030-05-31',
  endReason: '撤销选举登记 (election 12): 误登记：当选人填错', electionId: 12, termEnd: '2035-05-31',
});
const secretary = post({ id: 61, bodyKind: 'PARTY', role: 'SECRETARY', band: 'HEAD', obtainedBy: 'ELECTION', from: '2022-01-01', electionId: 11, termEnd: '2026-12-31' });
const ended = post({ id: 60, from: '2018-01-01', to: '2021-12-31', endReason: '换届 (election 11)' });
// the tab reads the worker's id, community, status and posts
const worker = { id: 7, status: 'ACTIVE', communityCode: '330106001001', appointments: [voided, secretary, ended] } as WorkerDetail;

describe('PostsTab', () => {
  it('a voided post shows 已撤销 with its start and end reason, never as open: no end button, no cross-appointment', async () => {
    const { fetch } = scriptedFetch({ 'GET /api/workers/v1/auth/me': () => xihuHr });
    renderApp(<PostsTab worker={worker} />, { fetch, locale: 'en' });
    // HR on an active worker: the open post can be ended
    await found('[data-testid="end-post-61"]');
    expect(textOf('post-voided-89')).toBe(en['workers.postVoided']);
    expect(textOf('post-89')).toContain('2030-06-01');
    expect(textOf('post-89')).not.toContain('2030-05-31');
    expect(textOf('post-89')).toContain('撤销选举登记 (election 12): 误登记：当选人填错');
    expect(document.querySelector('[data-testid="end-post-89"]')).toBeNull();
    // the voided committee post is not held beside the party post
    expect(document.querySelector('[data-testid="cross-appointed"]')).toBeNull();
    // posts that were held keep their range and no tag
    await waitFor(() => expect(textOf('post-60')).toContain('2018-01-01 — 2021-12-31'));
    expect(textOf('post-61')).toContain(`2022-01-01 — ${en['common.ongoing']}`);
    expect(document.querySelector('[data-testid="post-voided-60"]')).toBeNull();
  });

  it('offers no recruitment for a post in an elected body (the party organisation, the committee): the API refuses it there', async () => {
    const { fetch } = scriptedFetch({ 'GET /api/workers/v1/auth/me': () => xihuHr });
    renderApp(<PostsTab worker={worker} />, { fetch, locale: 'en' });
    await click(await found('[data-testid="add-post"]'));
    const form = await found('[data-testid="post-form"]');
    const offered = async () => {
      const input = form.querySelector('#obtainedBy')!;
      await act(async () => {
        input.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
      });
      return waitFor(() => {
        const list = document.getElementById(input.getAttribute('aria-controls') ?? '')?.closest('.ant-select-dropdown');
        const titles = [...(list?.querySelectorAll('.ant-select-item-option') ?? [])].map((o) => o.getAttribute('title'));
        if (!titles.length) throw new Error('no options yet');
        return titles;
      });
    };
    // a workstation post may be recruited to
    await chooseOption(form.querySelector('#bodyKind')!, en['org.body.STATION']);
    await chooseOption(form.querySelector('#obtainedBy')!, en['enum.obtainedBy.RECRUITMENT']);
    // switching to the committee drops the recruitment just chosen
    await chooseOption(form.querySelector('#bodyKind')!, en['org.body.COMMITTEE']);
    await waitFor(() => expect(form.querySelector('#obtainedBy')?.closest('.ant-select')?.textContent).toBe(en['enum.obtainedBy.APPOINTMENT']));
    expect(await offered()).toEqual([en['enum.obtainedBy.ELECTION'], en['enum.obtainedBy.APPOINTMENT']]);
  });
});
