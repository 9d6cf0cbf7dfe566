import type { AllocationView, AppropriationView } from '@cws/budget-contracts';
import { describe, expect, it } from 'vitest';
import type { Me } from '../../api/types';
import { todayIso } from '../../layout/FormModal';
import { chooseOption, click, found, json, renderPageAs, type Route, typeInto, waitFor } from '../../test-utils';
import { BudgetAllocationsPage } from './BudgetAllocationsPage';
import { posts } from './postingsSpecKit';

const B = '/api/budget/v1';
const finance: Me = { kind: 'user', id: 'u-fin', name: 'finance', roles: ['FINANCE'], scope: { level: 'CITY' }, permissions: [] };
const auditor: Me = { ...finance, id: 'u-aud', name: 'auditor', roles: ['AUDITOR'] };
const year = new Date().getFullYear();

const appropriation = (id: string, status: 'DRAFT' | 'ENACTED', over: Partial<AppropriationView> = {}): AppropriationView => ({
  id, fiscalYear: year, funder: 'CITY', districtCode: null, stream: 'PARTY_BUILDING', kind: 'ORIGINAL', amount: '1200000.00',
  allocated: status === 'ENACTED' ? '400000.00' : '0.00', unallocated: status === 'ENACTED' ? '800000.00' : '1200000.00',
  documentNo: `西财预〔${year}〕${id}号`, documentDate: `${year}-01-15`, note: null, status, createdBy: 'u-other', createdByName: 'other',
  createdAt: `${year}-01-15T08:00:00.000Z`, enactedBy: null, enactedByName: null, enactedAt: null, ...over,
});
const allocation: AllocationView = {
  id: '40', appropriationId: '12', fiscalYear: year, funder: 'CITY', stream: 'PARTY_BUILDING', targetLevel: 'COMMUNITY', districtCode: '330106',
  streetCode: '330106001', communityCode: '330106001001', targetName: '翠苑一区社区', initialAmount: '100000.00', amount: '100000.00',
  committed: '5000.00', spent: '20000.00', available: '75000.00', createdBy: 'u-fin', createdAt: `${year}-02-01T08:00:00.000Z`,
};

function routes(me: Me, extra: Record<string, Route> = {}): Record<string, Route> {
  return {
    'GET /api/workers/v1/auth/me': () => me,
    'GET /api/workers/v1/districts': () => [{ code: '330106', name: '西湖区' }],
    'GET /api/workers/v1/streets': () => [{ code: '330106001', name: '翠苑街道', districtCode: '330106' }],
    'GET /api/workers/v1/communities': () => [],
    [`GET ${B}/appropriations`]: () => ({ items: [appropriation('12', 'ENACTED'), appropriation('13', 'DRAFT')], nextAfter: null }),
    [`GET ${B}/allocations`]: () => ({ items: [allocation], nextAfter: null }),
    ...extra,
  };
}

const type = async (selector: string, value: string) => typeInto(await found(selector), value);

const choose = async (selectTestId: string, title: string) => chooseOption(await found(`[data-testid="${selectTestId}"]`), title);

describe('BudgetAllocationsPage', () => {
  it('lists appropriations and allocations from their pages; enact is offered on the DRAFT row only', async () => {
    const { container } = renderPageAs(finance, <BudgetAllocationsPage />, routes(finance));

    await waitFor(() => expect(container.querySelector('[data-testid="appropriations-table"]')?.textContent).toContain(`西财预〔${year}〕13号`));
    const appropriations = container.querySelector('[data-testid="appropriations-table"]')?.textContent;
    expect(appropriations).toContain('Party building');
    expect(appropriations).toContain('1,200,000.00');
    expect(appropriations).toContain('800,000.00');
    expect(appropriations).toContain('Draft');
    expect(appropriations).toContain('Enacted');
    await waitFor(() => expect(container.querySelector('[data-testid="enact-13"]')).not.toBeNull());
    expect(container.querySelector('[data-testid="enact-12"]')).toBeNull();
    expect(container.querySelector('[data-testid="allocate-from-12"]')).not.toBeNull();
    expect(container.querySelector('[data-testid="allocate-from-13"]')).toBeNull();
    await waitFor(() => expect(container.querySelector('[data-testid="allocations-table"]')?.textContent).toContain('翠苑一区社区'));
    const allocations = container.querySelector('[data-testid="allocations-table"]')?.textContent;
    for (const amount of ['100,000.00', '5,000.00', '20,000.00', '75,000.00']) expect(allocations).toContain(amount);
  });

  it('creating an appropriation POSTs the DTO with an Idempotency-Key, reused on a resubmit and new for a new dialog; a refusal shows its text', async () => {
    let answers = 0;
    const { calls } = renderPageAs(
      finance,
      <BudgetAllocationsPage />,
      routes(finance, {
        [`POST ${B}/appropriations`]: () =>
          ++answers === 1 ? json(409, { code: 'FISCAL_YEAR_CLOSED', message: 'closed', details: [], fiscalYear: year }) : json(201, appropriation('14', 'DRAFT')),
      }),
    );

    const fill = async () => {
      await click(await found('[data-testid="new-appropriation"]'));
      await choose('appropriation-stream', 'Party building');
      await type('[data-testid="appropriation-amount"]', '1200000');
      await type('[data-testid="appropriation-document-no"]', '西财预〔2026〕3号');
    };
    await fill();
    await click(document.querySelector('[data-testid="appropriation-form-ok"]'));
    await waitFor(() => expect(document.body.textContent).toContain('The fiscal year is closed'));
    await click(document.querySelector('[data-testid="appropriation-form-ok"]'));
    await waitFor(() => expect(posts(calls, `${B}/appropriations`)).toHaveLength(2));
    await waitFor(() => expect(document.body.textContent).toContain('Draft saved'));
    await fill();
    await click(document.querySelector('[data-testid="appropriation-form-ok"]'));
    await waitFor(() => expect(posts(calls, `${B}/appropriations`)).toHaveLength(3));

    const [first, again, next] = posts(calls, `${B}/appropriations`);
    expect(first.body).toEqual({ fiscalYear: year, funder: 'CITY', stream: 'PARTY_BUILDING', kind: 'ORIGINAL', amount: '1200000.00', documentNo: '西财预〔2026〕3号', documentDate: todayIso() });
    expect(first.key).toMatch(/^[A-Za-z0-9_\-:.]{1,100}$/);
    expect(again.key).toBe(first.key);
    expect(next.key).not.toBe(first.key);
  });

  it('enacting a draft POSTs :id/enact with an Idempotency-Key', async () => {
    const { calls } = renderPageAs(finance, <BudgetAllocationsPage />, routes(finance, { [`POST ${B}/appropriations/13/enact`]: () => appropriation('13', 'ENACTED') }));

    await click(await found('[data-testid="enact-13"]'));
    await click(await found('[data-testid="enact-13-ok"]'));

    await waitFor(() => expect(posts(calls, `${B}/appropriations/13/enact`)).toHaveLength(1));
    expect(posts(calls, `${B}/appropriations/13/enact`)[0].key).toBeTruthy();
    await waitFor(() => expect(document.body.textContent).toContain('Appropriation enacted'));
  });

  it('allocating from an enacted row POSTs the place and amount; not enough unallocated shows its text', async () => {
    const { calls } = renderPageAs(finance, <BudgetAllocationsPage />, routes(finance, { [`POST ${B}/allocations`]: () => json(409, { code: 'INSUFFICIENT_UNALLOCATED', message: 'only 800000.00', details: [] }) }));

    await click(await found('[data-testid="allocate-from-12"]'));
    await waitFor(() => expect(document.querySelector('[data-testid="allocation-form"]')?.textContent).toContain('Unallocated: 800,000.00'));
    await choose('allocation-street', '翠苑街道');
    await type('[data-testid="allocation-amount"]', '900000.5');
    await click(document.querySelector('[data-testid="allocation-form-ok"]'));

    await waitFor(() => expect(document.body.textContent).toContain('Not enough of this appropriation is unallocated'));
    const [sent] = posts(calls, `${B}/allocations`);
    expect(sent.body).toEqual({ appropriationId: '12', streetCode: '330106001', targetName: '翠苑街道', amount: '900000.50' });
    expect(sent.key).toBeTruthy();
  });

  it('a read-only role (AUDITOR) sees the lists but no write buttons', async () => {
    const { container } = renderPageAs(auditor, <BudgetAllocationsPage />, routes(auditor));

    await waitFor(() => expect(container.querySelector('[data-testid="signed-in"]')?.textContent).toBe('auditor'));
    await waitFor(() => expect(container.querySelector('[data-testid="appropriations-table"]')?.textContent).toContain(`西财预〔${year}〕13号`));
    await waitFor(() => expect(container.querySelector('[data-testid="allocations-table"]')?.textContent).toContain('翠苑一区社区'));
    expect(container.querySelector('[data-testid="new-appropriation"]')).toBeNull();
    expect(container.querySelector('[data-testid="new-allocation"]')).toBeNull();
    expect(container.querySelector('[data-testid^="enact-"]')).toBeNull();
    expect(container.querySelector('[data-testid^="allocate-from-"]')).toBeNull();
  });
});
