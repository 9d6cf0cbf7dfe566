import type { RunView } from '@cws/payroll-contracts';
import { describe, expect, it } from 'vitest';
import type { Me } from '../../api/types';
import dayjs from 'dayjs';
import { en } from '../../i18n/en';
import { chooseOption, click, found, json, renderPageAs, sentBodies, typeInto, waitFor, xihuHr } from '../../test-utils';
import { RunsPage } from './RunsPage';

const run = (id: string, patch: Partial<RunView>): RunView =>
  ({
    id, period: '2026-11', type: 'REGULAR', scope: null, status: 'APPROVED', correctsRunId: null,
    progress: { done: 2, total: 2, failed: 0 },
    totals: { gross: '2.00', employeeContributions: '0.00', tax: '0.00', recoveries: '0.00', net: '2.00', employerContributions: '0.00' },
    computation: { state: 'DONE', generation: 1, startedAt: null, finishedAt: null, error: null },
    inputs: null, rejection: null, created: { by: 'xihu-hr', at: '2026-11-20T02:00:00.000Z' }, submitted: null, approved: null, paid: null, cancelled: null, scheduledPayment: null,
    ...patch,
  }) as RunView;

const finance: Me = { kind: 'user', id: 'u-fin', name: 'finance', roles: ['FINANCE'], scope: { level: 'CITY' }, permissions: [] };
const schedule = (payOn: string, paidOnSchedule: boolean) => ({ payOn, by: 'finance', at: '2026-11-25T01:00:00.000Z', paidOnSchedule });

describe('RunsPage', () => {
  it('shows each run’s pay day: scheduled (预约) while approved, the value date once the batch paid it, the city date of a payment by hand', async () => {
    const runs = [
      run('4', { scheduledPayment: schedule('2026-12-15', false) }),
      run('3', { status: 'PAID', scheduledPayment: schedule('2026-11-15', true), paid: { by: 'pay-day-batch', at: '2026-11-14T18:00:00.000Z' } }),
      // paid by hand before its scheduled day: the day it was paid, in Beijing (16:30 UTC is the next morning there)
      run('2', { status: 'PAID', scheduledPayment: schedule('2026-10-20', false), paid: { by: 'finance', at: '2026-10-15T16:30:00.000Z' } }),
      run('1', { status: 'DRAFT' }),
    ];
    renderPageAs(finance, <RunsPage />, { 'GET /api/payroll/v1/runs': () => ({ items: runs, nextAfter: null }) });
    const payDays = () => [...document.querySelectorAll('[data-testid="runs-table"] tbody tr')].map((tr) => tr.querySelectorAll('td')[7]?.textContent);
    await waitFor(() => expect(payDays()).toEqual(['2026-12-15 (scheduled)', '2026-11-15', '2026-10-16', '—']));
    expect(document.querySelector('[data-testid="runs-table"] thead')?.textContent).toContain('Pay day');
  });

  describe('a new run', () => {
    const routes = { 'GET /api/payroll/v1/runs': () => ({ items: [], nextAfter: null }), 'POST /api/payroll/v1/runs': () => json(201, run('9', { status: 'DRAFT' })) };
    const open = async () => {
      await click(await found('[data-testid="new-run"]'));
      return found('[data-testid="run-form"]');
    };

    it('a bonus run asks for the amount and the tax method and sends them as its bonus (was: no field, always refused)', async () => {
      const { calls } = renderPageAs(xihuHr, <RunsPage />, routes);
      const form = await open();
      expect(form.querySelector('[data-testid="run-bonus-amount"]')).toBeNull();
      await chooseOption(form.querySelector('#type')!, en['run.type.BONUS']);
      const amount = await found('[data-testid="run-bonus-amount"]');
      await click(document.querySelector('[data-testid="run-form-ok"]'));
      await waitFor(() => expect(form.querySelector('[id="bonus_amount_help"]')?.textContent).toBe(en['common.required']));
      await typeInto(amount, '3600.5');
      await chooseOption(form.querySelector('[id="bonus_method"]')!, en['payrollRuns.bonusMethod.MERGED']);
      await click(document.querySelector('[data-testid="run-form-ok"]'));
      await waitFor(() => expect(sentBodies(calls, 'POST')).toEqual([{ period: dayjs().format('YYYY-MM'), type: 'BONUS', bonus: { amount: '3600.5', method: 'MERGED' } }]));
    });

    it('a per-worker bonus run takes a pasted list: bad lines are named, the head count and total shown, the amounts sent', async () => {
      const { calls } = renderPageAs(xihuHr, <RunsPage />, routes);
      const form = await open();
      await chooseOption(form.querySelector('#type')!, en['run.type.BONUS']);
      await click((await found('[data-testid="run-bonus-mode"]')).querySelector('input[value="PER_WORKER"]'));
      expect(form.querySelector('[data-testid="run-bonus-amount"]')).toBeNull();
      const list = await found('[data-testid="run-bonus-list"]');
      await typeInto(list, '工作者ID\t奖金\n1024\t12,000.00\n1025 8000\n1025 100\n1026 abc');
      await click(document.querySelector('[data-testid="run-form-ok"]'));
      const help = () => form.querySelector('[id="bonus_list_help"]')?.textContent;
      await waitFor(() => expect(help()).toBe('line 4: worker 1025 is listed twice; line 5: not a valid amount (above 0, at most two decimals)'));
      expect(sentBodies(calls, 'POST')).toEqual([]);
      await typeInto(list, '工作者ID\t奖金\n1024\t12,000.00\n1025 8000\n1026 3600.5');
      await waitFor(() => expect(form.querySelector('[data-testid="run-bonus-summary"]')?.textContent).toBe('3 workers, 23,600.50 yuan in all'));
      await click(document.querySelector('[data-testid="run-form-ok"]'));
      await waitFor(() =>
        expect(sentBodies(calls, 'POST')).toEqual([{
          period: dayjs().format('YYYY-MM'), type: 'BONUS',
          bonus: { amounts: [{ workerId: 1024, amount: '12000.00' }, { workerId: 1025, amount: '8000.00' }, { workerId: 1026, amount: '3600.50' }], method: 'SEPARATE' },
        }]),
      );
    });

    it('a per-worker list may name workers by 身份证号: one lookup turns them into 编号; one not in scope is named on its line and nothing is created', async () => {
      let inScope = false;
      const { calls } = renderPageAs(xihuHr, <RunsPage />, {
        ...routes,
        'POST /api/workers/v1/workers/lookup': () => ({ found: [{ index: 0, worker: { id: 1030 } }, ...(inScope ? [{ index: 1, worker: { id: 1031 } }] : [])], missing: inScope ? [] : [1] }),
      });
      const form = await open();
      await chooseOption(form.querySelector('#type')!, en['run.type.BONUS']);
      await click((await found('[data-testid="run-bonus-mode"]')).querySelector('input[value="PER_WORKER"]'));
      const list = await found('[data-testid="run-bonus-list"]');
      await typeInto(list, '身份证号\t奖金\n11010519491231002x\t5,000.00\n330106198503150024\t3000\n1024\t800');
      await waitFor(() => expect(form.querySelector('[data-testid="run-bonus-summary"]')?.textContent).toBe('3 workers, 8,800.00 yuan in all'));
      await click(document.querySelector('[data-testid="run-form-ok"]'));
      await waitFor(() => expect(form.querySelector('[id="bonus_list_help"]')?.textContent).toBe('line 3: no worker in your area has the resident ID ****0024'));
      expect(sentBodies(calls, 'POST', '/api/payroll/v1/runs')).toEqual([]);

      inScope = true;
      await click(document.querySelector('[data-testid="run-form-ok"]'));
      await waitFor(() =>
        expect(sentBodies(calls, 'POST', '/api/payroll/v1/runs')).toEqual([{
          period: dayjs().format('YYYY-MM'), type: 'BONUS',
          bonus: { amounts: [{ workerId: 1024, amount: '800.00' }, { workerId: 1030, amount: '5000.00' }, { workerId: 1031, amount: '3000.00' }], method: 'SEPARATE' },
        }]),
      );
      expect(sentBodies(calls, 'POST', '/api/workers/v1/workers/lookup')).toEqual([1, 2].map(() => ({ residentIds: ['11010519491231002X', '330106198503150024'] })));
    });

    it('a regular run sends no bonus', async () => {
      const { calls } = renderPageAs(xihuHr, <RunsPage />, routes);
      await open();
      await click(document.querySelector('[data-testid="run-form-ok"]'));
      await waitFor(() => expect(sentBodies(calls, 'POST')).toEqual([{ period: dayjs().format('YYYY-MM'), type: 'REGULAR' }]));
    });
  });
});
