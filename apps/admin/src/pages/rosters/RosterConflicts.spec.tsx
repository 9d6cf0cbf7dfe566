import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { found, json, renderPageAs, waitFor, xihuHr } from '../../test-utils';
import { RosterConflicts } from './RosterConflicts';

const CHECK = 'GET /api/scheduler/v1/rosters/31/conflicts';
const names: Record<number, string> = { 101: '周敏', 102: '王芳' };
const nameOf = (id: number) => names[id] ?? `#${id}`;

describe('RosterConflicts: a published roster checked against today’s register', () => {
  it('lists each contradicted shift with the worker, the reason and whether its day is past, and asks for a re-plan of the days ahead', async () => {
    renderPageAs(xihuHr, <RosterConflicts rosterId={31} nameOf={nameOf} />, {
      [CHECK]: () => ({
        rosterId: 31, month: '2026-12', checkedAt: '2026-12-03T01:00:00.000Z',
        conflicts: [
          { workerId: 101, date: '2026-12-02', shift: 'EARLY', reason: 'NOT_AVAILABLE', past: true },
          { workerId: 101, date: '2026-12-05', shift: 'LATE', reason: 'NOT_AVAILABLE', past: false },
          { workerId: 102, date: '2026-12-09', shift: 'MID', reason: 'UNAVAILABLE_REQUEST', past: false },
        ],
      }),
    });
    const box = await found('[data-testid="roster-conflicts"]');
    expect(box.textContent).toContain(en['rosters.conflictsTitle'].replace('{n}', '3'));
    expect(box.textContent).toContain(en['rosters.conflictsReplan'].replace('{n}', '2'));
    const rows = [...box.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim()));
    expect(rows).toEqual([
      [`2026-12-02 ${en['rosters.conflictPast']}`, '周敏', 'EARLY', en['rosters.conflict.NOT_AVAILABLE']],
      ['2026-12-05', '周敏', 'LATE', en['rosters.conflict.NOT_AVAILABLE']],
      ['2026-12-09', '王芳', 'MID', en['rosters.conflict.UNAVAILABLE_REQUEST']],
    ]);
  });

  it('shows nothing when the roster agrees with the register', async () => {
    const { calls } = renderPageAs(xihuHr, <RosterConflicts rosterId={31} nameOf={nameOf} />, {
      [CHECK]: () => ({ rosterId: 31, month: '2026-12', checkedAt: '2026-12-03T01:00:00.000Z', conflicts: [] }),
    });
    await waitFor(() => expect(calls.some((c) => c.url.pathname.endsWith('/rosters/31/conflicts'))).toBe(true));
    await new Promise((r) => setTimeout(r, 50));
    expect(document.querySelector('[data-testid="roster-conflicts"]')).toBeNull();
  });

  it('says so when the check could not be made (the workers service did not answer), rather than nothing', async () => {
    renderPageAs(xihuHr, <RosterConflicts rosterId={31} nameOf={nameOf} />, {
      [CHECK]: () => json(503, { code: 'WORKFORCE_UNAVAILABLE', message: 'the workers service could not be reached', details: [] }),
    });
    const box = await found('[data-testid="roster-conflicts"]');
    await waitFor(() => expect(box.querySelector('[data-testid="query-error"]')).not.toBeNull(), 5000);
    expect(box.querySelector('tbody')).toBeNull();
  });
});
