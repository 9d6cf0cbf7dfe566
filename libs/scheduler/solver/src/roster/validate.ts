import { DAY_TYPES } from './calendar';
import type { CentreConfig } from './model';
import { isHhmm, toMinutes } from './time';

export interface ConfigIssue {
  path: string;
  issue: string;
}

/**
 * Checks a centre configuration given as untrusted JSON; returns every problem with its field
 * path (empty when valid). Pure, so the admin UI can run the same checks before saving.
 */
export function centreConfigIssues(c: unknown): ConfigIssue[] {
  const out: ConfigIssue[] = [];
  const bad = (path: string, issue: string) => out.push({ path, issue });
  if (!c || typeof c !== 'object') return [{ path: '', issue: 'must be an object' }];
  const cfg = c as Partial<CentreConfig>;
  const time = (path: string, v: unknown) => (isHhmm(v) ? true : (bad(path, 'must be a time HH:MM between 00:00 and 24:00'), false));
  const range = (path: string, from: unknown, to: unknown) => {
    if (time(`${path}.from`, from) && time(`${path}.to`, to) && toMinutes(from as string) >= toMinutes(to as string)) bad(`${path}.to`, 'must be after from');
  };
  const dayTypes = (path: string, v: unknown) => {
    if (!Array.isArray(v) || v.length === 0) return bad(path, 'must be a non-empty list of day types');
    v.forEach((t, i) => !DAY_TYPES.includes(t) && bad(`${path}[${i}]`, `must be one of ${DAY_TYPES.join(', ')}`));
  };
  if (!cfg.openingWindows || typeof cfg.openingWindows !== 'object') bad('openingWindows', 'must give a window (or null) for each day type');
  else for (const t of DAY_TYPES) {
    const w = cfg.openingWindows[t];
    if (w === null) continue;
    if (!w || typeof w !== 'object') bad(`openingWindows.${t}`, 'must be { from, to } or null');
    else range(`openingWindows.${t}`, w.from, w.to);
  }
  if (!Array.isArray(cfg.templates) || cfg.templates.length === 0) bad('templates', 'must be a non-empty list');
  else {
    const codes = new Set<string>();
    cfg.templates.forEach((t, i) => {
      const p = `templates[${i}]`;
      if (typeof t?.code !== 'string' || !/^[A-Z0-9_]{1,20}$/.test(t.code)) bad(`${p}.code`, 'must be 1–20 of A–Z, 0–9, _');
      else if (codes.has(t.code)) bad(`${p}.code`, `${t.code} is used twice`);
      else codes.add(t.code);
      range(p, t?.start, t?.end);
      if (!Number.isInteger(t?.breakMinutes) || t.breakMinutes < 0 || t.breakMinutes > 180) bad(`${p}.breakMinutes`, 'must be an integer from 0 to 180');
      else if (isHhmm(t.start) && isHhmm(t.end) && toMinutes(t.end) - toMinutes(t.start) - t.breakMinutes > 11 * 60) bad(p, 'more than 11 h of work (8 h + 3 h overtime) in one shift');
    });
  }
  if (!Array.isArray(cfg.coverage)) bad('coverage', 'must be a list');
  else cfg.coverage.forEach((b, i) => {
    const p = `coverage[${i}]`;
    dayTypes(`${p}.dayTypes`, b?.dayTypes);
    range(p, b?.from, b?.to);
    if (isHhmm(b?.from) && toMinutes(b.from) % 30 !== 0) bad(`${p}.from`, 'must fall on a 30-minute slot');
    if (isHhmm(b?.to) && toMinutes(b.to) % 30 !== 0) bad(`${p}.to`, 'must fall on a 30-minute slot');
    if (!Number.isInteger(b?.min) || b.min < 0 || b.min > 50) bad(`${p}.min`, 'must be an integer from 0 to 50');
  });
  if (!Array.isArray(cfg.roles)) bad('roles', 'must be a list');
  else cfg.roles.forEach((r, i) => {
    const p = `roles[${i}]`;
    dayTypes(`${p}.dayTypes`, r?.dayTypes);
    if (!Array.isArray(r?.roles) || r.roles.length === 0 || r.roles.some((x) => typeof x !== 'string')) bad(`${p}.roles`, 'must be a non-empty list of role tags');
    if (!Number.isInteger(r?.min) || r.min < 0 || r.min > 10) bad(`${p}.min`, 'must be an integer from 0 to 10');
  });
  if (cfg.restDaysPer7 !== 1 && cfg.restDaysPer7 !== 2) bad('restDaysPer7', 'must be 1 or 2');
  return out;
}
