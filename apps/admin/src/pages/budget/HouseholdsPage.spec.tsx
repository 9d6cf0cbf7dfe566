import { describe, expect, it } from 'vitest';
import { click, found, json, renderPageAs, sentBodies, textOf, typeInto, waitFor, xihuHr } from '../../test-utils';
import { HouseholdsPage } from './HouseholdsPage';
import { B, finance } from './postingsSpecKit';

const year = new Date().getFullYear();
const row = (code: string, name: string, households: number, allocated: string, required: string, shortfall: string) => ({
  communityCode: code, communityName: name, streetCode: code.slice(0, 9), districtCode: code.slice(0, 6), households, allocated,
  perHousehold: households ? (Number(allocated) / households).toFixed(2) : null, standardPerHousehold: '20.00', required, shortfall, belowStandard: shortfall !== '0.00',
});
const cells = () => [...document.querySelectorAll('[data-testid="households-table"] tbody tr.ant-table-row')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));

describe('HouseholdsPage (按户核定)', () => {
  it('finance: the communities below the standard with the shortfall; a year without a standard says so, and finance sets it', async () => {
    let standard: string | null = '20.00';
    const { calls } = renderPageAs(finance, <HouseholdsPage />, {
      [`GET ${B}/reports/household-standard`]: (url) =>
        url.searchParams.get('fiscalYear') === String(year) && standard
          ? { fiscalYear: year, stream: url.searchParams.get('stream'), standardPerHousehold: standard, communities: 2, below: 1, rows: [row('330106001002', '翠苑二区社区', 3000, '50000.00', '60000.00', '10000.00')] }
          : json(404, { code: 'FUNDING_STANDARD_NOT_FOUND', message: 'none', details: [] }),
      [`PUT ${B}/funding-standards/${year + 1}/RESIDENTS_COMMITTEE`]: (_, init) => ({ fiscalYear: year + 1, stream: 'RESIDENTS_COMMITTEE', ...JSON.parse(String(init.body)), updatedAt: '' }),
    });
    await waitFor(() => expect(cells()).toEqual([['翠苑二区社区', '3,000', '50,000.00', '16.67', '60,000.00', '10,000.00']]));
    expect(textOf('households-summary')).toBe('Standard 20.00 yuan per household · 2 communities checked, 1 below it');
    const first = calls.find((c) => c.url.pathname === `${B}/reports/household-standard`)!.url.searchParams;
    expect([first.get('stream'), first.get('belowOnly')]).toEqual(['RESIDENTS_COMMITTEE', 'true']);

    standard = null;
    const yearInput = (await found('[data-testid="households-year"]')) as HTMLInputElement;
    await typeInto(yearInput, String(year + 1));
    await waitFor(() => expect(textOf('households-no-standard')).toContain(`in ${year + 1}`));
    await click(await found('[data-testid="households-set-standard"]'));
    const form = await found('[data-testid="households-standard-form"]');
    await typeInto(form.querySelector('#perHousehold')!, '22.5');
    await click(document.querySelector('[data-testid="households-standard-form-ok"]'));
    await waitFor(() => expect(sentBodies(calls, 'PUT')).toEqual([{ perHousehold: '22.5' }]));
  });

  it('finance corrects a community’s households; a district user reads the check but changes nothing', async () => {
    const { calls } = renderPageAs(finance, <HouseholdsPage />, {
      [`GET ${B}/reports/household-standard`]: () => ({ fiscalYear: year, stream: 'RESIDENTS_COMMITTEE', standardPerHousehold: '20.00', communities: 1, below: 1, rows: [row('330106001002', '翠苑二区社区', 3000, '50000.00', '60000.00', '10000.00')] }),
      [`PUT ${B}/household-counts/330106001002`]: (_, init) => ({ communityCode: '330106001002', ...JSON.parse(String(init.body)) }),
    });
    await click(await found('[data-testid="households-edit-330106001002"]'));
    const form = await found('[data-testid="households-count-form"]');
    await typeInto(form.querySelector('#households')!, '2500');
    await click(document.querySelector('[data-testid="households-count-form-ok"]'));
    await waitFor(() => expect(sentBodies(calls, 'PUT')).toEqual([{ households: 2500, communityName: '翠苑二区社区' }]));
  });

  it('marks a community whose register profile gives another households figure (not one the register leaves at 0), also in the edit form', async () => {
    renderPageAs(finance, <HouseholdsPage />, {
      [`GET ${B}/reports/household-standard`]: () => ({
        fiscalYear: year, stream: 'RESIDENTS_COMMITTEE', standardPerHousehold: '20.00', communities: 3, below: 3,
        rows: [row('330106001002', '翠苑二区社区', 3000, '50000.00', '60000.00', '10000.00'), row('330106001003', '翠苑三区社区', 2000, '30000.00', '40000.00', '10000.00'), row('330106001004', '翠苑四区社区', 1000, '10000.00', '20000.00', '10000.00')],
      }),
      'GET /api/workers/v1/communities': () => [
        { code: '330106001002', name: '翠苑二区社区', households: 3200 },
        { code: '330106001003', name: '翠苑三区社区', households: 2000 },
        { code: '330106001004', name: '翠苑四区社区', households: 0 },
      ],
    });
    await waitFor(() => expect(textOf('households-register-330106001002')).toBe('register: 3,200'));
    expect(cells().map((c) => c[1])).toEqual(['3,000register: 3,200', '2,000', '1,000']);
    await click(await found('[data-testid="households-edit-330106001002"]'));
    await waitFor(() => expect(textOf('households-count-register')).toBe('register: 3,200'));
  });

  it('a district user reads the check without the set and edit controls', async () => {
    renderPageAs({ ...xihuHr, roles: ['DISTRICT_HR'] }, <HouseholdsPage />, {
      [`GET ${B}/reports/household-standard`]: () => ({ fiscalYear: year, stream: 'RESIDENTS_COMMITTEE', standardPerHousehold: '20.00', communities: 1, below: 0, rows: [] }),
    });
    await waitFor(() => expect(textOf('households-summary')).toContain('0 below it'));
    expect(document.querySelector('[data-testid="households-set-standard"]')).toBeNull();
  });
});
