import type { RunView } from '@cws/payroll-contracts';
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '../../api/types';
import { renderPageAs, textOf, waitFor, xihuHr } from '../../test-utils';
import { TodoCard } from './TodoCard';

const run = (id: string, patch: Partial<RunView>): RunView => ({ id, status: 'DRAFT', rejection: null, submitted: null, scheduledPayment: null, ...patch }) as RunView;
const finance: Me = { kind: 'user', id: 'u-fin', name: 'finance', roles: ['FINANCE'], scope: { level: 'CITY' }, permissions: [] };
const page = (items: RunView[], nextAfter: string | null = null) => ({ items, nextAfter });
/** The runs list answered by status, as the service filters it. */
const runsByStatus = (byStatus: Record<string, RunView[]>) => (url: URL) => page(byStatus[url.searchParams.get('status') ?? ''] ?? []);
const lines = () => [...document.querySelectorAll('[data-testid="todo-card"] .ant-list-item')].map((li) => [li.querySelector('a')?.getAttribute('href'), li.textContent]);

describe('TodoCard (待办 on the dashboard)', () => {
  it('finance: runs someone else submitted to approve, approved runs not scheduled to pay, parked postings to place', async () => {
    renderPageAs(finance, <TodoCard />, {
      'GET /api/payroll/v1/runs': runsByStatus({
        SUBMITTED: [run('1', { status: 'SUBMITTED', submitted: { by: 'xihu-hr', at: '' } }), run('2', { status: 'SUBMITTED', submitted: { by: 'finance', at: '' } })],
        APPROVED: [run('3', { status: 'APPROVED' }), run('4', { status: 'APPROVED', scheduledPayment: { payOn: '2026-12-15', by: 'finance', at: '', paidOnSchedule: false } })],
      }),
      'GET /api/budget/v1/unmatched-postings': () => ({ items: [{}, {}], nextAfter: 'x' }),
    });
    await waitFor(() => expect(lines()).toEqual([
      ['/payroll/runs?status=SUBMITTED', 'Payroll runs awaiting your approval1'],
      ['/payroll/runs?status=APPROVED', 'Approved runs not yet paid or scheduled1'],
      ['/budget/unmatched', 'Parked cost postings to place2+'],
    ]));
  });

  it('HR: drafts to submit and runs sent back, apart', async () => {
    renderPageAs(xihuHr, <TodoCard />, {
      'GET /api/payroll/v1/runs': runsByStatus({ DRAFT: [run('5', {}), run('6', {}), run('7', { rejection: { reason: '基数有误', by: 'finance', at: '' } })] }),
    });
    await waitFor(() => expect(lines()).toEqual([
      ['/payroll/runs?status=DRAFT', 'Payroll runs to submit2'],
      ['/payroll/runs?status=DRAFT', 'Payroll runs sent back to fix1'],
    ]));
  });

  it('HR: drafts naming arrears they cannot carry, linked straight to the run when there is one', async () => {
    const owing = { workers: 1, items: [{ workerId: 1024, refPeriod: '2026-10', amount: '-1520.00' }] };
    const inputs = (o: typeof owing | undefined) => ({ arrearsNotCarried: o }) as unknown as RunView['inputs'];
    renderPageAs(xihuHr, <TodoCard />, {
      'GET /api/payroll/v1/runs': runsByStatus({ DRAFT: [run('5', { inputs: inputs(undefined) }), run('8', { inputs: inputs(owing) }), run('9', { inputs: null })] }),
    });
    await waitFor(() => expect(lines()).toEqual([
      ['/payroll/runs?status=DRAFT', 'Payroll runs to submit3'],
      ['/payroll/runs/8', 'Draft runs naming arrears they cannot carry (settle by a correction)1'],
    ]));
  });

  it('HR: two such drafts lead to the drafts list', async () => {
    const inputs = { arrearsNotCarried: { workers: 2, items: [] } } as unknown as RunView['inputs'];
    renderPageAs(xihuHr, <TodoCard />, { 'GET /api/payroll/v1/runs': runsByStatus({ DRAFT: [run('8', { inputs }), run('9', { inputs })] }) });
    await waitFor(() => expect(lines()).toContainEqual(['/payroll/runs?status=DRAFT', 'Draft runs naming arrears they cannot carry (settle by a correction)2']));
  });

  it('HR: published rosters to re-plan (a transfer out, a leaver), linked straight to the roster when there is one', async () => {
    const toReplan = (ids: number[]) => () => ({ items: ids.map((rosterId) => ({ rosterId, community: '330106001001', month: '2026-12', version: 1, conflictsAhead: 3, checkedAt: '' })) });
    const one = renderPageAs(xihuHr, <TodoCard />, { 'GET /api/payroll/v1/runs': () => page([]), 'GET /api/scheduler/v1/rosters/to-replan': toReplan([31]) });
    await waitFor(() => expect(lines()).toEqual([['/rosters/31', 'Published rosters to re-plan1']]));
    one.unmount();
    renderPageAs(xihuHr, <TodoCard />, { 'GET /api/payroll/v1/runs': () => page([]), 'GET /api/scheduler/v1/rosters/to-replan': toReplan([31, 45]) });
    await waitFor(() => expect(lines()).toEqual([['/rosters', 'Published rosters to re-plan2']]));
  });

  it('HR with nothing waiting: the card says so', async () => {
    renderPageAs(xihuHr, <TodoCard />, { 'GET /api/payroll/v1/runs': () => page([]), 'GET /api/scheduler/v1/rosters/to-replan': () => ({ items: [] }) });
    await waitFor(() => expect(textOf('todo-card')).toBe('To doNothing waiting for you'));
  });

  it('a list that cannot be read is left out; with none left, no card', async () => {
    // no route: the runs list answers 404
    const rendered = renderPageAs(xihuHr, <TodoCard />, {});
    const { calls } = rendered;
    await waitFor(() => expect(calls.some((c) => c.url.pathname === '/api/payroll/v1/runs')).toBe(true));
    await act(() => new Promise((r) => setTimeout(r, 100))); // the 404 settles
    expect(document.querySelector('[data-testid="todo-card"]')).toBeNull();
  });

  describe('city admin: the pay policy tables a year’s runs would miss', () => {
    const admin: Me = { kind: 'user', id: 'u-city', name: 'city-admin', roles: ['CITY_ADMIN'], scope: { level: 'CITY' }, permissions: [] };
    const gaps = (year: string, ...missing: string[]) => ({ year: Number(year), asOf: `${year}-01-01`, missing });
    const routes = {
      'GET /api/payroll/v1/policy/gaps': (url: URL) => {
        const year = url.searchParams.get('year')!;
        return year === '2027' ? gaps(year, 'UNIT_VALUE:2027', 'CITY_WAGE:2026') : gaps(year);
      },
    };
    const asked = (calls: Array<{ url: URL }>) => calls.filter((c) => c.url.pathname.endsWith('/policy/gaps')).map((c) => c.url.searchParams.get('year'));
    afterEach(() => vi.useRealTimers());

    it('in December, next year’s too, linked to the policy page’s check of that year', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2026-12-03T10:00:00+08:00'));
      const { calls } = renderPageAs(admin, <TodoCard />, routes);
      await waitFor(() => expect(lines()).toContainEqual(['/payroll/policy?checkYear=2027', 'Pay policy tables missing (this year; from December, next year too)2']));
      expect(asked(calls).sort()).toEqual(['2026', '2027']);
      // a question answered 200, not the effective policy's 422
      expect(calls.some((c) => c.url.pathname.endsWith('/policy/effective'))).toBe(false);
    });

    it('before December, this year’s only: complete, it shows nothing', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2026-06-10T10:00:00+08:00'));
      const { calls } = renderPageAs(admin, <TodoCard />, routes);
      await waitFor(() => expect(asked(calls)).toEqual(['2026']));
      await waitFor(() => expect(textOf('todo-card')).toContain('Nothing waiting'));
      expect(lines().map(([href]) => href)).not.toContain('/payroll/policy?checkYear=2026');
      expect(asked(calls)).toEqual(['2026']);
    });
  });
});
