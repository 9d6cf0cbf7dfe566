import { defaultCentreConfig } from '@cws/scheduler-solver';
import { Route as Path, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import type { ServiceCentreView } from '../../../api/schedulerSetup';
import type { Me } from '../../../api/types';
import { chooseOption, click, found, json, renderPageAs, type Route, scriptedFetch, sentBodies, sentIfMatch, textOf, typeDateInto, typeInto as type, waitFor, xihuHr } from '../../../test-utils';
import { CentrePage } from './CentrePage';
import { centreIssues, fieldOf, fromForm, toForm } from './centreForm';

const CODE = '330106001001';
const finance: Me = { ...xihuHr, id: 'u-fin', name: 'finance', roles: ['FINANCE'] };
const centre: ServiceCentreView = { communityCode: CODE, districtCode: '330106', streetCode: '330106001', config: defaultCentreConfig(), updatedAt: null, updatedBy: null, isDefault: true };

const render = (me: Me, extra: Record<string, Route> = {}) =>
  renderPageAs(
    me,
    <Routes>
      <Path path="/rosters/centres/:community" element={<CentrePage />} />
    </Routes>,
    {
      [`GET /api/scheduler/v1/centres/${CODE}`]: () => centre,
      [`GET /api/workers/v1/communities/${CODE}`]: () => ({ code: CODE, name: '翠苑一区社区', streetCode: '330106001', districtCode: '330106' }),
      'GET /api/workers/v1/communities': () => [{ code: CODE, name: '翠苑一区社区', active: true }],
      ...extra,
    },
    `/rosters/centres/${CODE}`,
  );

/** The error shown under the form field with this id (antd: the name path joined by "_"). */
const errorOf = (id: string) => document.querySelector(`#${id}`)?.closest('.ant-form-item')?.querySelector('.ant-form-item-explain')?.textContent ?? '';
const puts = (calls: ReturnType<typeof scriptedFetch>['calls']) => sentBodies(calls, 'PUT');

describe('CentrePage', () => {
  it('shows the set-up readably: windows with hours, templates with paid hours and the day types they fit, bands, roles', async () => {
    render(xihuHr);
    await waitFor(() => expect(textOf('centre-windows')).toContain('Working day08:00–21:00 (13 h)'));
    expect(textOf('centre-default')).toBe('Default set-up (none stored)');
    expect(textOf('centre-templates')).toContain('EARLY08:00–16:3030 min8 h');
    expect(textOf('centre-templates')).toContain('Statutory holiday');
    expect(textOf('centre-coverage')).toContain('08:00–17:30');
    expect(textOf('centre-roles')).toContain('Leader (a head or deputy of the three bodies)');
    expect(textOf('centre-rest-days')).toBe('1 days');
  });

  it('an edited template is PUT with the rest of the set-up unchanged, and the page says what the change applies to', async () => {
    const { calls } = render(xihuHr, {
      [`PUT /api/scheduler/v1/centres/${CODE}`]: (_, init) => ({ ...centre, config: JSON.parse(String(init.body)), isDefault: false, updatedAt: '2026-12-01T08:00:00.000Z', updatedBy: 'xihu-hr' }),
    });
    await click(await found('[data-testid="centre-edit"]'));
    await type(await found('#templates_0_end'), '16:00');
    await type(await found('#templates_0_code'), 'EARLY_A');
    await click(document.querySelector('[data-testid="centre-open-HOLIDAY"]'));
    await click(document.querySelector('[data-testid="centre-save"]'));
    await waitFor(() => expect(puts(calls)).toHaveLength(1));
    const expected = defaultCentreConfig();
    expected.templates[0] = { code: 'EARLY_A', start: '08:00', end: '16:00', breakMinutes: 30 };
    expected.openingWindows.HOLIDAY = null;
    expect(puts(calls)[0]).toEqual(expected);
    await waitFor(() => expect(textOf('centre-saved')).toContain('rosters already generated or published stay as they are'));
  });

  it('refuses an end before the start, a malformed time and a shift outside every opening window before sending anything', async () => {
    const { calls } = render(xihuHr);
    await click(await found('[data-testid="centre-edit"]'));
    await type(await found('#templates_1_end'), '09:00');
    await type(await found('#templates_2_start'), '25:00');
    await type(await found('#coverage_0_to'), '17:45');
    await click(document.querySelector('[data-testid="centre-save"]'));
    await waitFor(() => expect(errorOf('templates_1_end')).toBe('Must end after it starts'));
    expect(errorOf('templates_2_start')).toBe('Use a time HH:MM from 00:00 to 24:00');
    expect(errorOf('coverage_0_to')).toBe('Must be on the hour or half hour (30-minute slots)');

    await type(await found('#templates_1_end'), '18:00');
    await type(await found('#templates_2_start'), '12:30');
    await type(await found('#coverage_0_to'), '17:30');
    await type(await found('#templates_2_end'), '21:30');
    await click(document.querySelector('[data-testid="centre-save"]'));
    await waitFor(() => expect(errorOf('templates_2_end')).toBe('This shift fits in no opening window: it could never be rostered'));
    await waitFor(() => expect(errorOf('templates_1_end')).toBe(''));
    expect(puts(calls)).toHaveLength(0);
  });

  it('a refusal from the service lands on the field its path names', async () => {
    render(xihuHr, {
      [`PUT /api/scheduler/v1/centres/${CODE}`]: () => json(400, { code: 'CENTRE_CONFIG_INVALID', message: 'invalid', details: [{ path: 'templates[0].to', issue: 'must be after from' }] }),
    });
    await click(await found('[data-testid="centre-edit"]'));
    await click(await found('[data-testid="centre-save"]'));
    await waitFor(() => expect(errorOf('templates_0_end')).toBe('Must end after it starts'));
    expect(document.body.textContent).toContain('Invalid centre set-up');
  });

  it('saves under the ETag the set-up was read with; a save made meanwhile (412) says so without marking a field, and reload starts again from the stored one', async () => {
    let stored = centre;
    const { calls } = render(xihuHr, {
      [`GET /api/scheduler/v1/centres/${CODE}`]: () => json(200, stored, { etag: stored.isDefault ? '"d1"' : '"s2"' }),
      [`PUT /api/scheduler/v1/centres/${CODE}`]: () => json(412, { code: 'PRECONDITION_FAILED', message: 'stale', details: [{ path: 'header:If-Match', issue: 'stale' }] }),
    });
    await click(await found('[data-testid="centre-edit"]'));
    await type(await found('#templates_0_code'), 'MINE');
    // a colleague saves two rest days meanwhile
    stored = { ...centre, isDefault: false, config: { ...centre.config, restDaysPer7: 2 }, updatedAt: '2026-12-01T08:00:00.000Z', updatedBy: 'cuiyuan-hr' };
    await click(document.querySelector('[data-testid="centre-save"]'));
    await waitFor(() => expect(textOf('centre-stale')).toContain('This record changed since you opened it'));
    expect(sentIfMatch(calls, 'PUT')).toEqual(['"d1"']);
    expect(textOf('centre-form')).not.toContain('Invalid');
    await click(document.querySelector('[data-testid="centre-stale-reload"]'));
    await waitFor(() => expect(textOf('centre-page')).toContain('cuiyuan-hr'));
    await waitFor(() => expect((document.querySelector('#templates_0_code') as HTMLInputElement).value).toBe('EARLY'));
    expect(document.querySelector('[data-testid="centre-stale"]')).toBeNull();
    await click(document.querySelector('[data-testid="centre-save"]'));
    await waitFor(() => expect(sentIfMatch(calls, 'PUT')).toEqual(['"d1"', '"s2"']));
    expect(puts(calls)[1]).toMatchObject({ restDaysPer7: 2 });
  });

  it('a reader sees no edit button', async () => {
    render(finance);
    await waitFor(() => expect(textOf('signed-in')).toBe('finance'));
    await waitFor(() => expect(textOf('centre-templates')).toContain('EARLY'));
    expect(document.querySelector('[data-testid="centre-edit"]')).toBeNull();
  });

  it('maps the lib’s paths onto the form’s fields, and round-trips a config', () => {
    expect(fieldOf('templates[2].from')).toEqual(['templates', 2, 'start']);
    expect(fieldOf('templates[2]')).toEqual(['templates', 2, 'end']);
    expect(fieldOf('openingWindows.WEEKEND.to')).toEqual(['openingWindows', 'WEEKEND', 'to']);
    expect(fieldOf('coverage[1].dayTypes[0]')).toEqual(['coverage', 1, 'dayTypes']);
    expect(fieldOf('templates')).toBeNull();
    const config = defaultCentreConfig();
    expect(fromForm(toForm(config))).toEqual(config);
    expect(centreIssues({ ...config, templates: [] }).map((i) => i.path)).toEqual(['templates']);
  });
});

describe('CentrePage: 请假与排班意愿 (worker requests)', () => {
  const REQ = `/api/scheduler/v1/centres/${CODE}/requests`;
  const workers = { items: [{ id: 101, name: '张丽华' }, { id: 102, name: '李明' }], nextAfter: null };
  const rows = () => [...document.querySelectorAll('[data-testid="worker-requests"] tbody tr.ant-table-row')].map((tr) => [...tr.querySelectorAll('td')].slice(0, 4).map((td) => td.textContent));

  it('lists next month’s requests by name; HR records a wished shift (the centre’s templates to choose from) and withdraws one', async () => {
    let stored = [{ community: CODE, workerId: 101, date: '2027-01-05', kind: 'UNAVAILABLE', note: '体检', createdBy: 'xihu-hr' }];
    const { calls } = render(xihuHr, {
      'GET /api/workers/v1/workers': () => workers,
      [`GET ${REQ}`]: () => stored,
      [`POST ${REQ}`]: (_, init) => {
        const body = JSON.parse(String(init.body));
        stored = [...stored, { community: CODE, ...body, createdBy: 'xihu-hr' }];
        return json(201, { community: CODE, ...body });
      },
      [`DELETE ${REQ}/101/2027-01-05`]: () => {
        stored = stored.filter((r) => r.workerId !== 101);
        return new Response(null, { status: 204 });
      },
    });
    await waitFor(() => expect(rows()).toEqual([['2027-01-05', '张丽华（101）', 'Unavailable', '体检']]));
    const month = calls.find((c) => c.url.pathname === REQ)!.url.searchParams.get('month');
    expect(month).toMatch(/^\d{4}-\d{2}$/);

    await click(await found('[data-testid="request-add"]'));
    const form = await found('[data-testid="request-form"]');
    await chooseOption(form.querySelector('#workerId')!, '李明（102）');
    await click(form.querySelector('input[value="SHIFT"]'));
    await chooseOption(await found('[data-testid="request-form"] #shift'), 'LATE（12:30–21:00）', { prefix: true });
    await type(form.querySelector('#note')!, '  接孩子 ');
    await click(document.querySelector('[data-testid="request-form-ok"]'));
    await waitFor(() => expect(sentBodies(calls, 'POST', REQ)).toEqual([{ workerId: 102, date: `${month}-01`, kind: 'SHIFT', shift: 'LATE', note: '接孩子' }]));

    await click(await found('[data-testid="request-withdraw-101-2027-01-05"]'));
    await click(await found('[data-testid="request-withdraw-101-2027-01-05-ok"]'));
    await waitFor(() => expect(rows().map((r) => r[1])).toEqual(['李明（102）']));
    expect(calls.filter((c) => c.init.method === 'DELETE').map((c) => c.url.pathname)).toEqual([`${REQ}/101/2027-01-05`]);
  });

  it('a leave of several days is one request with its last day; a last day before the first, or more than 31 days, is refused in the form', async () => {
    const { calls } = render(xihuHr, { 'GET /api/workers/v1/workers': () => workers, [`GET ${REQ}`]: () => [], [`POST ${REQ}`]: (_, init) => json(201, JSON.parse(String(init.body))) });
    await click(await found('[data-testid="request-add"]'));
    const form = await found('[data-testid="request-form"]');
    await chooseOption(form.querySelector('#workerId')!, '张丽华（101）');
    await typeDateInto(form.querySelector('#date')!, '2027-01-30');
    await typeDateInto(form.querySelector('#until')!, '2027-01-29');
    await click(document.querySelector('[data-testid="request-form-ok"]'));
    await waitFor(() => expect(errorOf('until')).toBe('The last day cannot be before the first'));
    await typeDateInto(form.querySelector('#until')!, '2027-03-02');
    await click(document.querySelector('[data-testid="request-form-ok"]'));
    await waitFor(() => expect(errorOf('until')).toBe('At most 31 days at a time'));
    await typeDateInto(form.querySelector('#until')!, '2027-02-01');
    await click(document.querySelector('[data-testid="request-form-ok"]'));
    await waitFor(() => expect(sentBodies(calls, 'POST', REQ)).toEqual([{ workerId: 101, kind: 'UNAVAILABLE', date: '2027-01-30', until: '2027-02-01' }]));
  });

  it('offers a worker seconded in (下派) beside the register’s, by the availability of the shown month’s first day', async () => {
    const { calls } = render(xihuHr, {
      'GET /api/workers/v1/workers': () => workers,
      'GET /api/workers/v1/availability': (url) => ({ communityCode: CODE, date: url.searchParams.get('date'), workers: [{ id: 102, name: '李明' }, { id: 230, name: '王挂职' }] }),
      [`GET ${REQ}`]: () => [],
      [`POST ${REQ}`]: (_, init) => json(201, JSON.parse(String(init.body))),
    });
    await click(await found('[data-testid="request-add"]'));
    const form = await found('[data-testid="request-form"]');
    await chooseOption(form.querySelector('#workerId')!, '王挂职（230）');
    await click(document.querySelector('[data-testid="request-form-ok"]'));
    await waitFor(() => expect((sentBodies(calls, 'POST', REQ) as Array<{ workerId: number }>).map((b) => b.workerId)).toEqual([230]));
    const month = calls.find((c) => c.url.pathname === REQ)!.url.searchParams.get('month');
    expect(calls.find((c) => c.url.pathname === '/api/workers/v1/availability')?.url.searchParams.get('date')).toBe(`${month}-01`);
  });

  it('finance reads the requests but records and withdraws none', async () => {
    render(finance, { 'GET /api/workers/v1/workers': () => workers, [`GET ${REQ}`]: () => [{ community: CODE, workerId: 102, date: '2027-01-07', kind: 'OFF' }] });
    await waitFor(() => expect(rows()).toEqual([['2027-01-07', '李明（102）', 'Day off wished', '-']]));
    expect(document.querySelector('[data-testid="request-add"]')).toBeNull();
    expect(document.querySelector('[data-testid^="request-withdraw"]')).toBeNull();
  });
});
