/**
 * What a finance bureau's system does, written only against a client generated from the published
 * OpenAPI documents (openapi-typescript types + openapi-fetch), as docs/finance-api.md tells it:
 * a client-credentials token, an expenditure with an Idempotency-Key, the same request again (a
 * replay: nothing booked twice), then the ledger read incrementally. Compiled with tsc against the
 * generated types by generated-client.int-spec.ts, which then runs it against the real services.
 */
import createClient from 'openapi-fetch';
import type { paths as BudgetPaths } from './generated/budget';
import type { paths as WorkersPaths } from './generated/workers';

export interface BureauFlowInput {
  /** Origins of the two services (the gateway in production; both paths carry /api/<service>). */
  workersOrigin: string;
  budgetOrigin: string;
  clientId: string;
  clientSecret: string;
  allocationId: string;
  idempotencyKey: string;
}

export interface BureauFlowResult {
  tokenType: string;
  scope: string;
  cacheControl: string | null;
  first: { status: number; id: string; amount: string; replayed: string | null; ledgerEntryIds: string[] };
  replay: { status: number; id: string; replayed: string | null };
  /** The ledger entries of the posting, read page by page with ?after=. */
  ledger: Array<{ id: string; postingId: string | null; entryType: string; spent: string }>;
  pages: number;
}

export async function bureauFlow(input: BureauFlowInput): Promise<BureauFlowResult> {
  const workers = createClient<WorkersPaths>({ baseUrl: input.workersOrigin });
  const token = await workers.POST('/api/workers/v1/auth/token', {
    body: { grant_type: 'client_credentials', client_id: input.clientId, client_secret: input.clientSecret, scope: 'budget:read budget:write' },
    bodySerializer: (body) => new URLSearchParams(body as Record<string, string>).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  if (!token.data) throw new Error(`token: ${token.response.status} ${JSON.stringify(token.error)}`);
  const { access_token, token_type, scope } = token.data;

  const budget = createClient<BudgetPaths>({ baseUrl: input.budgetOrigin, headers: { authorization: `Bearer ${access_token}` } });
  const expenditure = () =>
    budget.POST('/api/budget/v1/allocations/{id}/expenditures', {
      params: { path: { id: input.allocationId }, header: { 'Idempotency-Key': input.idempotencyKey } },
      body: { amount: '1250.00', category: 'OFFICE', description: '社区党员活动室办公用品', source: 'FINANCE_API', sourceRef: 'GK-2026-000123' },
    });
  const first = await expenditure();
  if (!first.data) throw new Error(`expenditure: ${first.response.status} ${JSON.stringify(first.error)}`);
  const again = await expenditure();
  if (!again.data) throw new Error(`replay: ${again.response.status} ${JSON.stringify(again.error)}`);

  // incremental read: small pages, following nextAfter until null
  const ledger: BureauFlowResult['ledger'] = [];
  let after: string | undefined;
  let pages = 0;
  do {
    const page = await budget.GET('/api/budget/v1/ledger', { params: { query: { sourceRefPrefix: 'GK-2026-', limit: 1, ...(after ? { after } : {}) } } });
    if (!page.data) throw new Error(`ledger: ${page.response.status} ${JSON.stringify(page.error)}`);
    pages++;
    for (const e of page.data.items) ledger.push({ id: e.id, postingId: e.postingId, entryType: e.entryType, spent: e.spent });
    after = page.data.nextAfter ?? undefined;
  } while (after && pages < 20);

  return {
    tokenType: token_type,
    scope,
    cacheControl: token.response.headers.get('cache-control'),
    first: { status: first.response.status, id: first.data.id, amount: first.data.amount, replayed: first.response.headers.get('idempotent-replayed'), ledgerEntryIds: first.data.ledgerEntryIds },
    replay: { status: again.response.status, id: again.data.id, replayed: again.response.headers.get('idempotent-replayed') },
    ledger,
    pages,
  };
}
