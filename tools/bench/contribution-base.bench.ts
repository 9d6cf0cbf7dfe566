/**
 * What the contribution base costs a run's chunk (docs/benchmarks.md "Contribution base"): seeds a throwaway
 * payroll schema with N workers (default 10,000) paid 22 settled months (2025-01 … 2026-10), then, chunk by
 * chunk of 1,000 workers as a run computes 2026-11, times the settled-history read as it was before the base
 * (tax state and recovery columns only) against the read as it is now (plus gross, payer and the pro-rated
 * flag) followed by `wageRecordOf` for every worker, both for a worker with a reference year on record (2025)
 * and for a newcomer (reference year 2024: none on record, so the first full month is looked for).
 * Prints JSON; the figures that matter are the ratios, measured in one run.
 *   npm run bench -- contribution-base      (or: node dist/tools/bench/contribution-base.bench.js [workers])
 */
import 'reflect-metadata';
import os from 'node:os';
import { wageRecordOf } from '@cws/payroll-engine';
import { startTestApp, testConfig } from '@cws/testing';
import { DataSource } from 'typeorm';
import { payrollService } from '../../apps/payroll/src/payroll.definition';
import { PayslipRepository } from '../../apps/payroll/src/runs/payslip.repository';
import { groupByWorker } from '../../apps/payroll/src/runs/slip-rows';

const CHUNK = 1000;
const MONTHS = [...Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`), ...Array.from({ length: 10 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`)];

async function seed(ds: DataSource, workers: number): Promise<void> {
  for (const period of MONTHS) {
    const run = await ds.query(
      `INSERT INTO payroll_run (period, type, status, compute_state, created_by, created_by_name, created_at, approved_at) VALUES (?, 'REGULAR', 'PAID', 'DONE', 'bench', 'bench', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))`,
      [period],
    );
    const runId = run.insertId;
    for (let from = 1; from <= workers; from += 2000) {
      const rows: string[] = [];
      const args: unknown[] = [];
      for (let w = from; w < Math.min(from + 2000, workers + 1); w++) {
        rows.push(`(?, ?, ?, 1, 0, '330106', '330106001', '330106001001', 'bench', 'COMPUTED', 'HOME', ?, ?, '[]', '{}', UTC_TIMESTAMP(3))`);
        // Every 7th month of every 5th worker pro-rated, so the newcomer read has rows to skip.
        args.push(runId, w, period, `${6000 + (w % 900)}.${String(w % 100).padStart(2, '0')}`, w % 5 === 0 && period.endsWith('7') ? 'PRO_RATED' : '');
      }
      await ds.query(
        `INSERT INTO payslip (run_id, worker_id, period, generation, chunk_no, district_code, street_code, community_code, worker_name, status, payer, gross, flags, line_items, tax_state, computed_at)
         VALUES ${rows.join(', ')}`,
        args,
      );
    }
  }
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

async function main(): Promise<void> {
  const workers = Number(process.argv[2] ?? 10_000);
  const t = await startTestApp(payrollService, testConfig('payroll'));
  try {
    const ds = t.app.get(DataSource);
    const slips = t.app.get(PayslipRepository);
    const started = Date.now();
    await seed(ds, workers);
    const seedMs = Date.now() - started;
    await ds.query('ANALYZE TABLE payslip, payroll_run');
    // The read before the contribution base: the same query without gross, payer and flags.
    const before = (ids: number[]) =>
      ds.query(
        `SELECT s.worker_id AS workerId, s.period, r.type AS runType, s.slip_kind AS slipKind, s.tax_state AS taxState, s.recovery_carried AS recoveryCarried
           FROM payslip s JOIN payroll_run r ON r.id = s.run_id
          WHERE s.worker_id IN (${ids.map(() => '?').join(', ')}) AND s.period >= ? AND s.period < ? AND s.status = 'COMPUTED'
            AND r.status IN ('APPROVED', 'PAID')
          ORDER BY s.worker_id, r.approved_at, s.run_id, s.id`,
        [...ids, '2025-01', '2026-11'],
      );
    const now = (ids: number[], referenceYear: number) => async () => {
      const history = groupByWorker(await slips.settledSince(ids, '2025-01', '2026-11'));
      for (const id of ids) {
        const w = wageRecordOf(history.get(id) ?? [], referenceYear, '2026-11');
        if (referenceYear === 2025 ? w.months !== 12 : w.firstFullMonthFen === null) throw new Error(`unexpected wage record for ${id}`);
      }
    };
    const ms = { before: 0, withBase: 0, withBaseNewcomers: 0 };
    // Two rounds; the first warms the buffer pool, the second is reported.
    for (let round = 0; round < 2; round++) {
      Object.assign(ms, { before: 0, withBase: 0, withBaseNewcomers: 0 });
      for (let from = 1; from <= workers; from += CHUNK) {
        const ids = Array.from({ length: Math.min(CHUNK, workers - from + 1) }, (_, i) => from + i);
        ms.before += await timed(() => before(ids));
        ms.withBase += await timed(now(ids, 2025));
        ms.withBaseNewcomers += await timed(now(ids, 2024));
      }
    }
    const round = (x: number) => Math.round(x * 10) / 10;
    const ratio = (x: number) => Math.round((x / ms.before) * 100) / 100;
    console.log(JSON.stringify({
      bench: 'contribution-base', date: new Date().toISOString(), cpus: os.cpus().length, load: os.loadavg().map(round), node: process.version,
      workers, settledMonths: MONTHS.length, slips: workers * MONTHS.length, seedMs, chunks: Math.ceil(workers / CHUNK),
      ms: { before: round(ms.before), withBase: round(ms.withBase), withBaseNewcomers: round(ms.withBaseNewcomers) },
      ratioToBefore: { withBase: ratio(ms.withBase), newcomers: ratio(ms.withBaseNewcomers) },
    }, null, 2));
  } finally {
    await t.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
