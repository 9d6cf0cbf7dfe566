import type { CommunityMonthHours, CoverageView, RosterSummaryView, RosterView } from '@cws/scheduler-contracts';
import { coverageBySlot, toHhmm, SLOT_MINUTES } from '@cws/scheduler-solver';
import type { RosterRow, RosterSummaryRow } from './roster.repository';

/** The API's view of a roster version: assignments with their clock times, gaps with their rule. */
export function rosterView(r: RosterRow): RosterView {
  const templates = new Map((r.problem?.centre.templates ?? []).map((t) => [t.code, t]));
  return {
    ...headOf(r),
    assignments: (r.assignments ?? []).map((a) => ({ workerId: a.workerId, date: a.date, start: templates.get(a.shift)?.start ?? '', end: templates.get(a.shift)?.end ?? '', shift: a.shift })),
    uncovered: (r.uncovered ?? []).map((u) => ({ date: u.date, from: u.from, to: u.to, rule: u.rule, missing: u.missing, ...(u.role ? { role: u.role } : {}) })),
    hours: r.hours ?? [],
    ...timesOf(r),
  };
}

/** A version in a list: what `rosterView` says of it but its shifts, gaps and hours, which it counts instead. */
export function rosterSummaryView(r: RosterSummaryRow): RosterSummaryView {
  return { ...headOf(r), ...timesOf(r), shifts: r.shifts, uncoveredRanges: r.uncoveredRanges, conflictsAhead: r.conflictsAhead, checkedAt: r.checkedAt };
}

const headOf = (r: RosterRow) => ({
  id: r.id, community: r.communityCode, month: r.month, status: r.status, version: r.version, objective: r.objective,
  reason: r.reason, basedOn: r.basedOnId, generationId: r.generationId,
});

const timesOf = (r: RosterRow) => ({ error: r.error, createdAt: r.createdAt, solvedAt: r.solvedAt, publishedAt: r.publishedAt });

/** Heatmap data: every 30-minute slot of every open day, staff needed and on duty, and why a gap is one. */
export function coverageView(r: RosterRow): CoverageView {
  if (!r.problem || !r.assignments) return { rosterId: r.id, month: r.month, slots: [] };
  const types = new Map(r.problem.days.map((d) => [d.date, d.type]));
  const gaps = (r.uncovered ?? []).filter((u) => !u.role);
  return {
    rosterId: r.id,
    month: r.month,
    slots: coverageBySlot(r.problem, r.assignments).map((s) => {
      const from = toHhmm(s.slot);
      const gap = s.have < s.need ? gaps.find((g) => g.date === s.date && g.from <= from && from < g.to) : undefined;
      return { date: s.date, from, to: toHhmm(s.slot + SLOT_MINUTES), dayType: types.get(s.date) ?? 'WEEKDAY', need: s.need, have: s.have, rule: gap?.rule ?? (s.have < s.need ? 'SOLVER_LIMIT' : null) };
    }),
  };
}

/** What payroll receives for a published roster. */
export function hoursOf(r: RosterRow): CommunityMonthHours {
  return {
    month: r.month, communityCode: r.communityCode, districtCode: r.districtCode, streetCode: r.streetCode,
    rosterId: r.id, rosterVersion: r.version, publishedAt: r.publishedAt ?? new Date().toISOString(),
    workers: r.hours ?? [],
  };
}
