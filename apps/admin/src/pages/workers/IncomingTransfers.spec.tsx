import { describe, expect, it } from 'vitest';
import { act } from 'react';
import { renderPageAs, textOf, waitFor, xihuHr } from '../../test-utils';
import { IncomingTransfers } from './IncomingTransfers';

const ROUTE = 'GET /api/workers/v1/workers/incoming-transfers';

describe('IncomingTransfers (即将调入 on the register)', () => {
  it('lists who is coming, from which community to which, from when', async () => {
    renderPageAs(xihuHr, <IncomingTransfers />, {
      [ROUTE]: () => ({
        items: [{ workerId: 1024, name: '张丽华', date: '2027-01-01', fromCommunityCode: '330106001001', fromCommunityName: '翠苑一区社区', toCommunityCode: '330106002001', toCommunityName: '文新社区' }],
      }),
    });
    await waitFor(() => expect(textOf('incoming-transfers')).toContain('1 worker(s) coming in'));
    expect(textOf('incoming-transfers')).toContain('张丽华 (No. 1024): from 翠苑一区社区 to 文新社区, from 2027-01-01');
  });

  it.each([
    ['none is planned', { [ROUTE]: () => ({ items: [] }) }],
    ['the list cannot be read (no route: a 404)', {}],
  ])('shows nothing when %s', async (_when, routes) => {
    const { calls } = renderPageAs(xihuHr, <IncomingTransfers />, routes);
    await waitFor(() => expect(calls.some((c) => c.url.pathname.endsWith('/incoming-transfers'))).toBe(true));
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(document.querySelector('[data-testid="incoming-transfers"]')).toBeNull();
  });
});
