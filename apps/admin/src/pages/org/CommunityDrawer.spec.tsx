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

describe('CommunityDrawer: 删除 (a community created by mistake)', () => {
  it('district HR deletes an empty community after confirming; the tree hears of it and the drawer closes', async () => {
    const deleted: string[] = [];
    let closed = false;
    const { calls } = renderPageAs(
      xihuHr,
      <CommunityDrawer code={CODE} onClose={() => (closed = true)} onDeleted={(c) => deleted.push(c.code)} />,
      { ...routes(() => community()), [`DELETE ${C}`]: () => new Response(null, { status: 204 }) },
    );
    await click(await found('[data-testid="community-delete"]'));
    await click(await found('[data-testid="community-delete-ok"]'));
    await waitFor(() => expect(deleted).toEqual([CODE]));
    expect(closed).toBe(true);
    expect(calls.filter((c) => c.init.method === 'DELETE').map((c) => c.url.pathname)).toEqual([C]);
  });

  it('a refusal says why: records that name the community keep it (COMMUNITY_IN_USE)', async () => {
    renderPageAs(xihuHr, <CommunityDrawer code={CODE} onClose={() => undefined} />, {
      ...routes(() => community()),
      [`DELETE ${C}`]: () => json(409, { code: 'COMMUNITY_IN_USE', message: 'in use', details: [], uses: { elections: 1, vacancies: 0, trainingClasses: 0 } }),
    });
    await click(await found('[data-testid="community-delete"]'));
    await click(await found('[data-testid="community-delete-ok"]'));
    await waitFor(() => expect(document.body.textContent).toContain('Elections, vacancies or training name this community; deactivate it instead'));
  });

  it('no 删除 where the register has workers', async () => {
    renderPageAs(xihuHr, <CommunityDrawer code={CODE} onClose={() => undefined} />, { ...routes(() => community()), 'GET /api/workers/v1/workers': () => ({ items: [], nextAfter: null, total: 3 }) });
    await waitFor(() => expect(textOf('community-headcount')).toBe('3'));
    expect(document.querySelector('[data-testid="community-delete"]')).toBeNull();
  });

  it('no 删除 for a street HR user (the route allows city admins and district HR)', async () => {
    const streetHr: Me = { ...xihuHr, id: 'u-st', name: 'street-hr', roles: ['STREET_HR'], scope: { level: 'STREET', district: '330106', street: '330106001' } };
    renderPageAs(streetHr, <CommunityDrawer code={CODE} onClose={() => undefined} />, routes(() => community()));
    await waitFor(() => expect(textOf('community-headcount')).toBe('0'));
    await waitFor(() => expect(textOf('signed-in')).toBe('street-hr'));
    expect(document.querySelector('[data-testid="community-delete"]')).toBeNull();
  });
});
