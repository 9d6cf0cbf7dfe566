import { describe, expect, it } from 'vitest';
import type { Community } from '../../api/types';
import { renderApp, scriptedFetch, waitFor, xihuHr } from '../../test-utils';
import { DashboardPage } from './DashboardPage';

const community = (code: string, name: string, floorArea: string, activityArea: string): Community => ({
  code, name, districtCode: '330106', streetCode: '330106001', households: 1000, population: 3000, floorArea, activityArea, facilities: null, active: true, version: 1,
});

describe('DashboardPage', () => {
  it('counts the org in scope and flags communities below the 60 % activity-area share', async () => {
    const { fetch } = scriptedFetch({
      'GET /api/workers/v1/auth/me': () => xihuHr,
      'GET /api/workers/v1/districts': () => [{ code: '330106', name: '西湖区' }],
      'GET /api/workers/v1/streets': () => [{ code: '330106001', name: '翠苑街道', districtCode: '330106' }],
      'GET /api/workers/v1/communities': () => [
        community('330106001001', '翠苑一区社区', '800.00', '520.00'),
        community('330106001002', '翠苑二区社区', '800.00', '479.99'),
      ],
    });
    const { container } = renderApp(<DashboardPage />, { fetch, locale: 'en' });

    await waitFor(() => expect(container.querySelector('[data-testid="low-share-table"]')?.textContent).toContain('翠苑二区社区'));
    expect(container.querySelector('[data-testid="low-share-table"]')?.textContent).not.toContain('翠苑一区社区');
    expect(container.querySelector('[data-testid="low-share-table"]')?.textContent).toContain('60.0%');
    expect(container.querySelector('[data-testid="district-table"]')?.textContent).toContain('西湖区');
    expect(container.querySelector('[data-testid="stat-communities"]')?.textContent).toContain('2');
    expect(container.querySelector('[data-testid="stat-low-share"]')?.textContent).toContain('1');
  });
});
