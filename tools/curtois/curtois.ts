/**
 * npm run curtois -- <instance-file> [--seconds N] [--seed S] [--out solution.csv] [--no-mip | --mip-only] [--verbose]
 *
 * --no-mip: annealing alone. --mip-only: HiGHS alone on the whole model from an empty start (the
 * reference the issue compares against), for measuring, not for use.
 *
 * Solves a Curtois & Qu shift-scheduling instance (DOMAIN.md §7) and prints one JSON line
 * { instance, objective, feasible, seconds }. The objective and feasibility printed are those of the
 * independent evaluator, not the solver's own bookkeeping. HiGHS (WebAssembly) is loaded here and
 * injected into the pure solver as its neighbourhood MIP.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  type CurtoisAssignment,
  type CurtoisInstance,
  type MipSolve,
  CURTOIS_OFF,
  applyMipSolution,
  buildNeighbourhoodLp,
  compileCurtois,
  curtoisAssignments,
  evaluateCurtois,
  formatCurtoisSolution,
  parseCurtoisInstance,
  solveCurtois,
} from '@cws/scheduler-solver';
import { loadHighsMip } from './highs-mip';

interface Args {
  file: string;
  seconds: number;
  seed: number;
  out?: string;
  mip: boolean;
  mipOnly: boolean;
  verbose: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { file: '', seconds: 60, seed: 1, mip: true, mipOnly: false, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--seconds') args.seconds = Number(value());
    else if (a === '--seed') args.seed = Number(value());
    else if (a === '--out') args.out = value();
    else if (a === '--no-mip') args.mip = false;
    else if (a === '--mip-only') args.mipOnly = true;
    else if (a === '--verbose') args.verbose = true;
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else args.file = a;
  }
  if (!args.file) throw new Error('usage: npm run curtois -- <instance-file> [--seconds N] [--seed S] [--out solution.csv] [--no-mip]');
  if (!(args.seconds > 0)) throw new Error('--seconds must be a positive number');
  if (!Number.isInteger(args.seed)) throw new Error('--seed must be an integer');
  return args;
}

async function main(): Promise<void> {
  const started = Date.now();
  const args = parseArgs(process.argv.slice(2));
  const name = path.basename(args.file).replace(/\.txt$/, '');
  const instance = parseCurtoisInstance(readFileSync(args.file, 'utf8'), name);
  const mip: MipSolve | undefined = args.mip || args.mipOnly ? await loadHighsMip() : undefined;
  // The budget counts from process start, so reading and loading WebAssembly are inside it.
  const seconds = args.seconds - (Date.now() - started) / 1000;
  const log = args.verbose ? (l: string) => process.stderr.write(`${((Date.now() - started) / 1000).toFixed(1)}s ${l}\n`) : undefined;
  let assignments: CurtoisAssignment[];
  if (args.mipOnly && mip) {
    assignments = mipAlone(instance, mip, seconds);
  } else {
    const result = solveCurtois(instance, { seconds, seed: args.seed, mip, log });
    assignments = result.assignments;
    log?.(JSON.stringify({ ...result.stats, provenOptimal: result.provenOptimal }));
  }
  const check = evaluateCurtois(instance, assignments);
  if (args.out) writeFileSync(args.out, formatCurtoisSolution(assignments));
  const cpu = process.cpuUsage();
  log?.(JSON.stringify({ cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(1)), violations: check.violations.slice(0, 5) }));
  process.stdout.write(
    `${JSON.stringify({ instance: name, objective: check.objective, feasible: check.feasible, seconds: Number(((Date.now() - started) / 1000).toFixed(2)) })}\n`,
  );
}

/** HiGHS on the whole model from an empty roster: the reference solver, for comparison only. */
function mipAlone(instance: CurtoisInstance, mip: MipSolve, seconds: number): CurtoisAssignment[] {
  const c = compileCurtois(instance);
  const empty = new Int16Array(c.E * c.H).fill(CURTOIS_OFF);
  const free = new Uint8Array(c.E * c.H).fill(1);
  const res = mip(buildNeighbourhoodLp(c, empty, free), seconds);
  return res.status === 'optimal' || res.status === 'feasible' ? curtoisAssignments(c, applyMipSolution(c, empty, free, res.values)) : [];
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
