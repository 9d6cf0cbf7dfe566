import { describe, expect, it } from 'vitest';
import type { WorkerDetail } from '../../api/types';
import { en } from '../../i18n/en';
import { click, found, renderPageAs, textOf, waitFor, xihuHr } from '../../test-utils';
import { PlannedTransferNotice } from './PlannedTransferNotice';

const planned = { id: 7, communityCode: '330106001001', plannedTransfer: { date: '2027-01-01', communityCode: '330106002001' } } as WorkerDetail;

describe('PlannedTransferNotice (预约调动 on the worker page)', () => {
  it('says where and from when the worker moves, by the community’s name; HR cancels it after confirming', async () => {
    const { calls } = renderPageAs(xihuHr, <PlannedTransferNotice worker={planned} mayCancel />, {
      'GET /api/workers/v1/communities/330106002001': () => ({ code: '330106002001', name: '文新社区' }),
      'DELETE /api/workers/v1/workers/7/planned-transfer': () => new Response(null, { status: 204 }),
    });
    await waitFor(() => expect(textOf('planned-transfer')).toContain(en['workers.plannedTransfer'].replace('{date}', '2027-01-01').replace('{community}', '文新社区')));
    expect(textOf('planned-transfer')).toContain(en['workers.plannedTransferHint']);
    await click(await found('[data-testid="planned-transfer-cancel"]'));
    await click(await found('[data-testid="planned-transfer-cancel-ok"]'));
    await waitFor(() => expect(calls.filter((c) => c.init.method === 'DELETE').map((c) => c.url.pathname)).toEqual(['/api/workers/v1/workers/7/planned-transfer']));
  });

  it('shows nothing without a plan, and no cancel to those who may not edit the worker', async () => {
    renderPageAs(xihuHr, <><PlannedTransferNotice worker={{ ...planned, plannedTransfer: null }} mayCancel /><PlannedTransferNotice worker={planned} mayCancel={false} /></>, {});
    await found('[data-testid="planned-transfer"]');
    expect(document.querySelectorAll('[data-testid="planned-transfer"]')).toHaveLength(1);
    expect(document.querySelector('[data-testid="planned-transfer-cancel"]')).toBeNull();
    // the community not readable (another street's): its code stands in
    await waitFor(() => expect(textOf('planned-transfer')).toContain('330106002001'));
  });
});
