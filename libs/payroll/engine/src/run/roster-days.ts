/**
 * Which days of the published rosters pay a worker in a period. A roster is immutable once published and
 * nothing re-plans it by itself, so it may still list a worker after their last day, or in the community
 * they were transferred from after the transfer: payroll counts only the days the worker served there.
 */
import { addDays } from '@cws/kernel';
import type { FrozenHours, FrozenWorker } from './frozen-inputs';
import { periodFirstDay, periodLastDay } from './pro-rating';

/** The days of one community's roster that count, both ends inclusive; null = open (the month's own end). */
export interface RosterDays {
  from: string | null;
  through: string | null;
}

/**
 * The days of `community`'s roster that pay `w` in `period`, or null when none do. The roster of the place the
 * worker holds (as frozen) counts from `placeSince` when they came during the period; another community's
 * roster counts up to the day before — the place they left. A roster solves only the workers placed in its
 * community on each day (the workers service's availability), so another community's roster that lists a
 * worker who held their place all period is stale (solved before a transfer was recorded): none of its days
 * count. No day after a leaver's last day counts anywhere.
 */
export function rosterDaysOf(community: string, w: Pick<FrozenWorker, 'communityCode' | 'leftDate' | 'placeSince'>, period: string): RosterDays | null {
  const first = periodFirstDay(period);
  const last = periodLastDay(period);
  const left = w.leftDate !== null && w.leftDate < last ? w.leftDate : null;
  const came = w.placeSince !== undefined && w.placeSince > first && w.placeSince <= last ? w.placeSince : null;
  if (community === w.communityCode) return { from: came, through: left };
  if (came === null) return null;
  const before = addDays(came, -1);
  return { from: null, through: left !== null && left < before ? left : before };
}

/** Hours of several rosters as one month's: shifts and each overtime kind's minutes added; the highest roster version. */
export function sumHours(parts: readonly FrozenHours[]): FrozenHours | null {
  if (parts.length === 0) return null;
  if (parts.length === 1) return parts[0];
  const minutes = new Map<FrozenHours['overtime'][number]['kind'], number>();
  for (const p of parts) for (const o of p.overtime) minutes.set(o.kind, (minutes.get(o.kind) ?? 0) + o.minutes);
  return {
    shifts: parts.reduce((n, p) => n + p.shifts, 0),
    overtime: [...minutes].map(([kind, m]) => ({ kind, minutes: m })),
    rosterVersion: Math.max(...parts.map((p) => p.rosterVersion)),
  };
}
