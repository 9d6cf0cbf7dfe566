import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { dateTime } from '../../lib/format';
import { found, json, renderPageAs, waitFor, xihuHr } from '../../test-utils';
import { RostersToReplan } from './RostersToReplan';

const LIST = 'GET /api/scheduler/v1/rosters/to-replan';
const COMMUNITIES = 'GET /api/workers/v1/communities';
const checkedAt = '2026-12-03T01:00:00.000Z';

describe('RostersToReplan: the published rosters the register now contradicts', () => {
  it('names each centre, its month and version, how many shifts ahead no longer hold and when it was checked, and opens the roster', async () => {
    const { calls } = renderPageAs(xihuHr, <RostersToReplan />, {
      [LIST]: () => ({
        items: [
          { rosterId: 31, community: '330106001001', month: '2026-12', version: 2, conflictsAhead: 4, checkedAt },
          { rosterId: 45, community: '330106001009', month: '2027-01', version: 1, conflictsAhead: 1, checkedAt },
        ],
      }),
      [COMMUNITIES]: () => [{ code: '330106001001', name: '翠苑一区社区' }],
    });
    const box = await found('[data-testid="rosters-to-replan"]');
    expect(box.textContent).toContain(en['rosters.toReplanTitle'].replace('{n}', '2'));
    const rows = () => [...box.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim()));
    // a community the list of names does not hold shows its code
    await waitFor(() => expect(rows()).toEqual([
      ['翠苑一区社区', '2026-12', 'v2', '4', dateTime(checkedAt), en['rosters.openToReplan']],
      ['330106001009', '2027-01', 'v1', '1', dateTime(checkedAt), en['rosters.openToReplan']],
    ]));
    expect(box.querySelector('[data-testid="to-replan-open-45"]')).not.toBeNull();
    expect(calls.filter((c) => c.url.pathname.endsWith('/rosters/to-replan'))).toHaveLength(1);
  });

  it('says nothing when every published roster holds', async () => {
    const { calls } = renderPageAs(xihuHr, <RostersToReplan />, { [LIST]: () => ({ items: [] }), [COMMUNITIES]: () => [] });
    await waitFor(() => expect(calls.some((c) => c.url.pathname.endsWith('/rosters/to-replan'))).toBe(true));
    await waitFor(() => expect(document.body.querySelector('.ant-spin')).toBeNull());
    expect(document.querySelector('[data-testid="rosters-to-replan"]')).toBeNull();
  });

  it('a list that cannot be read says so instead of saying nothing', async () => {
    renderPageAs(xihuHr, <RostersToReplan />, {
      [LIST]: () => json(503, { code: 'SERVICE_UNAVAILABLE', message: 'down', details: [] }),
      [COMMUNITIES]: () => [],
    });
    const box = await found('[data-testid="rosters-to-replan"]');
    await waitFor(() => expect(box.querySelector('[data-testid="query-error"]')?.textContent).toContain(en['common.error']));
    expect(box.querySelector('.ant-alert-warning')).toBeNull();
  });
});
