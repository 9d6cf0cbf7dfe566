import { addDays, rangesOverlap, validationError } from '@cws/kernel';

/** The longest span one request records: a month's leave. */
export const MAX_REQUEST_DAYS = 31;

/**
 * The days a worker's request covers: `date` alone, or each day from `date` to `until` inclusive. A span that ends before
 * it starts, or runs past MAX_REQUEST_DAYS, is refused on `until` (400), so nothing of it is written.
 */
export function requestDays(date: string, until?: string): string[] {
  if (until === undefined || until === date) return [date];
  if (until < date) throw validationError('REQUEST_UNTIL_BEFORE_DATE', 'until', `until ${until} is before date ${date}`);
  const last = addDays(date, MAX_REQUEST_DAYS - 1);
  if (until > last) throw validationError('REQUEST_SPAN_TOO_LONG', 'until', `a request spans at most ${MAX_REQUEST_DAYS} days (until ${last} at the latest)`);
  const days: string[] = [];
  for (let day = date; day <= until; day = addDays(day, 1)) days.push(day);
  return days;
}

/** A worker as the register shows them: their community, and the secondments that bring them into others. */
export interface RequestWorker {
  communityCode: string;
  secondments: ReadonlyArray<{ direction: string; communityCode: string; from: string; to: string | null; status: string }>;
}

/**
 * Whether a worker works at the community's centre over `from`…`to`: a member of it, or seconded in (下派) over some
 * of those days. A request for anyone else would be kept and never read by a solve, so it is refused on `workerId`.
 */
export function assertServesCommunity(worker: RequestWorker, community: string, from: string, to: string): void {
  if (worker.communityCode === community) return;
  const secondedIn = worker.secondments.some((s) => s.direction === 'IN' && s.communityCode === community && s.status !== 'CANCELLED' && rangesOverlap(s.from, s.to, from, to));
  if (!secondedIn) throw validationError('REQUEST_WORKER_NOT_IN_COMMUNITY', 'workerId', `worker is not of community ${community} nor seconded into it on those days`);
}
