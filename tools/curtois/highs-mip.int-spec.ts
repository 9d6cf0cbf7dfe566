import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  type MipSolve,
  applyMipSolution,
  buildNeighbourhoodLp,
  compileCurtois as compile,
  curtoisAssignments as toAssignments,
  curtoisLocalSearch as localSearch,
  evaluateCurtois,
  generateCurtoisText,
  parseCurtoisInstance,
  solveCurtois,
} from '@cws/scheduler-solver';
import { loadHighsMip } from './highs-mip';

const INSTANCE1 = path.resolve(__dirname, '../../../shared/data/curtois/Instance1.txt');

describe('the MIP model solved by HiGHS, checked by the independent evaluator', () => {
  let mip: MipSolve;
  beforeAll(async () => {
    mip = await loadHighsMip();
  });

  it.each([1, 2, 3])('whole generated instance %i: optimal, feasible, and no worse than annealing', (seed) => {
    const inst = parseCurtoisInstance(generateCurtoisText({ staff: 4, days: 14, seed, shiftTypes: 2 }), `gen${seed}`);
    const c = compile(inst);
    const sa = localSearch(c, { seed, deadline: Number.MAX_SAFE_INTEGER, maxIterations: 30_000 });
    const free = new Uint8Array(c.E * c.H).fill(1);
    const res = mip(buildNeighbourhoodLp(c, sa.roster, free), 20);
    expect(res.status).toBe('optimal');
    const roster = applyMipSolution(c, sa.roster, free, res.values);
    const check = evaluateCurtois(inst, toAssignments(c, roster));
    expect(check.violations).toEqual([]);
    const saCheck = evaluateCurtois(inst, toAssignments(c, sa.roster));
    if (saCheck.feasible) expect(check.objective).toBeLessThanOrEqual(saCheck.objective);
  });

  it('a neighbourhood re-optimised from a feasible roster is feasible and never worse', () => {
    const inst = parseCurtoisInstance(generateCurtoisText({ staff: 8, days: 28, seed: 5, shiftTypes: 3 }), 'gen');
    const c = compile(inst);
    const sa = localSearch(c, { seed: 1, deadline: Number.MAX_SAFE_INTEGER, maxIterations: 300_000 });
    const before = evaluateCurtois(inst, toAssignments(c, sa.roster));
    expect(before.feasible).toBe(true);
    // Days 7–13 for everyone are free; the rest stays as it is.
    const free = new Uint8Array(c.E * c.H);
    for (let e = 0; e < c.E; e++) free.fill(1, e * c.H + 7, e * c.H + 14);
    const res = mip(buildNeighbourhoodLp(c, sa.roster, free), 20);
    expect(res.status).toBe('optimal');
    const roster = applyMipSolution(c, sa.roster, free, res.values);
    for (let i = 0; i < roster.length; i++) if (!free[i]) expect(roster[i]).toBe(sa.roster[i]);
    const after = evaluateCurtois(inst, toAssignments(c, roster));
    expect(after.violations).toEqual([]);
    expect(after.objective).toBeLessThanOrEqual(before.objective);
  });

  it('proves the best-known value of Instance1 (607) optimal', () => {
    const inst = parseCurtoisInstance(readFileSync(INSTANCE1, 'utf8'), 'Instance1');
    // Stops as soon as the whole model is proven optimal; the budget is only a ceiling for a loaded machine.
    const r = solveCurtois(inst, { seconds: 45, seed: 1, mip });
    expect(r.provenOptimal).toBe(true);
    expect(evaluateCurtois(inst, r.assignments)).toMatchObject({ feasible: true, objective: 607 });
  });
});
