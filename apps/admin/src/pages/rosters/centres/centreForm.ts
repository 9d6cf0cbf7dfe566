import { DAY_TYPES, centreConfigIssues, isHhmm, toMinutes, type ConfigIssue, type DayType, type ShiftTemplate } from '@cws/scheduler-solver';
import type { CentreConfig } from '../../../api/schedulerSetup';
import type { MessageKey } from '../../../i18n/I18nProvider';

export { DAY_TYPES, type DayType };

/** The form's shape: a centre's config, with each opening window as a switch and two times ("closed" = null). */
export interface CentreFormValues extends Omit<CentreConfig, 'openingWindows'> {
  openingWindows: Record<DayType, { open: boolean; from: string; to: string }>;
}

export function toForm(c: CentreConfig): CentreFormValues {
  const windows = Object.fromEntries(DAY_TYPES.map((d) => {
    const w = c.openingWindows[d];
    return [d, { open: !!w, from: w?.from ?? '08:00', to: w?.to ?? '21:00' }];
  })) as CentreFormValues['openingWindows'];
  return { ...structuredClone(c), openingWindows: windows };
}

const clock = (v: unknown) => (typeof v === 'string' ? v.trim() : v) as string;

/** The PUT body (PutCentreDto): exactly the five fields, times trimmed; an emptied number stays null so the check names it. */
export function fromForm(v: CentreFormValues): CentreConfig {
  const openingWindows = Object.fromEntries(DAY_TYPES.map((d) => {
    const w = v.openingWindows[d];
    return [d, w.open ? { from: clock(w.from), to: clock(w.to) } : null];
  })) as CentreConfig['openingWindows'];
  return {
    openingWindows,
    coverage: (v.coverage ?? []).map((b) => ({ dayTypes: b.dayTypes ?? [], from: clock(b.from), to: clock(b.to), min: b.min })),
    roles: (v.roles ?? []).map((r) => ({ dayTypes: r.dayTypes ?? [], roles: r.roles ?? [], min: r.min })),
    templates: (v.templates ?? []).map((t) => ({ code: clock(t.code), start: clock(t.start), end: clock(t.end), breakMinutes: t.breakMinutes })),
    restDaysPer7: v.restDaysPer7,
  };
}

/** The day types whose opening window holds the whole shift: the solver offers a template only on those. */
export function usableOn(c: CentreConfig, t: ShiftTemplate): DayType[] {
  if (!isHhmm(t.start) || !isHhmm(t.end)) return [];
  return DAY_TYPES.filter((d) => {
    const w = c.openingWindows[d];
    return !!w && isHhmm(w.from) && isHhmm(w.to) && toMinutes(w.from) <= toMinutes(t.start) && toMinutes(t.end) <= toMinutes(w.to);
  });
}

export const OUTSIDE_WINDOWS = 'fits no opening window';

/**
 * The API's own check (the solver lib's centreConfigIssues, which PUT runs), plus one the service
 * leaves out: a template that fits inside no open day's window would never be rostered.
 */
export function centreIssues(c: CentreConfig): ConfigIssue[] {
  const issues = centreConfigIssues(c);
  if (issues.length) return issues;
  return c.templates.flatMap((t, i) => (usableOn(c, t).length ? [] : [{ path: `templates[${i}].end`, issue: OUTSIDE_WINDOWS }]));
}

/**
 * The form field an issue belongs to. The lib names a template's times `.from` / `.to` (its range
 * helper's names) and a too-long shift by the template alone: those land on start / end.
 */
export function fieldOf(path: string): Array<string | number> | null {
  const [head, index, leaf] = path.split(/[.[\]]+/).filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  if (head === 'restDaysPer7') return ['restDaysPer7'];
  if (head === 'openingWindows' && typeof index === 'string') return ['openingWindows', index, leaf ?? 'from'];
  if (head === 'templates' && typeof index === 'number') return ['templates', index, leaf === 'from' ? 'start' : leaf === 'to' || leaf === undefined ? 'end' : leaf];
  if ((head === 'coverage' || head === 'roles') && typeof index === 'number' && leaf !== undefined) return [head, index, leaf];
  return null; // a whole list (no templates at all): said above the form
}

/** What each of the lib's issues means, by its wording (the lib speaks English for developers). */
const ISSUES: Array<[RegExp, MessageKey]> = [
  [/fits no opening window/, 'centres.issue.outsideWindows'],
  [/HH:MM/, 'centres.issue.time'],
  [/must be after from/, 'centres.issue.order'],
  [/30-minute slot/, 'centres.issue.slot'],
  [/day types|must be one of/, 'centres.issue.dayTypes'],
  [/A–Z/, 'centres.issue.code'],
  [/used twice/, 'centres.issue.codeTwice'],
  [/0 to 180/, 'centres.issue.break'],
  [/11 h/, 'centres.issue.tooLong'],
  [/0 to 50/, 'centres.issue.min50'],
  [/0 to 10/, 'centres.issue.min10'],
  [/role tags/, 'centres.issue.roles'],
  [/non-empty list/, 'centres.issue.noTemplates'],
  [/1 or 2/, 'centres.issue.rest'],
];

export const issueKey = (issue: string): MessageKey => ISSUES.find(([re]) => re.test(issue))?.[1] ?? 'centres.issue.invalid';

/** A duration in minutes as hours ("13", "8.5"): the screen speaks hours, the API minutes. */
export const hoursOf = (minutes: number): string => String(Math.round((minutes / 60) * 100) / 100);

/** Paid time of a shift (the break is unpaid), in hours: 480 → "8", 450 → "7.5". */
export function paidHours(t: ShiftTemplate): string {
  if (!isHhmm(t.start) || !isHhmm(t.end)) return '-';
  return hoursOf(toMinutes(t.end) - toMinutes(t.start) - t.breakMinutes);
}
