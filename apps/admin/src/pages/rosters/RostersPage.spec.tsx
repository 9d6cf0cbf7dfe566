import { App } from 'antd';
import { describe, expect, it } from 'vitest';
import { click, json, renderApp, scriptedFetch, waitFor, xihuHr } from '../../test-utils';
import { RostersPage } from './RostersPage';

const running = { id: 7, month: '2027-01', scope: '330106', status: 'RUNNING', total: 18, queued: 11, solved: 6, failed: 1, progress: 38 };

describe('RostersPage', () => {
  it('generating every centre while a generation of the month runs follows the running one (409 GENERATION_IN_PROGRESS)', async () => {
    const { fetch, calls } = scriptedFetch({
      'GET /api/workers/v1/auth/me': () => xihuHr,
      'POST /api/scheduler/v1/rosters/generate': () =>
        json(409, { code: 'GENERATION_IN_PROGRESS', message: 'generation 7 of 2027-01 is still solving centres in this scope', details: [], generationId: 7 }),
      'GET /api/scheduler/v1/rosters/generations/7': () => running,
    });
    const { container } = renderApp(<App><RostersPage /></App>, { fetch, locale: 'en' });

    await click(container.querySelector('[data-testid="roster-generate-all"]'));

    await waitFor(() => expect(container.querySelector('[data-testid="generation-progress"]')?.textContent).toContain('6 of 18 centres solved, 1 failed'));
    expect(document.body.textContent).toContain('A generation of this month is already running');
    expect(calls.filter((c) => c.url.pathname.endsWith('/rosters/generate'))).toHaveLength(1);
  });

  it('once a generation is done, the versions below are the drafts it made', async () => {
    const done = { ...running, status: 'DONE', queued: 0, solved: 17, progress: 100 };
    const { fetch, calls } = scriptedFetch({
      'GET /api/workers/v1/auth/me': () => xihuHr,
      'POST /api/scheduler/v1/rosters/generate': () => json(201, { ...running, status: 'RUNNING' }),
      'GET /api/scheduler/v1/rosters/generations/7': () => done,
      'GET /api/scheduler/v1/rosters': () => ({ items: [], nextAfter: null }),
    });
    const { container } = renderApp(<App><RostersPage /></App>, { fetch, locale: 'en' });
    const lists = () => calls.filter((c) => c.url.pathname === '/api/scheduler/v1/rosters').map((c) => c.url.searchParams.get('generation'));
    await waitFor(() => expect(lists()).toEqual([null]));

    await click(container.querySelector('[data-testid="roster-generate-all"]'));

    await waitFor(() => expect(lists()).toEqual([null, '7']));
    expect(container.querySelector('[data-testid="versions-generation"]')?.textContent).toBe('Made by generation #7');
  });

  it('another refusal of the generation is shown as an error, and no progress appears', async () => {
    const { fetch } = scriptedFetch({
      'GET /api/workers/v1/auth/me': () => xihuHr,
      'POST /api/scheduler/v1/rosters/generate': () => json(403, { code: 'FORBIDDEN', message: 'no', details: [] }),
    });
    const { container } = renderApp(<App><RostersPage /></App>, { fetch, locale: 'en' });

    await click(container.querySelector('[data-testid="roster-generate-all"]'));

    await waitFor(() => expect(document.body.querySelector('.ant-message-error')).not.toBeNull());
    expect(container.querySelector('[data-testid="generation-progress"]')).toBeNull();
  });
});
