/**
 * Throughput of computeWorkerMonth on 100,000 synthetic worker-months (8,334 workers × 12 months,
 * year-to-date state chained), generated deterministically from a fixed seed.
 *
 *   npx swc tools/bench libs -d dist --config-file .swcrc >/dev/null && node dist/tools/bench/payroll-engine.bench.js [BASE_PAY]
 *
 * The argument BASE_PAY runs it with an OVERTIME row whose hourly rate is base pay alone (before
 * session 11; the default takes the monthly wage), to compare the two in one sitting.
 */
import { type OvertimeKind, type WorkerMonthInput, type YtdState, computeWorkerMonth, defaultPolicy, emptyYtd } from '@cws/payroll-engine';
import { seededRandom } from '@cws/kernel';

const TARGET = 100_000;
const YEAR = 2025;
const RUNS = 5;

function generate(): WorkerMonthInput[][] {
  const rand = seededRandom(20250101);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const int = (min: number, max: number): number => min + Math.floor(rand() * (max - min + 1));
  const workers: WorkerMonthInput[][] = [];
  const bands = [['OTHER', 1, 12], ['OTHER', 1, 12], ['OTHER', 1, 12], ['DEPUTY', 4, 15], ['HEAD', 7, 18]] as const;
  const kinds: OvertimeKind[] = ['WORKDAY', 'REST_DAY', 'HOLIDAY'];
  for (let w = 0; w * 12 < TARGET; w++) {
    const [band, lo, hi] = pick(bands);
    const grade = int(lo, hi);
    const start = `${int(1995, 2024)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
    const qualificationLevel = pick([null, null, 'ASSISTANT', 'SOCIAL_WORKER', 'SENIOR']);
    const contributionBaseFen = BigInt(int(300_000, 3_000_000));
    const specialDeductionsFen = BigInt(pick([0, 0, 100_000, 200_000, 300_000, 400_000]));
    const months: WorkerMonthInput[] = [];
    for (let month = 1; month <= 12; month++) {
      months.push({
        workerId: `W${w}`,
        year: YEAR,
        month,
        band,
        grade,
        serviceStartDate: start,
        qualificationLevel,
        extraBodies: rand() < 0.2 ? int(1, 2) : 0,
        shifts: int(0, 8),
        secondedIn: rand() < 0.05,
        attendance: rand() < 0.05 ? { workedDays: String(int(1, 21)), scheduledDays: 22 } : undefined,
        overtime: rand() < 0.3 ? [{ kind: pick(kinds), hours: String(int(1, 12)) }] : undefined,
        arrears: rand() < 0.02 ? [{ ref: `ARR-${w}-${month}`, label: 'correction', amountFen: BigInt(int(-50_000, 200_000)) }] : undefined,
        contributionBaseFen,
        specialDeductionsFen,
        bonus: month === 12 && rand() < 0.5 ? { amountFen: BigInt(int(0, 5_000_000)), method: pick(['SEPARATE', 'MERGED'] as const) } : undefined,
      });
    }
    workers.push(months);
  }
  return workers;
}

function run(workers: WorkerMonthInput[][], policy: ReturnType<typeof defaultPolicy>): { count: number; checksum: bigint } {
  let count = 0;
  let checksum = 0n;
  for (const months of workers) {
    let ytd: YtdState = emptyYtd(YEAR);
    for (const input of months) {
      const r = computeWorkerMonth(input, policy, ytd);
      ytd = r.ytd;
      checksum += r.net;
      count++;
    }
  }
  return { count, checksum };
}

function main(): void {
  const seeded = defaultPolicy(YEAR);
  const policy = process.argv[2] === 'BASE_PAY' ? { ...seeded, overtime: { ...seeded.overtime, hourlyBase: 'BASE_PAY' as const } } : seeded;
  const workers = generate();
  run(workers.slice(0, 500), policy); // warm-up: JIT and the compiled-policy cache
  // Wall time and this process's CPU time: on a shared machine CPU time is the steadier figure.
  const runs: { wall: number; cpu: number }[] = [];
  let result = { count: 0, checksum: 0n };
  for (let i = 0; i < RUNS; i++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    result = run(workers, policy);
    const wall = Number(process.hrtime.bigint() - t0) / 1e9;
    const c = process.cpuUsage(c0);
    runs.push({ wall, cpu: (c.user + c.system) / 1e6 });
  }
  const bestWall = Math.min(...runs.map((r) => r.wall));
  const bestCpu = Math.min(...runs.map((r) => r.cpu));
  const rate = (s: number) => Math.round(result.count / s).toLocaleString('en-US');
  console.log(`payroll engine: ${result.count} worker-months × ${RUNS} runs, overtime on ${policy.overtime.hourlyBase} (node ${process.version})`);
  console.log(`wall: best ${bestWall.toFixed(3)} s → ${rate(bestWall)} worker-months/s (runs: ${runs.map((r) => r.wall.toFixed(3)).join(', ')})`);
  console.log(`cpu:  best ${bestCpu.toFixed(3)} s → ${rate(bestCpu)} worker-months/s`);
  console.log(`checksum (Σ net, fen): ${result.checksum}`);
}

main();
