import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import { DomainError } from '@cws/kernel';
import { MachineToken, ServiceClient } from '@cws/platform';
import { monthDates, type RequestWorker, type RoleSpan } from '@cws/scheduler-solver';
import type { AvailableWorkersMonthView } from '@cws/workers-contracts';
import { leadership, type PostHeld } from './leadership';

export interface CommunityPlace {
  code: string;
  name: string;
  districtCode: string;
  streetCode: string;
}

/** Who can be rostered in a community over a month, as the workers service says. */
export interface MonthWorkforce {
  /**
   * A worker transferred in during the month: `arrivedOn` the day (the 1st included), `arrivedFrom` the community they
   * were placed in the day before; both null otherwise.
   */
  workers: Array<{ id: number; name: string; employmentType: string; roles: string[]; roleSpans: RoleSpan[]; unavailable: string[]; arrivedFrom: string | null; arrivedOn: string | null }>;
}

/**
 * The workforce as the workers service serves it. The scheduler never reads the workers schema:
 * requests forward the caller's token (the workers service applies the caller's scope too); jobs,
 * which have no caller, use the scheduler's machine credential (`workers:read`, city scope;
 * docs/security.md "Machine credentials") and read only the community of the roster they solve,
 * which the request that queued it was allowed to see.
 */
@Injectable()
export class WorkforceClient {
  constructor(
    private readonly client: ServiceClient,
    private readonly machine: MachineToken,
  ) {}

  /** The scheduler's own access token, for jobs. */
  jobToken(): Promise<string> {
    return this.machine.token();
  }

  /** The community, if it exists and the token's scope covers it (the workers service answers 404 otherwise). */
  async community(code: string, token: string | undefined): Promise<CommunityPlace> {
    const c = await this.client.call<CommunityPlace>('workers', `/v1/communities/${code}`, { token }).catch(unavailable);
    return { code: c.code, name: c.name, districtCode: c.districtCode, streetCode: c.streetCode };
  }

  /** A worker as the register shows them to the token (404 outside its scope): their community and secondments. */
  async worker(id: number, token: string | undefined): Promise<RequestWorker> {
    const w = await this.client.call<RequestWorker>('workers', `/v1/workers/${id}`, { token }).catch(unavailable);
    return { communityCode: w.communityCode, secondments: (w.secondments ?? []).map((s) => ({ direction: s.direction, communityCode: s.communityCode, from: s.from, to: s.to, status: s.status })) };
  }

  /** Active communities in the token's scope, optionally narrowed to a district (6 digits) or street (9). */
  async communities(token: string | undefined, within?: string): Promise<CommunityPlace[]> {
    const q = within?.length === 9 ? `?street=${within}` : within?.length === 6 ? `?district=${within}` : '';
    const rows = await this.client.call<Array<CommunityPlace & { active?: boolean | number }>>('workers', `/v1/communities${q}`, { token }).catch(unavailable);
    return rows.filter((c) => c.active === undefined || !!c.active).map((c) => ({ code: c.code, name: c.name, districtCode: c.districtCode, streetCode: c.streetCode }));
  }

  /**
   * Everyone available on at least one day of the month (appointed in the community or seconded in;
   * `/availability` already drops leave and outward secondments), with the days they are not, and
   * `LEADER` on the days they hold a head or deputy post (`leadership`: all month, or spans).
   */
  async month(code: string, month: string, token: string | undefined): Promise<MonthWorkforce> {
    const dates = monthDates(month);
    // the month in one read (it was one call a day: 31 a centre, throttled city-wide by the per-client rate limit)
    const [available, posts] = await Promise.all([
      this.availableMonth(code, month, token),
      this.client.call<{ posts: PostHeld[] }>('workers', `/v1/communities/${code}/posts?date=${dates[0]}&through=${dates[dates.length - 1]}`, { token }).catch(unavailable),
    ]);
    const leaders = leadership(posts.posts, dates[0], dates[dates.length - 1]);
    return {
      workers: available.workers.map((w) => ({
        id: Number(w.id), name: w.name, employmentType: w.employmentType, ...(leaders.get(Number(w.id)) ?? { roles: [], roleSpans: [] }), unavailable: unavailableOf(dates, w),
        // a workers service from before arrivedOn named only arrivals on the 1st
        arrivedFrom: w.arrivedFrom ?? null, arrivedOn: w.arrivedFrom ? (w.arrivedOn ?? dates[0]) : null,
      })),
    };
  }

  /** Who is available on which days of the month, without their posts: what a published roster is checked against. */
  async availability(code: string, month: string, token: string | undefined): Promise<Array<{ id: number; unavailable: string[] }>> {
    const dates = monthDates(month);
    const available = await this.availableMonth(code, month, token);
    return available.workers.map((w) => ({ id: Number(w.id), unavailable: unavailableOf(dates, w) }));
  }

  /**
   * The names of these workers as the register shows them to the token: the community's month in one read, then each
   * one it does not list (moved out or left since) from their own record; one outside the token's scope has none.
   */
  async names(code: string, month: string, ids: readonly number[], token: string | undefined): Promise<Map<number, string>> {
    const available = await this.availableMonth(code, month, token);
    const names = new Map(available.workers.map((w) => [Number(w.id), w.name]));
    for (const id of ids) {
      if (names.has(id)) continue;
      const w = await this.client.call<{ name: string }>('workers', `/v1/workers/${id}`, { token }).catch((e: unknown) => (e instanceof DomainError && e.kind === 'NOT_FOUND' ? null : unavailable(e)));
      if (w) names.set(id, w.name);
    }
    return names;
  }

  private availableMonth(code: string, month: string, token: string | undefined): Promise<AvailableWorkersMonthView> {
    return this.client.call<AvailableWorkersMonthView>('workers', `/v1/availability/month?community=${code}&month=${month}`, { token }).catch(unavailable);
  }
}

/** The days of the month a worker of the month's availability is not available here. */
function unavailableOf(dates: readonly string[], w: { availableOn: readonly string[] }): string[] {
  const on = new Set(w.availableOn);
  return dates.filter((d) => !on.has(d));
}

/** Downstream answers (403, 404, 400) keep their meaning; a workers service that cannot be reached is a 503. */
function unavailable(e: unknown): never {
  if (e instanceof DomainError) throw e;
  throw new ServiceUnavailableException({ code: 'WORKFORCE_UNAVAILABLE', message: `the workers service could not be reached: ${(e as Error).message}`, details: [] });
}
