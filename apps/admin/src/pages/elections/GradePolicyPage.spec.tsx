import type { GradePolicyRowView } from '@cws/workers-contracts';
import { describe, expect, it } from 'vitest';
import type { Me } from '../../api/types';
import { chooseOption, click, found, json, renderPageAs, type Route, scriptedFetch, sentBodies, textOf, typeDateInto, typeInto, waitFor, xihuHr } from '../../test-utils';
import { GradePolicyPage } from './GradePolicyPage';

const P = '/api/workers/v1/grade-policy';
const admin: Me = { ...xihuHr, id: 'u-city', name: 'city-admin', roles: ['CITY_ADMIN'], scope: { level: 'CITY' } };
const row = (id: number, kind: GradePolicyRowView['kind'], data: Record<string, number>, band: GradePolicyRowView['band'] = null, education: string | null = null): GradePolicyRowView => ({
  id, kind, band, education, data, validFrom: '2024-01-01', validTo: null, sourceRef: '杭民〔2023〕12号',
});
const rows = [row(1, 'ENTRY_GRADE', { baseGrade: 3 }, 'OTHER', 'BACHELOR'), row(2, 'BAND_RANGE', { minGrade: 1, maxGrade: 12 }, 'OTHER'), row(3, 'GRADE_PROGRESSION', { yearsPerStep: 3 })];

const render = (me: Me, extra: Record<string, Route> = {}) => renderPageAs(me, <GradePolicyPage />, { [`GET ${P}`]: () => rows, ...extra });
const field = (id: string) => found(`[data-testid="grade-policy-form"] #${id}`);
const choose = async (id: string, title: string) => chooseOption(await field(id), title);
const posts = (calls: ReturnType<typeof scriptedFetch>['calls']) => sentBodies(calls, 'POST');

describe('GradePolicyPage', () => {
  it('shows the rows in force readably; a non-admin sees no add button', async () => {
    render(xihuHr);
    await waitFor(() => expect(textOf('grade-policy-table')).toContain('grade 3 at entry'));
    expect(textOf('grade-policy-table')).toContain('Bachelor');
    expect(textOf('grade-policy-table')).toContain('grades 1–12');
    expect(textOf('grade-policy-table')).toContain('one grade every 3 years');
    expect(textOf('grade-policy-table')).toContain('杭民〔2023〕12号');
    await waitFor(() => expect(textOf('signed-in')).toBe('xihu-hr'));
    expect(document.querySelector('[data-testid="grade-policy-add"]')).toBeNull();
  });

  it('the city admin posts a band range: only that kind’s fields; an inverted range is refused before sending', async () => {
    const { calls } = render(admin, { [`POST ${P}`]: () => json(201, { ...row(4, 'BAND_RANGE', { minGrade: 2, maxGrade: 14 }, 'HEAD'), closed: [] }) });
    await click(await found('[data-testid="grade-policy-add"]'));
    await choose('kind', 'Band range');
    await choose('band', 'Head');
    await typeInto(await field('minGrade'), '9');
    await typeInto(await field('maxGrade'), '8');
    await typeDateInto(await field('validFrom'), '2027-01-01');
    await typeInto(await field('sourceRef'), ' 杭民〔2026〕5号 ');
    await click(await found('[data-testid="grade-policy-form-ok"]'));
    await waitFor(() => expect(document.querySelector('[data-testid="grade-policy-form"]')?.textContent).toContain('The top grade cannot be below the lowest'));
    expect(posts(calls)).toHaveLength(0);

    await typeInto(await field('minGrade'), '2');
    await typeInto(await field('maxGrade'), '14');
    await click(await found('[data-testid="grade-policy-form-ok"]'));
    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    expect(posts(calls)[0]).toEqual({ kind: 'BAND_RANGE', band: 'HEAD', minGrade: 2, maxGrade: 14, validFrom: '2027-01-01', sourceRef: '杭民〔2026〕5号' });
  });

  it('a later row of the key is refused with its code’s text', async () => {
    const { calls } = render(admin, { [`POST ${P}`]: () => json(409, { code: 'GRADE_POLICY_ROW_LATER', message: 'row 3 …', details: [] }) });
    await click(await found('[data-testid="grade-policy-add"]'));
    await choose('kind', 'Progression');
    await typeInto(await field('yearsPerStep'), '2');
    await typeDateInto(await field('validFrom'), '2023-06-01');
    await typeInto(await field('sourceRef'), '试行');
    await click(await found('[data-testid="grade-policy-form-ok"]'));
    await waitFor(() => expect(posts(calls)).toEqual([{ kind: 'GRADE_PROGRESSION', yearsPerStep: 2, validFrom: '2023-06-01', sourceRef: '试行' }]));
    await waitFor(() => expect(document.body.textContent).toContain('history is not rewritten'));
  });

  it('历史 lists every row from the history route with its dates, an open end as “open”, a closed row marked; the kind filter asks the API', async () => {
    const closed = { ...row(11, 'ENTRY_GRADE', { baseGrade: 2 }, 'OTHER', 'BACHELOR'), validFrom: '2020-01-01', validTo: '2023-12-31', sourceRef: '杭民〔2019〕8号' };
    const history = [closed, row(1, 'ENTRY_GRADE', { baseGrade: 3 }, 'OTHER', 'BACHELOR'), row(3, 'GRADE_PROGRESSION', { yearsPerStep: 3 })];
    const { calls } = render(xihuHr, {
      [`GET ${P}/history`]: (url) => history.filter((r) => !url.searchParams.get('kind') || r.kind === url.searchParams.get('kind')),
    });
    await waitFor(() => expect(textOf('grade-policy-table')).toContain('grade 3 at entry'));
    expect(calls.some((c) => c.url.pathname === `${P}/history`)).toBe(false);
    await click([...document.querySelectorAll('[data-testid="grade-policy-mode"] .ant-segmented-item')].find((el) => el.textContent === 'History'));
    await waitFor(() => expect(textOf('grade-policy-history')).toContain('grade 2 at entry'));
    const tr = (id: number) => document.querySelector(`[data-testid="grade-policy-history"] tr[data-row-key="${id}"]`)?.textContent ?? '';
    expect(tr(11)).toContain('2020-01-01 – 2023-12-31');
    expect(tr(11)).toContain('Closed');
    expect(tr(11)).toContain('杭民〔2019〕8号');
    expect(tr(1)).toContain('2024-01-01 – open');
    expect(tr(1)).toContain('Open');
    expect(tr(1)).not.toContain('Closed');
    expect(tr(3)).toContain('one grade every 3 years');
    // rows in the service's order (kind, band, education, start)
    expect([...document.querySelectorAll('[data-testid="grade-policy-history"] tr[data-row-key]')].map((el) => el.getAttribute('data-row-key'))).toEqual(['11', '1', '3']);

    await chooseOption(await found('[data-testid="grade-policy-kind"]'), 'Progression');
    await waitFor(() => expect(calls.some((c) => c.url.pathname === `${P}/history` && c.url.searchParams.get('kind') === 'GRADE_PROGRESSION')).toBe(true));
    await waitFor(() => expect(textOf('grade-policy-history')).not.toContain('grade 2 at entry'));
    expect(textOf('grade-policy-history')).toContain('one grade every 3 years');
  });
});
