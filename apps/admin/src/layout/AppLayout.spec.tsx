import { describe, expect, it } from 'vitest';
import { renderApp, scriptedFetch, waitFor, xihuHr } from '../test-utils';
import { AppLayout } from './AppLayout';

const districts = () => [{ code: '330106', name: '西湖区' }];

describe('AppLayout header', () => {
  it("shows the user's display name (the username stays in the tooltip)", async () => {
    const { fetch } = scriptedFetch({
      'GET /api/workers/v1/auth/me': () => ({ ...xihuHr, displayName: '西湖区人事专员' }),
      'GET /api/workers/v1/districts': districts,
    });
    const { container } = renderApp(<AppLayout />, { fetch });
    const name = () => container.querySelector('[data-testid="current-user-name"]');
    await waitFor(() => expect(name()?.textContent).toBe('西湖区人事专员'));
    expect(name()?.getAttribute('title')).toBe('xihu-hr');
    await waitFor(() => expect(container.querySelector('[data-testid="current-scope"]')?.textContent).toContain('西湖区'));
  });

  it('falls back to the username when there is no display name', async () => {
    const { fetch } = scriptedFetch({
      'GET /api/workers/v1/auth/me': () => xihuHr,
      'GET /api/workers/v1/districts': districts,
    });
    const { container } = renderApp(<AppLayout />, { fetch });
    await waitFor(() => expect(container.querySelector('[data-testid="current-user-name"]')?.textContent).toBe('xihu-hr'));
  });
});

describe('AppLayout menu', () => {
  const menu = (container: HTMLElement) => [...container.querySelectorAll('[data-testid="side-menu"] .ant-menu-title-content')].map((el) => el.textContent);

  it('offers 日结 to city users who read the budget, not to a district user (the closes are the city’s)', async () => {
    const city = scriptedFetch({
      'GET /api/workers/v1/auth/me': () => ({ ...xihuHr, id: 'u-fin', name: 'finance', roles: ['FINANCE'], scope: { level: 'CITY' } }),
      'GET /api/workers/v1/districts': districts,
    });
    const first = renderApp(<AppLayout />, { fetch: city.fetch });
    await waitFor(() => expect(menu(first.container)).toContain('待处理入账'));
    expect(menu(first.container)).toContain('日结');
    first.unmount();

    const district = scriptedFetch({ 'GET /api/workers/v1/auth/me': () => xihuHr, 'GET /api/workers/v1/districts': districts });
    const second = renderApp(<AppLayout />, { fetch: district.fetch });
    await waitFor(() => expect(menu(second.container)).toContain('待处理入账'));
    expect(menu(second.container)).not.toContain('日结');
  });
});
