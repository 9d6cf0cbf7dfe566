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
