import type { CurtoisAssignment, CurtoisCover, CurtoisInstance, CurtoisShift, CurtoisStaff, CurtoisRequest } from './model';

/** A malformed instance or solution file; `line` is 1-based. */
export class CurtoisFormatError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'CurtoisFormatError';
  }
}

const SECTIONS = [
  'SECTION_HORIZON',
  'SECTION_SHIFTS',
  'SECTION_STAFF',
  'SECTION_DAYS_OFF',
  'SECTION_SHIFT_ON_REQUESTS',
  'SECTION_SHIFT_OFF_REQUESTS',
  'SECTION_COVER',
] as const;
type Section = (typeof SECTIONS)[number];

interface Line {
  no: number;
  fields: string[];
}

function int(text: string, what: string, line: number, min = 0): number {
  if (!/^-?\d+$/.test(text.trim())) throw new CurtoisFormatError(`${what} must be an integer, got "${text}"`, line);
  const n = Number(text);
  if (n < min) throw new CurtoisFormatError(`${what} must be at least ${min}, got ${n}`, line);
  return n;
}

function expectFields(l: Line, count: number, section: Section): void {
  if (l.fields.length !== count) {
    throw new CurtoisFormatError(`${section} expects ${count} comma-separated fields, got ${l.fields.length}`, l.no);
  }
}

/** Splits the text into sections; a section runs from its header to the next blank line. */
function sections(text: string): Map<Section, Line[]> {
  const out = new Map<Section, Line[]>();
  let current: Line[] | null = null;
  text.split(/\r?\n/).forEach((raw, i) => {
    const no = i + 1;
    const line = raw.trim();
    if (line.startsWith('#')) return;
    if (line === '') {
      current = null;
      return;
    }
    if (line.startsWith('SECTION_')) {
      if (!(SECTIONS as readonly string[]).includes(line)) throw new CurtoisFormatError(`unknown section ${line}`, no);
      if (out.has(line as Section)) throw new CurtoisFormatError(`duplicate section ${line}`, no);
      current = [];
      out.set(line as Section, current);
      return;
    }
    if (!current) throw new CurtoisFormatError(`data outside any section: "${line}"`, no);
    current.push({ no, fields: line.split(',').map((f) => f.trim()) });
  });
  return out;
}

/** Reads an instance file's text. Every id reference and every day index is checked. */
export function parseCurtoisInstance(text: string, name = 'instance'): CurtoisInstance {
  const secs = sections(text);
  for (const s of ['SECTION_HORIZON', 'SECTION_SHIFTS', 'SECTION_STAFF', 'SECTION_COVER'] as const) {
    if (!secs.has(s)) throw new CurtoisFormatError(`missing ${s}`, text.split(/\r?\n/).length);
  }
  const horizonLines = secs.get('SECTION_HORIZON')!;
  if (horizonLines.length !== 1) throw new CurtoisFormatError('SECTION_HORIZON holds exactly one number', horizonLines[0]?.no ?? 1);
  expectFields(horizonLines[0], 1, 'SECTION_HORIZON');
  const horizon = int(horizonLines[0].fields[0], 'horizon', horizonLines[0].no, 1);
  const day = (t: string, no: number): number => {
    const d = int(t, 'day', no);
    if (d >= horizon) throw new CurtoisFormatError(`day ${d} is outside the horizon of ${horizon} days`, no);
    return d;
  };

  const shifts: CurtoisShift[] = secs.get('SECTION_SHIFTS')!.map((l) => {
    expectFields(l, 3, 'SECTION_SHIFTS');
    const [id, minutes, follow] = l.fields;
    if (!id) throw new CurtoisFormatError('empty shift id', l.no);
    return { id, minutes: int(minutes, 'shift length', l.no, 1), cannotFollow: follow ? follow.split('|').map((s) => s.trim()) : [] };
  });
  const shiftIds = new Set<string>();
  for (const [i, s] of shifts.entries()) {
    if (shiftIds.has(s.id)) throw new CurtoisFormatError(`duplicate shift ${s.id}`, secs.get('SECTION_SHIFTS')![i].no);
    shiftIds.add(s.id);
  }
  const knownShift = (id: string, no: number): string => {
    if (!shiftIds.has(id)) throw new CurtoisFormatError(`unknown shift "${id}"`, no);
    return id;
  };
  secs.get('SECTION_SHIFTS')!.forEach((l, i) => shifts[i].cannotFollow.forEach((f) => knownShift(f, l.no)));

  const staff: CurtoisStaff[] = secs.get('SECTION_STAFF')!.map((l) => {
    expectFields(l, 8, 'SECTION_STAFF');
    const [id, maxes, maxT, minT, maxC, minC, minO, maxW] = l.fields;
    const maxShifts: Record<string, number> = {};
    for (const part of maxes ? maxes.split('|') : []) {
      const [sid, n] = part.split('=');
      if (n === undefined) throw new CurtoisFormatError(`max shifts must read ShiftID=count, got "${part}"`, l.no);
      maxShifts[knownShift(sid.trim(), l.no)] = int(n, `max shifts of ${sid}`, l.no);
    }
    return {
      id,
      maxShifts,
      maxTotalMinutes: int(maxT, 'max total minutes', l.no),
      minTotalMinutes: int(minT, 'min total minutes', l.no),
      maxConsecutiveShifts: int(maxC, 'max consecutive shifts', l.no),
      minConsecutiveShifts: int(minC, 'min consecutive shifts', l.no),
      minConsecutiveDaysOff: int(minO, 'min consecutive days off', l.no),
      maxWeekends: int(maxW, 'max weekends', l.no),
    };
  });
  const staffIds = new Set<string>();
  secs.get('SECTION_STAFF')!.forEach((l, i) => {
    if (staffIds.has(staff[i].id)) throw new CurtoisFormatError(`duplicate employee ${staff[i].id}`, l.no);
    staffIds.add(staff[i].id);
  });
  const knownStaff = (id: string, no: number): string => {
    if (!staffIds.has(id)) throw new CurtoisFormatError(`unknown employee "${id}"`, no);
    return id;
  };

  const daysOff: Record<string, number[]> = {};
  for (const l of secs.get('SECTION_DAYS_OFF') ?? []) {
    const [id, ...days] = l.fields;
    const list = (daysOff[knownStaff(id, l.no)] ??= []);
    for (const d of days) if (d !== '') list.push(day(d, l.no));
  }
  const requests = (section: Section): CurtoisRequest[] =>
    (secs.get(section) ?? []).map((l) => {
      expectFields(l, 4, section);
      const [e, d, s, w] = l.fields;
      return { employee: knownStaff(e, l.no), day: day(d, l.no), shift: knownShift(s, l.no), weight: int(w, 'weight', l.no) };
    });
  const cover: CurtoisCover[] = secs.get('SECTION_COVER')!.map((l) => {
    expectFields(l, 5, 'SECTION_COVER');
    const [d, s, r, u, o] = l.fields;
    return {
      day: day(d, l.no),
      shift: knownShift(s, l.no),
      requirement: int(r, 'requirement', l.no),
      underWeight: int(u, 'under weight', l.no),
      overWeight: int(o, 'over weight', l.no),
    };
  });
  return {
    name,
    horizon,
    shifts,
    staff,
    daysOff,
    onRequests: requests('SECTION_SHIFT_ON_REQUESTS'),
    offRequests: requests('SECTION_SHIFT_OFF_REQUESTS'),
    cover,
  };
}

/** Reads a solution file (`EmployeeID,Day,ShiftID` per line). Ids are not checked here: the evaluator reports them. */
export function parseCurtoisSolution(text: string): CurtoisAssignment[] {
  const out: CurtoisAssignment[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const fields = line.split(',').map((f) => f.trim());
    if (fields.length !== 3) throw new CurtoisFormatError(`a solution line reads EmployeeID,Day,ShiftID, got "${line}"`, i + 1);
    out.push({ employee: fields[0], day: int(fields[1], 'day', i + 1), shift: fields[2] });
  });
  return out;
}

export function formatCurtoisSolution(assignments: readonly CurtoisAssignment[]): string {
  return assignments.map((a) => `${a.employee},${a.day},${a.shift}\n`).join('');
}
