/**
 * Recruitment ranking: total = written × weight + interview × (1 − weight), two places half up
 * (integer hundredths, no float); ties by interview score, then by application order (id).
 */

/** "82.5" / "82.50" / "100" → hundredths. */
export function parseHundredths(v: string): number {
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(v.trim());
  if (!m) throw new Error(`not a score with at most two decimal places: ${v}`);
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

export const formatHundredths = (h: number): string => `${Math.floor(h / 100)}.${String(h % 100).padStart(2, '0')}`;

export interface RankInput {
  id: number;
  written: string | null;
  interview: string | null;
  status: string;
}

export interface Ranked<T extends RankInput> {
  rank: number;
  total: string;
  candidate: T;
}

/** The weighted total in hundredths: (w × W + i × (100 − W)) / 100, half up; missing scores count 0. */
export function totalHundredths(weight: string, written: string | null, interview: string | null): number {
  const w = parseHundredths(weight);
  if (w > 100) throw new Error(`weight above 1: ${weight}`);
  const raw = parseHundredths(written ?? '0') * w + parseHundredths(interview ?? '0') * (100 - w);
  return Math.floor((raw + 50) / 100);
}

export function rankCandidates<T extends RankInput>(weight: string, candidates: T[]): Array<Ranked<T>> {
  const scored = candidates.map((c) => ({ c, total: totalHundredths(weight, c.written, c.interview), interview: parseHundredths(c.interview ?? '0') }));
  scored.sort((a, b) => b.total - a.total || b.interview - a.interview || a.c.id - b.c.id);
  return scored.map((s, i) => ({ rank: i + 1, total: formatHundredths(s.total), candidate: s.c }));
}

/** Candidates still in contention: applied, both scores in, no upheld objection. Others cannot be passed over. */
export const IN_CONTENTION = 'APPLIED';

/**
 * Those ranked above `candidateId` who are still in contention (applied and fully scored): choosing
 * this candidate passes over them, which needs a recorded reason.
 */
export function passedOver<T extends RankInput>(ranked: Array<Ranked<T>>, candidateId: number): Array<Ranked<T>> {
  const at = ranked.findIndex((r) => r.candidate.id === candidateId);
  if (at < 0) return [];
  return ranked.slice(0, at).filter((r) => r.candidate.status === IN_CONTENTION && r.candidate.written !== null && r.candidate.interview !== null);
}
