/**
 * Scale check for the Curtois & Qu solver on a synthetic instance larger than the shared ones
 * (the benchmark's hidden instances go up to 150 staff × 364 days). The instance is generated
 * deterministically (feasible by construction), solved with the CLI's settings (annealing + HiGHS
 * LNS) and judged by the independent evaluator. Nothing is written to disk.
 *
 *   npm run bench -- curtois-synthetic            (100 staff × 182 days, 60 s)
 *   node dist/tools/bench/curtois-synthetic.bench.js 150 364 60
 */
import { evaluateCurtois, generateCurtoisText, parseCurtoisInstance, solveCurtois } from '@cws/scheduler-solver';
import { loadHighsMip } from '../curtois/highs-mip';

async function main(): Promise<void> {
  const [staff = 100, days = 182, seconds = 60] = process.argv.slice(2).map(Number);
  const instance = parseCurtoisInstance(generateCurtoisText({ staff, days, seed: 1, shiftTypes: 4 }), `synthetic-${staff}x${days}`);
  const mip = await loadHighsMip();
  const started = Date.now();
  const result = solveCurtois(instance, { seconds, seed: 1, mip });
  const check = evaluateCurtois(instance, result.assignments);
  console.log(
    JSON.stringify({
      instance: instance.name,
      objective: check.objective,
      parts: check.parts,
      feasible: check.feasible,
      violations: check.violations.length,
      seconds: (Date.now() - started) / 1000,
      ...result.stats,
    }),
  );
  if (!check.feasible) process.exitCode = 1;
}

void main();
