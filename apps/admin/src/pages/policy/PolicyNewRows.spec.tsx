import { describe, expect, it } from 'vitest';
import { todayIso } from '../../layout/FormModal';
import { chooseOption, click, found, json, textOf, typeInto as type, waitFor } from '../../test-utils';
import { admin, field, fieldMessage, finance, formText, P, posts, renderPolicyPage, row, typeDate } from './policySpecKit';

const lastYear = new Date().getFullYear() - 1;
const cityWage = row('51', 'CITY_WAGE', '2025', { year: 2025, annual: '175535.85', caliber: 'URBAN_NON_PRIVATE' });
const topUp = row('61', 'TOP_UP_RULE', 'DEFAULT', { rule: 'AVERAGE', level: 'DISTRICT' });
// written before the funder existed: the API reads it as the district's
const costStream = row('81', 'COST_STREAM', 'STATION', { bodyKind: 'STATION', stream: 'SERVICE_STATION' });
const rows = [cityWage, topUp, costStream];

const render = (me = admin, extra?: Parameters<typeof renderPolicyPage>[2]) => renderPolicyPage(me, rows, extra);
const value = async (id: string) => ((await field(id)) as HTMLInputElement).value;
/** The value now (for waitFor, which polls a synchronous check). */
const valueNow = (id: string) => (document.querySelector(`[data-testid="policy-add-form"] #${id}`) as HTMLInputElement | null)?.value;
const ok = (form: string) => click(document.querySelector(`[data-testid="${form}-ok"]`));
const rowsPosted = (calls: Parameters<typeof posts>[0]) => posts(calls, `${P}/rows`);
const listReads = (calls: Parameters<typeof posts>[0]) => calls.filter((c) => (c.init.method ?? 'GET') === 'GET' && c.url.pathname === `${P}/rows`).length;

/** Opens 新增 and picks `kind` (by its English name) unless it is the city wage, the default. */
async function openAdd(kind?: string) {
  await click(await found('[data-testid="policy-add"]'));
  await field('data_year');
  if (kind) await chooseOption(await field('kind'), kind);
}

describe('PolicyPage: new versions of the plain kinds and first rows of a new key', () => {
  it('a new version of a city wage edits the amount and caliber, not the year (its key), and POSTs with the row’s ETag as If-Match', async () => {
    const { calls } = render(admin, { [`POST ${P}/rows`]: (_, init) => json(201, row('52', 'CITY_WAGE', '2025', JSON.parse(String(init.body)).data, { validFrom: '2026-07-01' })) });
    await click(await found('[data-testid="policy-open-51"]'));
    await waitFor(() => expect(document.querySelector('[data-testid="policy-row-data"]')?.textContent).toContain('Statistical caliberUrban non-private units, employees in post'));
    await click(await found('[data-testid="policy-new-version"]'));
    expect(await value('data_annual')).toBe('175535.85');
    expect(document.getElementById('data_year')).toBeNull();

    await type(await field('data_annual'), '176000.5');
    await chooseOption(await field('data_caliber'), 'All employees in post');
    await typeDate('validFrom', '2026-07-01');
    await type(await field('sourceRef'), '杭州市统计局 2025 年公报（更正）');
    await ok('policy-version-form');
    await waitFor(() => expect(document.body.textContent).toContain('New version saved'));
    expect(rowsPosted(calls)).toEqual([
      {
        body: { kind: 'CITY_WAGE', validFrom: '2026-07-01', sourceRef: '杭州市统计局 2025 年公报（更正）', data: { year: 2025, annual: '176000.50', caliber: 'ALL_IN_POST' } },
        ifMatch: '"e-51"',
        ifNoneMatch: undefined,
      },
    ]);
  });

  it('a top-up rule switched to PER_WORKER asks for its ratio (a decimal, as the API) and drops the level; a cost stream’s absent funder reads as the district', async () => {
    const { calls } = render(admin, { [`POST ${P}/rows`]: (_, init) => json(201, row('62', 'TOP_UP_RULE', 'DEFAULT', JSON.parse(String(init.body)).data)) });
    await click(await found('[data-testid="policy-open-61"]'));
    // a top-up's level is the group it is compared within, not a qualification level
    await waitFor(() => expect(document.querySelector('[data-testid="policy-row-data"]')?.textContent).toContain('GroupDistrict'));
    expect(document.querySelector('[data-testid="policy-row-data"]')?.textContent).not.toContain('Qualification level');
    await click(await found('[data-testid="policy-new-version"]'));
    await field('data_level');
    expect(document.getElementById('data_ratio')).toBeNull();
    await chooseOption(await field('data_rule'), 'Per worker (ratio × benchmark)');
    await type(await field('data_ratio'), '1,2');
    await typeDate('validFrom', '2027-01-01');
    await type(await field('sourceRef'), '杭人社〔2027〕4号');
    await ok('policy-version-form');
    await waitFor(() => expect(fieldMessage('data_ratio')).toContain('Enter a decimal such as 1.60 or 21.75'));
    expect(document.getElementById('data_level')).toBeNull();
    expect(rowsPosted(calls)).toHaveLength(0);

    await type(await field('data_ratio'), ' 1.2 ');
    await ok('policy-version-form');
    await waitFor(() => expect(rowsPosted(calls)).toHaveLength(1));
    expect(rowsPosted(calls)[0]).toEqual({ body: { kind: 'TOP_UP_RULE', validFrom: '2027-01-01', sourceRef: '杭人社〔2027〕4号', data: { rule: 'PER_WORKER', ratio: '1.2' } }, ifMatch: '"e-61"' });

    await click(await found('[data-testid="policy-open-81"]'));
    await waitFor(() => expect(document.querySelector('[data-testid="policy-row-data"]')?.textContent).toContain('Public service workstation'));
    await click(await found('[data-testid="policy-new-version"]'));
    expect(formText('policy-version-form')).toContain('The worker’s district');
  });

  it('新增 a city wage for a new year: last year by default, valid from 1 January after it, sent with If-None-Match: * and no If-Match', async () => {
    const { calls } = render(admin, { [`POST ${P}/rows`]: (_, init) => json(201, row('53', 'CITY_WAGE', '2030', JSON.parse(String(init.body)).data)) });
    await openAdd();
    expect(await value('data_year')).toBe(String(lastYear));
    expect(await value('validFrom')).toBe(`${lastYear + 1}-01-01`);
    // the start follows the year until it is typed
    await type(await field('data_year'), '2030');
    await waitFor(() => expect(valueNow('validFrom')).toBe('2031-01-01'));
    await type(await field('data_annual'), '213370.5');
    await type(await field('sourceRef'), '杭州市统计局 2030 年城镇非私营单位在岗职工年平均工资');
    // a start after 2031 is taken (the API takes it) but warned of: the 2031 calibration would not see W(2030)
    await typeDate('validFrom', '2032-01-01');
    await waitFor(() => expect(fieldMessage('validFrom')).toContain('Starts after 2031-12-31: the 2031 benchmark would not see this figure'));
    await typeDate('validFrom', '2031-01-01');
    await ok('policy-add-form');
    await waitFor(() => expect(document.body.textContent).toContain('Policy row added'));
    expect(rowsPosted(calls)).toEqual([
      {
        body: { kind: 'CITY_WAGE', validFrom: '2031-01-01', sourceRef: '杭州市统计局 2030 年城镇非私营单位在岗职工年平均工资', data: { year: 2030, annual: '213370.50', caliber: 'URBAN_NON_PRIVATE' } },
        ifMatch: undefined,
        ifNoneMatch: '*',
      },
    ]);
    await waitFor(() => expect(document.querySelector('[data-testid="policy-add-form"]')).toBeNull());
  });

  it('a first row someone else added meanwhile answers 412: the stale notice, the dialog stays open', async () => {
    const { calls } = render(admin, {
      [`POST ${P}/rows`]: () => json(412, { code: 'PRECONDITION_FAILED', message: 'open COMMUNITY_WAGE row was created', details: [{ path: 'header:If-None-Match', issue: 'the record exists now' }] }),
    });
    await openAdd('Community workers’ average wage');
    // the benchmark of Y+1 reads the community average of Y from the rows in force during Y
    await waitFor(() => expect(valueNow('validFrom')).toBe(`${lastYear + 1}-01-01`));
    expect(document.getElementById('data_caliber')).toBeNull();
    await type(await field('data_annual'), '98000');
    await type(await field('sourceRef'), '区人社局 社工年平均工资');
    await ok('policy-add-form');
    await waitFor(() => expect(textOf('policy-stale')).toContain('This record changed since you opened it'));
    expect(document.querySelector('[data-testid="policy-add-form"]')).not.toBeNull();
    expect(rowsPosted(calls)).toEqual([
      { body: { kind: 'COMMUNITY_WAGE', validFrom: `${lastYear + 1}-01-01`, sourceRef: '区人社局 社工年平均工资', data: { year: lastYear, annual: '98000.00' } }, ifMatch: undefined, ifNoneMatch: '*' },
    ]);

    // 重新载入: the list is read again (the row added meanwhile shows there) and the dialog closes
    const lists = listReads(calls);
    await click(await found('[data-testid="policy-stale-reload"]'));
    await waitFor(() => expect(listReads(calls)).toBeGreaterThan(lists));
    await waitFor(() => expect(document.querySelector('[data-testid="policy-add-form"]')).toBeNull());
    // opened again, it starts without the refusal
    await openAdd();
    expect(document.querySelector('[data-testid="policy-stale"]')).toBeNull();
  });

  it('a new paying account: a refusal naming data.orgCode lands under that field', async () => {
    const { calls } = render(admin, {
      [`POST ${P}/rows`]: () => json(400, { code: 'VALIDATION_FAILED', message: 'invalid', details: [{ path: 'data.orgCode', issue: 'must be a district (6 digits) or street (9 digits) code' }] }),
    });
    await openAdd('Paying account');
    await field('data_orgCode');
    expect(await value('validFrom')).toBe(todayIso());
    await type(await field('data_orgCode'), ' 330110 ');
    await type(await field('data_account'), '12020211099033011000');
    await type(await field('data_name'), '杭州市余杭区社区工作者工资专户');
    await type(await field('sourceRef'), '余杭区财政局 开户通知');
    await ok('policy-add-form');
    await waitFor(() => expect(fieldMessage('data_orgCode')).toBe('A district (6 digits) or street (9 digits) code'));
    expect(rowsPosted(calls)).toEqual([
      {
        body: { kind: 'PAYING_ACCOUNT', validFrom: todayIso(), sourceRef: '余杭区财政局 开户通知', data: { orgCode: '330110', account: '12020211099033011000', name: '杭州市余杭区社区工作者工资专户' } },
        ifMatch: undefined,
        ifNoneMatch: '*',
      },
    ]);
  });

  it('the new-key form refuses what the API refuses (amount, year, org code, account) and asks nothing', async () => {
    const { calls } = render();
    await openAdd();
    await type(await field('data_year'), '1999');
    await type(await field('data_annual'), '12.345');
    await type(await field('sourceRef'), 'x');
    await ok('policy-add-form');
    await waitFor(() => expect(fieldMessage('data_annual')).toBe('Enter an amount with at most two decimals'));
    expect(fieldMessage('data_year')).toBe('Enter a whole number from 2000 to 2100');
    expect(fieldMessage('sourceRef')).toBe('Document number, URL, or "illustrative"');

    await chooseOption(await field('kind'), 'Paying account');
    await type(await field('data_orgCode'), '33010');
    await type(await field('data_account'), '1202-0211');
    await ok('policy-add-form');
    await waitFor(() => expect(fieldMessage('data_orgCode')).toBe('Enter a district (6-digit) or street (9-digit) code'));
    expect(fieldMessage('data_account')).toBe('An account is 8 to 30 digits');
    expect(fieldMessage('data_name')).toBe('Required');
    expect(rowsPosted(calls)).toHaveLength(0);
  });

  it('a reader sees neither 新增 nor a new version of a plain kind', async () => {
    render(finance);
    await waitFor(() => expect(document.querySelector('[data-testid="signed-in"]')?.textContent).toBe('finance'));
    await click(await found('[data-testid="policy-open-51"]'));
    await waitFor(() => expect(document.querySelector('[data-testid="policy-row-data"]')?.textContent).toContain('175,535.85'));
    expect(document.querySelector('[data-testid="policy-add"]')).toBeNull();
    expect(document.querySelector('[data-testid="policy-new-version"]')).toBeNull();
    expect(document.querySelector('[data-testid="policy-close"]')).toBeNull();
  });
});
