// The instance in flat typed arrays for the solver: employees, days and shifts become indexes, and a
// roster is one Int16Array of E×H cells, row-major by employee, holding a shift index or OFF.
import type { CurtoisAssignment, CurtoisInstance } from './model';

export const OFF = -1;
export const NO_LIMIT = 1 << 30;

export interface Compiled {
  instance: CurtoisInstance;
  E: number;
  H: number;
  S: number;
  minutes: Int32Array; // [s]
  forbidden: Uint8Array; // [prev*S + next] = 1 when next may not follow prev
  maxOfType: Int32Array; // [e*S + s]
  maxMinutes: Int32Array; // [e]
  minMinutes: Int32Array;
  maxConsecutive: Int32Array;
  minConsecutive: Int32Array;
  minDaysOff: Int32Array;
  maxWeekends: Int32Array;
  dayOff: Uint8Array; // [e*H + d]
  /** Request cost of putting value v (OFF = -1) in cell (e,d): [(e*H + d)*(S+1) + v + 1]. */
  cellCost: Int32Array;
  coverReq: Int32Array; // [d*S + s]
  coverUnder: Int32Array;
  coverOver: Int32Array;
  /** Shifts each employee may work at all (max of type > 0), for move generation. */
  allowed: Int16Array[];
}

export function compile(instance: CurtoisInstance): Compiled {
  const E = instance.staff.length;
  const H = instance.horizon;
  const S = instance.shifts.length;
  const sIdx = new Map(instance.shifts.map((s, i) => [s.id, i]));
  const eIdx = new Map(instance.staff.map((s, i) => [s.id, i]));
  const minutes = Int32Array.from(instance.shifts.map((s) => s.minutes));
  const forbidden = new Uint8Array(S * S);
  instance.shifts.forEach((s, i) => s.cannotFollow.forEach((f) => (forbidden[i * S + sIdx.get(f)!] = 1)));
  const maxOfType = new Int32Array(E * S).fill(NO_LIMIT);
  const dayOff = new Uint8Array(E * H);
  const allowed: Int16Array[] = [];
  instance.staff.forEach((st, e) => {
    for (const [sid, n] of Object.entries(st.maxShifts)) maxOfType[e * S + sIdx.get(sid)!] = n;
    for (const d of instance.daysOff[st.id] ?? []) dayOff[e * H + d] = 1;
    const ok: number[] = [];
    for (let s = 0; s < S; s++) if (maxOfType[e * S + s] > 0) ok.push(s);
    allowed.push(Int16Array.from(ok));
  });
  const per = (f: (s: (typeof instance.staff)[number]) => number): Int32Array => Int32Array.from(instance.staff.map(f));
  const cellCost = new Int32Array(E * H * (S + 1));
  for (const r of instance.onRequests) {
    const base = (eIdx.get(r.employee)! * H + r.day) * (S + 1);
    const s = sIdx.get(r.shift)!;
    for (let v = -1; v < S; v++) if (v !== s) cellCost[base + v + 1] += r.weight;
  }
  for (const r of instance.offRequests) {
    cellCost[(eIdx.get(r.employee)! * H + r.day) * (S + 1) + sIdx.get(r.shift)! + 1] += r.weight;
  }
  const coverReq = new Int32Array(H * S);
  const coverUnder = new Int32Array(H * S);
  const coverOver = new Int32Array(H * S);
  for (const c of instance.cover) {
    const k = c.day * S + sIdx.get(c.shift)!;
    coverReq[k] = c.requirement;
    coverUnder[k] = c.underWeight;
    coverOver[k] = c.overWeight;
  }
  return {
    instance,
    E,
    H,
    S,
    minutes,
    forbidden,
    maxOfType,
    maxMinutes: per((s) => s.maxTotalMinutes),
    minMinutes: per((s) => s.minTotalMinutes),
    maxConsecutive: per((s) => s.maxConsecutiveShifts),
    minConsecutive: per((s) => s.minConsecutiveShifts),
    minDaysOff: per((s) => s.minConsecutiveDaysOff),
    maxWeekends: per((s) => s.maxWeekends),
    dayOff,
    cellCost,
    coverReq,
    coverUnder,
    coverOver,
    allowed,
  };
}

export function toAssignments(c: Compiled, roster: Int16Array): CurtoisAssignment[] {
  const out: CurtoisAssignment[] = [];
  for (let e = 0; e < c.E; e++) {
    for (let d = 0; d < c.H; d++) {
      const s = roster[e * c.H + d];
      if (s !== OFF) out.push({ employee: c.instance.staff[e].id, day: d, shift: c.instance.shifts[s].id });
    }
  }
  return out;
}
