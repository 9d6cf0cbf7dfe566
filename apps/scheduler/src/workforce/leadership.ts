import { addDays } from '@cws/kernel';
import type { RoleSpan } from '@cws/scheduler-solver';

/** Heads and deputies of the three bodies: the roles a centre may require on duty (`LEADER`). */
const LEADER_ROLES = new Set(['SECRETARY', 'DEPUTY_SECRETARY', 'DIRECTOR', 'DEPUTY_DIRECTOR', 'STATION_HEAD', 'DEPUTY_STATION_HEAD']);

/** A post as the workers service lists a community's posts over a span. */
export interface PostHeld {
  workerId: number;
  role: string;
  from: string;
  to: string | null;
}

/**
 * `LEADER` for each worker holding a head or deputy post on some day of `first`…`last`: a tag for the month when
 * their posts cover all of it, else the spans they cover (a post taken up or left within the month).
 */
export function leadership(posts: readonly PostHeld[], first: string, last: string): Map<number, { roles: string[]; roleSpans: RoleSpan[] }> {
  const spans = new Map<number, RoleSpan[]>();
  for (const p of posts) {
    if (!LEADER_ROLES.has(p.role)) continue;
    const from = p.from > first ? p.from : first;
    const to = p.to !== null && p.to < last ? p.to : last;
    if (from > to) continue;
    const id = Number(p.workerId);
    spans.set(id, [...(spans.get(id) ?? []), { role: 'LEADER', from, to }]);
  }
  return new Map([...spans].map(([id, list]) => {
    const merged = mergeSpans(list);
    const allMonth = merged.length === 1 && merged[0].from === first && merged[0].to === last;
    return [id, allMonth ? { roles: ['LEADER'], roleSpans: [] } : { roles: [], roleSpans: merged }];
  }));
}

/** Spans of one role sorted and joined where they overlap or touch. */
function mergeSpans(list: readonly RoleSpan[]): RoleSpan[] {
  const out: RoleSpan[] = [];
  for (const s of [...list].sort((a, b) => a.from.localeCompare(b.from))) {
    const last = out[out.length - 1];
    if (last && s.from <= addDays(last.to, 1)) last.to = s.to > last.to ? s.to : last.to;
    else out.push({ ...s });
  }
  return out;
}
