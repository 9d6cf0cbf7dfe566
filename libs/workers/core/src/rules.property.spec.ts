/** Properties of the register rules over many generated cases (a seeded generator: reproducible, no dependency). */
import { addMonths, fullMonthsBetween } from './dates';
import { placeByPolicy, progressionDue, type GradePolicy } from './grade';
import { rankCandidates } from './ranking';
import { membershipInYear, owedTenths } from './training-owed';

function rng(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}
const pad = (n: number) => String(n).padStart(2, '0');
const date = (r: (n: number) => number) => `${2000 + r(30)}-${pad(1 + r(12))}-${pad(1 + r(28))}`;

const policy: GradePolicy = {
  entry: (['HEAD', 'DEPUTY', 'OTHER'] as const).map((band, i) => ({ id: `E-${band}`, band, education: 'BACHELOR', baseGrade: [9, 6, 3][i] })),
  bands: [{ id: 'H', band: 'HEAD', minGrade: 7, maxGrade: 18 }, { id: 'D', band: 'DEPUTY', minGrade: 4, maxGrade: 15 }, { id: 'O', band: 'OTHER', minGrade: 1, maxGrade: 12 }],
  progression: { id: 'P', yearsPerStep: 3 },
};

describe('register rules, properties', () => {
  const r = rng(20261130);

  it('training owed never exceeds the requirement, grows with the months, and is the whole requirement for a full year', () => {
    for (let i = 0; i < 2000; i++) {
      const required = r(1000);
      let previous = -1;
      for (let months = 0; months <= 12; months++) {
        const owed = owedTenths(required, months);
        expect(owed).toBeGreaterThanOrEqual(previous);
        expect(owed).toBeLessThanOrEqual(required);
        previous = owed;
      }
      expect(owedTenths(required, 12)).toBe(required);
      expect(owedTenths(required, 0)).toBe(0);
    }
  });

  it('membership months lie in 0–12 and are 12 for anyone employed from before the year to after it', () => {
    for (let i = 0; i < 2000; i++) {
      const hire = date(r);
      const left = r(3) === 0 ? null : date(r);
      const year = 2000 + r(32);
      const m = membershipInYear(hire, left !== null && left < hire ? hire : left, year);
      expect(m.months).toBeGreaterThanOrEqual(0);
      expect(m.months).toBeLessThanOrEqual(12);
      if (hire < `${year}-01-01` && (left === null || left > `${year}-12-31`)) expect(m).toMatchObject({ months: 12, basis: 'FULL_YEAR' });
    }
  });

  it('month arithmetic round-trips: from + fullMonthsBetween(from, to) months is never after to', () => {
    for (let i = 0; i < 2000; i++) {
      const [a, b] = [date(r), date(r)].sort();
      const n = fullMonthsBetween(a, b);
      expect(addMonths(a, n) <= b).toBe(true);
      expect(addMonths(a, n + 1) > b).toBe(true);
    }
  });

  it('a yearly run right after another changes nothing, and 36 more months of prior service is one more step (until the top)', () => {
    for (let i = 0; i < 1000; i++) {
      const band = (['HEAD', 'DEPUTY', 'OTHER'] as const)[r(3)];
      const worker = { education: 'BACHELOR', hireDate: date(r), priorServiceMonths: r(400) };
      const asOf = addMonths(worker.hireDate, r(300));
      const placed = placeByPolicy(policy, band, worker, worker.hireDate);
      const stepped = progressionDue(policy, placed, asOf);
      const current = stepped ?? placed;
      expect(progressionDue(policy, current, asOf)).toBeNull();
      expect(current.grade).toBeLessThanOrEqual(policy.bands.find((b) => b.band === band)!.maxGrade);
      const more = placeByPolicy(policy, band, { ...worker, priorServiceMonths: worker.priorServiceMonths + 36 }, worker.hireDate);
      expect(more.grade).toBe(Math.min(placed.grade + 1, policy.bands.find((b) => b.band === band)!.maxGrade));
    }
  });

  it('ranking is ordered by total, then interview, then application order', () => {
    for (let i = 0; i < 300; i++) {
      const candidates = Array.from({ length: 1 + r(12) }, (_, id) => ({ id: id + 1, written: `${r(101)}.${pad(r(100))}`.replace(/^100\.\d+$/, '100'), interview: `${r(100)}.${pad(r(100))}`, status: 'APPLIED' }));
      const ranked = rankCandidates(`0.${pad(r(100))}`, candidates);
      for (let k = 1; k < ranked.length; k++) {
        const [a, b] = [ranked[k - 1], ranked[k]];
        const cmp = Number(a.total) - Number(b.total) || Number(a.candidate.interview) - Number(b.candidate.interview) || b.candidate.id - a.candidate.id;
        expect(cmp).toBeGreaterThan(0);
      }
    }
  });
});
