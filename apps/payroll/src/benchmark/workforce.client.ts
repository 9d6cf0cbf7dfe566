import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import { DomainError } from '@cws/kernel';
import { periodLastDay } from '@cws/payroll-engine';
import { MachineToken, ServiceClient } from '@cws/platform';
import { SNAPSHOT_WORKERS_MAX, type WorkerSnapshot, type WorkerSnapshotPage } from '@cws/workers-contracts';

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
   * in worker-id order: `from` starts at that id, `pageSize` sets the page, `workerIds` (at most {@link SNAPSHOT_WORKERS_MAX})
   * narrows the pull to those workers, and `onPage` answering 'stop' ends the pull.
   */
  async forEachPage(
    asOf: string, scope: string | null, onPage: (items: WorkerSnapshot[], last: boolean) => Promise<void | 'stop'>,
    opts: { identities?: boolean; from?: number; pageSize?: number; workerIds?: readonly number[] } = {},
  ): Promise<void> {
    const token = await this.machine.token().catch(unavailable);
    let after: string | null = opts.from !== undefined && opts.from > 1 ? String(opts.from - 1) : null;
    do {
      const q = new URLSearchParams({ asOf, limit: String(opts.pageSize ?? PAGE) });
      if (after) q.set('after', after);
      if (scope) q.set('scope', scope);
      if (opts.identities) q.set('identities', 'true');
      if (opts.workerIds) q.set('workers', opts.workerIds.join(','));
      const page: WorkerSnapshotPage = await this.client.call<WorkerSnapshotPage>('workers', `/v1/snapshots?${q}`, { token, timeoutMs: 60_000 }).catch(unavailable);
      after = page.nextAfter;
      if ((await onPage(page.items, !after)) === 'stop') return;
    } while (after);
  }

  /**
   * Named workers, each as of their own day (worker id → day), wherever they were then: one pull a day naming its
   * workers, {@link SNAPSHOT_WORKERS_MAX} a request; a worker not employed on their day, or outside `scope` that day,
   * is not in it. Payroll reads each leaver on their last day this way — the place, posts and secondment of that day,
   * as the month's last day is for the others — and the workers whose settled months arrears re-measure.
   */
  async forEachNamedPage(
    days: ReadonlyMap<number, string>, scope: string | null, onPage: (items: WorkerSnapshot[], day: string, last: boolean) => Promise<void>,
    opts: { identities?: boolean } = {},
  ): Promise<void> {
    const byDay = new Map<string, number[]>();
    for (const [id, day] of days) {
      const ids = byDay.get(day);
      if (ids) ids.push(id);
      else byDay.set(day, [id]);
    }
    const pulls = [...byDay].sort(([a], [b]) => a.localeCompare(b)).flatMap(([day, ids]) =>
      Array.from({ length: Math.ceil(ids.length / SNAPSHOT_WORKERS_MAX) }, (_, i) => ({ day, ids: ids.slice(i * SNAPSHOT_WORKERS_MAX, (i + 1) * SNAPSHOT_WORKERS_MAX) })));
    for (const [i, { day, ids }] of pulls.entries()) {
      await this.forEachPage(day, scope, (items, last) => onPage(items, day, last && i === pulls.length - 1), { ...opts, workerIds: ids });
    }
  }

  /**
   * The workforce a run of `period` pays, page by page: those employed on its last day, then each leaver of the period
   * (`leavers`: id → last day) not among them, as of their own last day ({@link forEachNamedPage}). `onPage` gets a
   * page with its workers' last day (null on the month-end pass). `only` narrows both passes to those workers, wherever
   * they were (the month-end pass then names them too).
   */
  async forEachOfPeriod(
    period: string, scope: string | null, leavers: ReadonlyMap<number, string>, onPage: (items: WorkerSnapshot[], lastDay: string | null, last: boolean) => Promise<void>,
    opts: { identities?: boolean; only?: ReadonlySet<number> } = {},
  ): Promise<void> {
    const { only, identities } = opts;
    const rest = new Map([...leavers].filter(([id]) => !only || only.has(id)));
    const monthEnd = async (items: WorkerSnapshot[], last: boolean) => {
      for (const w of items) rest.delete(w.workerId);
      await onPage(items, null, last && rest.size === 0);
    };
    const lastDay = periodLastDay(period);
    if (only) await this.forEachNamedPage(new Map([...only].map((id) => [id, lastDay])), scope, (items, _day, last) => monthEnd(items, last), { identities });
    else await this.forEachPage(lastDay, scope, monthEnd, { identities });
    if (rest.size) await this.forEachNamedPage(rest, scope, onPage, { identities });
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
