import { readFileSync } from 'node:fs';
import path from 'node:path';
import { OFF, compile, toAssignments } from './compiled';
import { evaluateCurtois } from './evaluate';
import { generateCurtoisText } from './generate';
import { localSearch } from './local-search';
import { parseCurtoisInstance } from './parse';
import { seededRandom } from '@cws/kernel';
import { SearchState } from './search-state';
import { solveCurtois } from './solve';

// The shared benchmark files sit next to the repository (../shared from the checkout root).
const INSTANCE1 = path.resolve(__dirname, '../../../../../../shared/data/curtois/Instance1.txt');
const BEST_KNOWN_INSTANCE1 = 607; // proven optimal (DOMAIN.md §7), hence a lower bound

describe('solveCurtois', () => {
  it('solves Instance1 briefly into a roster the independent evaluator finds feasible', () => {
    const inst = parseCurtoisInstance(readFileSync(INSTANCE1, 'utf8'), 'Instance1');
    // An iteration budget (the time is only a ceiling) keeps the test independent of machine load.
    const r = solveCurtois(inst, { seconds: 30, seed: 7, maxIterations: 150_000 });
    const check = evaluateCurtois(inst, r.assignments);
    expect(check.violations).toEqual([]);
    expect(r.feasible).toBe(true);
    expect(check.objective).toBe(r.objective);
    expect(check.objective).toBeGreaterThanOrEqual(BEST_KNOWN_INSTANCE1);
    expect(check.objective).toBeLessThan(BEST_KNOWN_INSTANCE1 * 1.1);
  });

  it('finds a feasible roster for a generated 12 × 21 instance (feasible by construction)', () => {
    const inst = parseCurtoisInstance(generateCurtoisText({ staff: 12, days: 21, seed: 3 }), 'gen');
    const r = solveCurtois(inst, { seconds: 30, seed: 1, maxIterations: 100_000 });
    expect(evaluateCurtois(inst, r.assignments).violations).toEqual([]);
  });

  it('is deterministic for a seed and an iteration budget', () => {
    const c = compile(parseCurtoisInstance(readFileSync(INSTANCE1, 'utf8')));
    const run = (seed: number) => localSearch(c, { seed, deadline: Number.MAX_SAFE_INTEGER, maxIterations: 50_000 }).roster;
    expect(Array.from(run(5))).toEqual(Array.from(run(5)));
    expect(Array.from(run(5))).not.toEqual(Array.from(run(6)));
  });
});

describe('SearchState bookkeeping agrees with the independent evaluator', () => {
  it('on random rosters and after random cell changes', () => {
    const inst = parseCurtoisInstance(generateCurtoisText({ staff: 6, days: 21, seed: 11, shiftTypes: 4 }), 'gen');
    const c = compile(inst);
    const rand = seededRandom(99);
    for (let trial = 0; trial < 40; trial++) {
      const x = new Int16Array(c.E * c.H);
      const pOff = rand();
      for (let i = 0; i < x.length; i++) x[i] = rand() < pOff ? OFF : Math.floor(rand() * c.S);
      const st = new SearchState(c, x);
      for (let k = 0; k < 20; k++) {
        const i = Math.floor(rand() * x.length);
        st.setCell(i, rand() < 0.4 ? OFF : Math.floor(rand() * c.S));
        st.refreshRow(Math.floor(i / c.H));
      }
      const check = evaluateCurtois(inst, toAssignments(c, st.x));
      expect(st.soft).toBe(check.objective);
      expect(st.violation < 1e-9).toBe(check.feasible);
      for (let e = 0; e < c.E; e++) {
        const rowOk = !check.violations.some((v) => v.employee === inst.staff[e].id);
        expect(st.rowViolation[e] < 1e-9).toBe(rowOk);
      }
    }
  });
});
