/**
 * Finding a worker's shifts in a city's published rosters: C centres (default 1,300) × W workers (default 20), two
 * months published, each version stored as a solve stores it (`RosterRepository.saveSolution`: the problem, a month
 * of shifts — ~37 KB of JSON for 20 workers — and its `roster_worker` rows). Then, five times each, alternating:
 *   - one worker, this month and later (a register change's re-check; `publishedCheckableWithWorker`);
 *   - fifteen workers, one month, other centres (a publish's look at the month after; `publishedElsewhereWithAny`);
 * as the repository reads them now (the `roster_worker` index) and as it did before (`JSON_CONTAINS` on each of the
 * month's versions, ORed per worker — the SQL is repeated here as the baseline). Both must find the same versions.
 * Last, the migration's fill of `roster_worker` from the stored JSON is timed on these versions. Prints JSON figures
 * (median ms). Build and run:
 *   npx swc tools/bench apps libs -d dist --config-file .swcrc -q
 *   node dist/tools/bench/roster-worker-search.bench.js [centres] [workers]
 */
import 'reflect-metadata';
import os from 'node:os';
import { startTestApp, testConfig } from '@cws/testing';
import { DEMO_CALENDAR_2026, defaultCentreConfig, monthDates, rosterProblem, type Assignment } from '@cws/scheduler-solver';
import { DataSource } from 'typeorm';
import { RosterWorker1768700000000 } from '../../apps/scheduler/src/migrations/1768700000000-roster-worker';
import { RosterRepository } from '../../apps/scheduler/src/rosters/roster.repository';
import { schedulerService } from '../../apps/scheduler/src/scheduler.definition';

const MONTHS = ['2026-05', '2026-06'];
const SHIFTS = ['EARLY', 'MID', 'LATE'];
const REPS = 5;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timed<T>(read: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = process.hrtime.bigint();
  const result = await read();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, result };
}

async function main(): Promise<void> {
  const centres = Number(process.argv[2] ?? 1300);
  const size = Number(process.argv[3] ?? 20);
  const t = await startTestApp(schedulerService, testConfig('scheduler'));
  try {
    const ds = t.app.get(DataSource);
    const rosters = t.app.get(RosterRepository);
    const community = (c: number) => `3301060${String(1 + (c % 9)).padStart(2, '0')}${String(c).padStart(3, '0')}`;
    const workerId = (c: number, i: number) => c * 100 + i + 1;
    const setupStarted = Date.now();
    for (const month of MONTHS) {
      await rosters.insertMany(ds.manager, Array.from({ length: centres }, (_, c) => ({
        communityCode: community(c), districtCode: '330106', streetCode: community(c).slice(0, 9), month, version: 1, reason: 'GENERATE' as const,
        basedOnId: null, generationId: null, seed: 1, swap: null, createdBy: 'bench',
      })));
      const ids: Array<{ id: string; community_code: string }> = await ds.query('SELECT id, community_code FROM roster WHERE month = ? ORDER BY community_code', [month]);
      const dates = monthDates(month);
      for (const [c, row] of ids.entries()) {
        const workers = Array.from({ length: size }, (_, i) => ({ id: workerId(c, i), roles: i < 2 ? ['LEADER'] : [], unavailable: [], requests: [] }));
        // a shift a day but one in seven, spread over the templates: the size of a solved month, not a solved one
        const assignments: Assignment[] = workers.flatMap((w, i) => dates.filter((_, d) => (d + i) % 7 !== 0).map((date, d) => ({ workerId: w.id, date, shift: SHIFTS[(d + i) % SHIFTS.length] })));
        const problem = rosterProblem(month, defaultCentreConfig(), workers, DEMO_CALENDAR_2026);
        await rosters.saveSolution(ds.manager, Number(row.id), { problem, assignments, uncovered: [], hours: [], objective: 0 });
        await rosters.setStatus(ds.manager, Number(row.id), 'PUBLISHED', 'bench');
      }
    }
    const [{ kb }] = await ds.query('SELECT ROUND(AVG(LENGTH(assignments)) / 1024, 1) AS kb FROM roster');
    const setupMs = Date.now() - setupStarted;

    const one = workerId(Math.floor(centres / 2), 3);
    const fifteen = Array.from({ length: 15 }, (_, k) => workerId(Math.floor((k * centres) / 15), k % size));
    const scan = (workers: number[]) => `(${workers.map(() => 'JSON_CONTAINS(r.assignments, ?)').join(' OR ')})`;
    const who = (workers: number[]) => workers.map((w) => JSON.stringify({ workerId: w }));
    const reads = {
      oneWorkerFromMonth: {
        indexed: () => rosters.publishedCheckableWithWorker(ds.manager, MONTHS[0], one),
        scanned: () => ds.query(`SELECT r.id, r.community_code, r.month, r.status, r.assignments FROM roster r WHERE r.month >= ? AND r.status = 'PUBLISHED' AND ${scan([one])} ORDER BY r.month, r.community_code`, [MONTHS[0], ...who([one])]),
      },
      fifteenWorkersElsewhere: {
        indexed: () => rosters.publishedElsewhereWithAny(ds.manager, MONTHS[1], community(0), fifteen),
        scanned: () => ds.query(`SELECT r.id, r.community_code, r.month, r.status, r.assignments FROM roster r WHERE r.month = ? AND r.status = 'PUBLISHED' AND r.community_code <> ? AND ${scan(fifteen)} ORDER BY r.community_code`, [MONTHS[1], community(0), ...who(fifteen)]),
      },
    };
    const figures: Record<string, { indexedMs: number; scannedMs: number; ratio: number; versions: number }> = {};
    for (const [name, read] of Object.entries(reads)) {
      const indexed: number[] = [];
      const scanned: number[] = [];
      let versions = 0;
      for (let rep = 0; rep < REPS; rep++) {
        const a = await timed(read.indexed);
        const b = await timed(read.scanned);
        const found = a.result.map((r) => r.id);
        const baseline = (b.result as Array<{ id: string }>).map((r) => Number(r.id));
        if (JSON.stringify(found) !== JSON.stringify(baseline)) throw new Error(`${name}: the index found ${found} but the scan ${baseline}`);
        versions = found.length;
        indexed.push(a.ms);
        scanned.push(b.ms);
      }
      figures[name] = { indexedMs: +median(indexed).toFixed(2), scannedMs: +median(scanned).toFixed(1), ratio: +(median(scanned) / median(indexed)).toFixed(0), versions };
    }
    // what the migration's fill of roster_worker costs on these versions (a deployment over existing rosters)
    const qr = ds.createQueryRunner();
    const migration = new RosterWorker1768700000000();
    let backfillMs = 0;
    try {
      await migration.down(qr);
      backfillMs = (await timed(() => migration.up(qr))).ms;
    } finally {
      await qr.release();
    }
    const [{ n: rows }] = await ds.query('SELECT COUNT(*) AS n FROM roster_worker');
    console.log(JSON.stringify({
      bench: 'roster-worker-search', date: new Date().toISOString(), cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version,
      centres, workersPerCentre: size, months: MONTHS, assignmentsKb: Number(kb), setupMs, figures,
      backfill: { versions: centres * MONTHS.length, rows: Number(rows), ms: Math.round(backfillMs) },
    }));
  } finally {
    await t.close();
  }
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
