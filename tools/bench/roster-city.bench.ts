/**
 * City scale for the roster solver: 1,300 service centres × 15 workers, one month (May 2026, with
 * its Labour Day holidays and adjusted working day), solved on every core with worker threads —
 * as scheduler processes would share the flow's child jobs. Inputs are generated from a fixed seed:
 * 2 leaders per centre, about one worker in six with a few days of leave, a few day-off requests.
 * Afterwards every roster is judged by the independent checker (outside the timed part).
 *
 *   npx swc tools/bench libs -d dist --config-file .swcrc -q && node dist/tools/bench/roster-city.bench.js [centres] [workers] [threads]
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { seededRandom } from '@cws/kernel';
import { checkRoster, DEMO_CALENDAR_2026, defaultCentreConfig, monthDates, rosterProblem, solveRoster, type RosterProblem, type RosterWorker, type SolveResult } from '@cws/scheduler-solver';

const MONTH = '2026-05';

function centreProblem(index: number, size: number): RosterProblem {
  const rand = seededRandom(1000 + index);
  const dates = monthDates(MONTH);
  const workers: RosterWorker[] = Array.from({ length: size }, (_, i) => {
    const unavailable: string[] = [];
    if (rand() < 1 / 6) {
      const start = Math.floor(rand() * (dates.length - 5));
      const len = 1 + Math.floor(rand() * 5);
      unavailable.push(...dates.slice(start, start + len));
    }
    const requests = rand() < 0.3 ? [{ date: dates[Math.floor(rand() * dates.length)], want: 'OFF' }] : [];
    return { id: index * 100 + i + 1, roles: i < 2 ? ['LEADER'] : [], unavailable, requests };
  });
  return rosterProblem(MONTH, defaultCentreConfig(), workers, DEMO_CALENDAR_2026);
}

interface Share {
  from: number;
  to: number;
  size: number;
}
interface ShareResult {
  solved: number;
  ms: number;
  gapRules: Record<string, number>;
  centresWithGaps: number;
}

/** Solves a share of the centres; the independent checker runs afterwards, when the main thread asks (outside the timed part). */
function solveShare({ from, to, size }: Share): void {
  const started = Date.now();
  const results: Array<{ p: RosterProblem; r: SolveResult }> = [];
  for (let i = from; i < to; i++) {
    const p = centreProblem(i, size);
    results.push({ p, r: solveRoster(p, { seed: 1 }) });
  }
  const gapRules: Record<string, number> = {};
  for (const { r } of results) for (const u of r.uncovered) gapRules[u.rule] = (gapRules[u.rule] ?? 0) + 1;
  const done: ShareResult = { solved: results.length, ms: Date.now() - started, gapRules, centresWithGaps: results.filter(({ r }) => r.uncovered.length > 0).length };
  parentPort!.postMessage(done);
  parentPort!.once('message', () => {
    let violations = 0;
    for (const { p, r } of results) violations += checkRoster(p, r.assignments).filter((v) => v.rule !== 'COVERAGE' && v.rule !== 'ROLE_ON_DUTY').length;
    parentPort!.postMessage(violations);
  });
}

async function main(): Promise<void> {
  const centres = Number(process.argv[2] ?? 1300);
  const size = Number(process.argv[3] ?? 15);
  const threads = Number(process.argv[4] ?? availableParallelism());
  const per = Math.ceil(centres / threads);
  const cpu0 = process.cpuUsage();
  const started = Date.now();
  const workers = Array.from({ length: threads }, (_, k) => new Worker(__filename, { workerData: { from: k * per, to: Math.min(centres, (k + 1) * per), size } satisfies Share }));
  const next = <T>(w: Worker) => new Promise<T>((resolve, reject) => { w.once('message', resolve); w.once('error', reject); });
  const shares = await Promise.all(workers.map((w) => next<ShareResult>(w)));
  const wall = (Date.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const violations = await Promise.all(workers.map((w) => { const v = next<number>(w); w.postMessage('check'); return v; }));
  await Promise.all(workers.map((w) => w.terminate()));
  const gapRules: Record<string, number> = {};
  for (const s of shares) for (const [k, v] of Object.entries(s.gapRules)) gapRules[k] = (gapRules[k] ?? 0) + v;
  console.log(JSON.stringify({
    centres, workersPerCentre: size, month: MONTH, threads,
    solveSecondsWall: Number(wall.toFixed(1)),
    solveCpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(1)),
    cpuShare: Number(((cpu.user + cpu.system) / 1e6 / wall / threads).toFixed(2)),
    solveSecondsPerThread: shares.map((s) => Number((s.ms / 1000).toFixed(1))),
    centresWithGaps: shares.reduce((n, s) => n + s.centresWithGaps, 0), gapRules,
    hardRuleViolations: violations.reduce((a, b) => a + b, 0),
    target: 'all centres in ≤ 60 s',
  }));
}

if (isMainThread) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
} else {
  solveShare(workerData as Share);
}
