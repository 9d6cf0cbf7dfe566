import { describe, expect, it } from 'vitest';
import type { Me } from '../../api/types';
import { click, found, json, renderPageAs, sentBodies, textOf, typeInto, waitFor, xihuHr } from '../../test-utils';
import { CommunityDrawer } from './CommunityDrawer';

const CODE = '330106001001';
const C = `/api/workers/v1/communities/${CODE}`;
const auditor: Me = { ...xihuHr, id: 'u-aud', name: 'auditor', roles: ['AUDITOR'] };
const community = (over: Record<string, unknown> = {}) => ({
  code: CODE, name: '翠苑一区社区', districtCode: '330106', streetCode: '330106001', households: 3200, population: 8300, floorArea: '800.00', activityArea: '520.00',
  facilities: null, active: true, version: 4, bodies: [], ...over,
});
const routes = (current: () => ReturnType<typeof community>, patch?: (body: Record<string, unknown>) => unknown) => ({
  [`GET ${C}`]: current,
  'GET /api/workers/v1/workers': () => ({ items: [], nextAfter: null, total: 0 }),
  ...(patch ? { [`PATCH ${C}`]: (_: URL, init: RequestInit) => patch(JSON.parse(String(init.body))) } : {}),
});

describe('CommunityDrawer: 编辑概况 (households, population, areas)', () => {
  it('HR corrects the areas with the version read; the form says the share it would make; the drawer shows the new figures', async () => {
    let current = community();
    const { calls } = renderPageAs(xihuHr, <CommunityDrawer code={CODE} onClose={() => undefined} />, routes(() => current, (body) => (current = community({ ...body, version: 5 }))));
    await waitFor(() => expect(textOf('activity-share')).toBe('65.0%'));
    await click(await found('[data-testid="community-edit-profile"]'));
    const form = await found('[data-testid="community-profile-form"]');
    await typeInto(form.querySelector('#activityArea')!, '4x');
    await click(document.querySelector('[data-testid="community-profile-form-ok"]'));
    await waitFor(() => expect(form.querySelector('#activityArea_help')?.textContent).toBe('An area in m², at most two decimals'));
    await typeInto(form.querySelector('#activityArea')!, '479.99');
    await waitFor(() => expect(form.querySelector('#activityArea_extra')?.textContent).toBe('The residents’ share would be 60.0%'));
    await click(document.querySelector('[data-testid="community-profile-form-ok"]'));
    await waitFor(() => expect(sentBodies(calls, 'PATCH', C)).toEqual([{ version: 4, households: 3200, population: 8300, floorArea: '800.00', activityArea: '479.99' }]));
    await waitFor(() => expect(textOf('activity-share')).toBe('60.0%'));
  });

  it('a concurrent change is refused with its text', async () => {
    renderPageAs(xihuHr, <CommunityDrawer code={CODE} onClose={() => undefined} />, routes(() => community(), () => json(409, { code: 'STALE_VERSION', message: 'stale', details: [] })));
    await click(await found('[data-testid="community-edit-profile"]'));
    await found('[data-testid="community-profile-form"]');
    await click(document.querySelector('[data-testid="community-profile-form-ok"]'));
    await waitFor(() => expect(document.body.textContent).toContain('Someone else changed this record; reload and try again'));
  });

  it('an auditor reads the profile but has no edit', async () => {
    renderPageAs(auditor, <CommunityDrawer code={CODE} onClose={() => undefined} />, routes(() => community()));
    await waitFor(() => expect(textOf('activity-share')).toBe('65.0%'));
    expect(document.querySelector('[data-testid="community-edit-profile"]')).toBeNull();
  });
});
