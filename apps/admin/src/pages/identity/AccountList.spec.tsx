import { describe, expect, it } from 'vitest';
import type { Me } from '../../api/types';
import { json, renderApp, scriptedFetch, waitFor } from '../../test-utils';
import { ApiClientsPage } from './ApiClientsPage';
import { UsersPage } from './UsersPage';

const cityAdmin: Me = { kind: 'user', id: 'u0', name: 'city-admin', roles: ['CITY_ADMIN'], scope: { level: 'CITY' }, permissions: [] };
const users = [{ id: 'u2', username: 'gongshu-hr', displayName: '拱墅区人社科', roles: ['DISTRICT_HR'], scopeLevel: 'DISTRICT', scopeDistrict: '330105', scopeStreet: null, active: true, createdAt: '2026-03-02T08:15:00.000Z' }];
const clients = [{ id: 'c1', clientId: 'xihu-finance-bureau', name: '西湖区财政局', scopeLevel: 'DISTRICT', scopeDistrict: '330106', permissions: ['budget:read'], active: true, createdAt: '2026-03-02T08:15:00.000Z' }];

describe.each([
  { page: <UsersPage />, path: '/api/workers/v1/users', testId: 'users', create: 'new-user', rows: users, shown: 'gongshu-hr' },
  { page: <ApiClientsPage />, path: '/api/workers/v1/api-clients', testId: 'api-clients', create: 'new-api-client', rows: clients, shown: 'xihu-finance-bureau' },
])('the $testId list', ({ page, path, testId, create, rows, shown }) => {
  it('lists the accounts under its create button', async () => {
    const { fetch } = scriptedFetch({ 'GET /api/workers/v1/auth/me': () => cityAdmin, [`GET ${path}`]: () => rows });
    const { container } = renderApp(page, { fetch });
    await waitFor(() => expect(container.querySelector(`[data-testid="${testId}-table"]`)?.textContent).toContain(shown));
    expect(container.querySelector(`[data-testid="${testId}-page"] [data-testid="${create}"]`)).not.toBeNull();
  });

  it('shows a failed list in place of the table', async () => {
    const { fetch } = scriptedFetch({ 'GET /api/workers/v1/auth/me': () => cityAdmin, [`GET ${path}`]: () => json(403, { code: 'FORBIDDEN', message: 'no', details: [] }) });
    const { container } = renderApp(page, { fetch });
    await waitFor(() => expect(container.querySelector('[data-testid="query-error"]')?.textContent).toContain('您没有执行此操作的权限'));
    expect(container.querySelector(`[data-testid="${testId}-table"]`)).toBeNull();
    expect(container.querySelector(`[data-testid="${create}"]`)).not.toBeNull();
  });
});
