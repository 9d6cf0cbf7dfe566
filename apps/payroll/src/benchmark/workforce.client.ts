import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import { DomainError } from '@cws/kernel';
import { MachineToken, ServiceClient } from '@cws/platform';
import type { WorkerSnapshot, WorkerSnapshotPage } from '@cws/workers-contracts';

const PAGE = 5000;

/**
 * The workforce as the workers service serves it: keyset pages of effective-dated snapshots with
 * the request id forwarded. Payroll never reads the workers schema.
 *
 * The snapshot is a machine feed: it is fetched with the payroll service's own credential
 * (`payroll:read`, PAYROLL_CLIENT_ID/_SECRET), which alone receives whole bank accounts, and every
 * pull is audited by the workers service. The caller's scope is therefore applied here: `scope`
 * must already be narrowed to what the caller may see (effectiveScope), null only for the city.
 */
@Injectable()
export class WorkforceClient {
  constructor(
    private readonly client: ServiceClient,
    private readonly machine: MachineToken,
  ) {}

  /** `identities`: with each worker's whole resident ID (the income-tax declaration only; audited by the workers service). */
  async snapshot(asOf: string, scope: string | null, opts: { identities?: boolean } = {}): Promise<WorkerSnapshot[]> {
    const out: WorkerSnapshot[] = [];
    await this.forEachPage(asOf, scope, async (items) => {
      out.push(...items);
    }, opts);
    return out;
  }

  /**
   * The same pull, one page at a time (a payroll run freezes 100,000 workers without holding them all). Pages come
   * in worker-id order: `from` starts at that id, `pageSize` sets the page, and `onPage` answering 'stop' ends the pull.
   */
  async forEachPage(
    asOf: string, scope: string | null, onPage: (items: WorkerSnapshot[], last: boolean) => Promise<void | 'stop'>,
    opts: { identities?: boolean; from?: number; pageSize?: number } = {},
  ): Promise<void> {
    const token = await this.machine.token().catch(unavailable);
    let after: string | null = opts.from !== undefined && opts.from > 1 ? String(opts.from - 1) : null;
    do {
      const q = new URLSearchParams({ asOf, limit: String(opts.pageSize ?? PAGE) });
      if (after) q.set('after', after);
      if (scope) q.set('scope', scope);
      if (opts.identities) q.set('identities', 'true');
      const page: WorkerSnapshotPage = await this.client.call<WorkerSnapshotPage>('workers', `/v1/snapshots?${q}`, { token, timeoutMs: 60_000 }).catch(unavailable);
      after = page.nextAfter;
      if ((await onPage(page.items, !after)) === 'stop') return;
    } while (after);
  }

  /** District names for reports; best effort (API clients may not read the org tree). */
  async districtNames(token: string | undefined): Promise<Map<string, string>> {
    try {
      const rows = await this.client.call<Array<{ code: string; name: string }>>('workers', '/v1/districts', { token });
      return new Map(rows.map((d) => [d.code, d.name]));
    } catch {
      return new Map();
    }
  }
}

/** Downstream answers (403, 404, 400) keep their meaning; a workers service that cannot be reached is a 503. */
function unavailable(e: unknown): never {
  if (e instanceof DomainError) throw e;
  throw new ServiceUnavailableException({ code: 'WORKFORCE_UNAVAILABLE', message: `the workers service could not be reached: ${(e as Error).message}`, details: [] });
}
