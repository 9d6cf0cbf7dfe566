import { Injectable, Logger } from '@nestjs/common';
import { formatMoney, parseMoney, type Fen } from '@cws/kernel';
import { buildPolicy, computeBonusSlip, computePayslip, contributionReferenceYear, contributionYearStart, periodAfter, periodLastDay, topUpsDue, wageRecordOf, type FrozenWorker, type PayCalendar, type PayrollPolicy } from '@cws/payroll-engine';
import type { RunInputs } from '@cws/payroll-contracts';
import { inTransaction } from '@cws/persistence';
import { DataSource } from 'typeorm';
import { TopUpLineRepository } from '../benchmark/top-up-line.repository';
import { DeclaredBaseRepository } from '../contribution-bases/declared-base.repository';
import { PolicyService } from '../policy/policy.service';
import { WorkforceChangeRepository } from '../workforce-changes/workforce-change.repository';
import { ArrearsService, type RunArrears } from './arrears.service';
import { CorrectionComputeService } from './correction-compute.service';
import { policyFromJson, policyRowIds, policyToJson } from './frozen-policy';
import { addSlip, noTotals, PayrollRunChunkRepository, type ChunkTotals } from './payroll-run-chunk.repository';
import { PayrollRunComputeQueue } from './payroll-run-compute.queue';
import type { PayrollRunEntity } from './payroll-run.entities';
import { PayrollRunRepository } from './payroll-run.repository';
import { PayslipRepository, type PayslipRow } from './payslip.repository';
import { carriedInputs, type CarriedInputs } from './run-carried-inputs';
import { payCalendarOf, RunInputsSource } from './run-inputs.source';
import { computedRow, failedRow, groupByWorker, lowIncomeLastYear, recoveryOwed, stateOfYear } from './slip-rows';

/** Workers per chunk (one child job): small runs still spread over several jobs, large ones stay at 1,000. */
export function chunkSizeFor(total: number): number {
  return Math.max(50, Math.min(1000, Math.ceil(total / 8)));
}

/**
 * Computes runs: `freeze` (snapshot, hours, policy and arrears into chunk rows, then the flow),
 * `computeChunk` (one child: compute and upsert a chunk's slips in one transaction) and `finish`
 * (the parent: drop slips of older generations, mark DONE). Every step checks the run's
 * generation first, so a stale or repeated job does nothing, and a retried one redoes its whole
 * unit of work (upserts), which leaves exactly one slip per worker.
 */
@Injectable()
export class PayrollRunComputeService {
  private readonly logger = new Logger('PayrollRunCompute');
  /** Parsed frozen inputs by run and generation (each process parses a run's inputs once). */
  private readonly frozenByRun = new Map<string, FrozenForChunks>();

  constructor(
    private readonly arrears: ArrearsService,
    private readonly changes: WorkforceChangeRepository,
    private readonly chunks: PayrollRunChunkRepository,
    private readonly corrections: CorrectionComputeService,
    private readonly dataSource: DataSource,
    private readonly declaredBases: DeclaredBaseRepository,
    private readonly inputs: RunInputsSource,
    private readonly payslips: PayslipRepository,
    private readonly policy: PolicyService,
    private readonly queue: PayrollRunComputeQueue,
    private readonly runs: PayrollRunRepository,
    private readonly topUps: TopUpLineRepository,
  ) {}

  async freeze(runId: string, generation: number): Promise<void> {
    const run = await this.runs.findById(runId);
    if (!run || run.generation !== generation || run.status !== 'DRAFT') return;
    // A retry after this generation was completely frozen: only the flow may be missing (its ids make re-adding a no-op).
    if (frozenGeneration(run.inputs) === generation) return this.queue.addFlow(run, generation, await this.chunks.countOf(runId, generation));
    await this.runs.setComputeState(runId, generation, { computeState: 'COMPUTING', computeStartedAt: new Date(), computeError: null });
    try {
      const period = run.period;
      const year = Number(period.slice(0, 4));
      const asOf = periodLastDay(period);
      const policy = buildPolicy(await this.policy.rowsFor(year, asOf), year, asOf);
      const { rosters: hours, unavailable: hoursUnavailable } = await this.inputs.hours(period);
      const calendar = await this.inputs.calendar(period);
      const carried = carriedInputs(run.inputs);
      // Only a REGULAR run carries arrears: a CORRECTION re-issues the corrected slips' items as they were (correction-compute.service.ts),
      // and bonus and top-up slips have none. It measures them for the workers it pays, wherever the change was recorded.
      const arrears = run.type === 'REGULAR' ? await this.arrears.forRun(period) : null;
      const leavers = await this.changes.leaversIn(period, run.districtCode, run.streetCode);
      // A TOP_UP run pays the workers of the latest stored top-up result of the year that covers its scope, nobody else:
      // each the amount owed less what the year's settled top-up runs paid them (a second run pays the difference).
      const topUp = run.type === 'TOP_UP' ? await this.topUpsDue(year, run) : null;
      const topUps = topUp?.due ?? null;
      // A CORRECTION run re-issues its named workers only; a BONUS run with per-worker amounts pays those workers only.
      const selected = selectedWorkers(carried);
      await this.dataSource.transaction('READ COMMITTED', (m) => this.chunks.deleteForRun(m, runId));
      const writer = new ChunkWriter((chunkNo, part) => this.chunks.insert(this.dataSource.manager, runId, chunkNo, generation, part.length, JSON.stringify(part)));
      const taken = new Set<number>();
      // A worker is paid once a month: one whose slip another REGULAR run of the month already holds (a transfer back-dated
      // into the month after that run was computed puts them in this scope's snapshot too) is left out, and named.
      const elsewhere = new Map<number, string>();
      let rostered = false; // some worker of the run has roster hours (SCHEDULER), else NONE (or UNAVAILABLE: the scheduler did not answer)
      const take = async (page: FrozenWorker[], last: boolean) => {
        let workers = page;
        if (topUps) workers = workers.filter((w) => topUps.has(w.workerId));
        if (selected) workers = workers.filter((w) => selected.has(w.workerId));
        if (run.type === 'REGULAR') {
          const held = await this.payslips.regularInOtherRuns(workers.map((w) => w.workerId), period, runId);
          held.forEach((otherRun, workerId) => elsewhere.set(workerId, otherRun));
          if (held.size) workers = workers.filter((w) => !held.has(w.workerId));
        }
        const owed = arrears ? await arrears.of(workers.map((w) => w.workerId)) : null;
        for (const w of workers) {
          if (topUps) w.topUpFen = String(topUps.get(w.workerId)!);
          taken.add(w.workerId);
          const a = owed?.get(w.workerId);
          if (a) (w as FrozenWorker & { arrears?: unknown }).arrears = a.map((x) => ({ refPeriod: x.refPeriod, amountFen: String(x.amountFen) }));
        }
        // only the days served count: a leaver's up to their last day, a transfer's split by place (roster-days.ts)
        if (hours) await this.inputs.attachHours(hours, workers);
        rostered ||= workers.some((w) => w.hours !== null);
        await writer.add(workers, last);
      };
      // The workforce of the period's last day, page by page into chunks; then those who left during the period, each as of
      // their last day (one who left on the period's last day is in the first pass, paid the whole month).
      await this.inputs.periodPages(period, run.scopeCode, leavers, take);
      await writer.flush();
      const notCarried = arrears ? await this.arrearsNotCarried(run, arrears, (id) => taken.has(id) || elsewhere.has(id)) : {};
      const frozen: RunInputs & { policy: unknown; generation: number } = {
        ...carried,
        asOf, policyRowIds: policyRowIds(policy), hours: rostered ? 'SCHEDULER' : hoursUnavailable ? 'UNAVAILABLE' : 'NONE', snapshotWorkers: writer.workers, frozenAt: new Date().toISOString(), calendar,
        policy: policyToJson(policy), generation,
        ...(elsewhere.size ? { inOtherRuns: { workers: elsewhere.size, workerIds: [...elsewhere.keys()].slice(0, 50), runIds: [...new Set(elsewhere.values())] } } : {}),
        ...notCarried,
        ...(topUp ? { topUp: topUp.inputs } : {}),
      };
      const ok = await this.dataSource.transaction('READ COMMITTED', async (m) => {
        const locked = await this.runs.findById(runId, m, true);
        if (!locked || locked.generation !== generation || locked.status !== 'DRAFT') return false;
        await this.runs.update(m, runId, { inputs: frozen });
        return true;
      });
      if (!ok) return;
      if (writer.chunks === 0) return this.finish(runId, generation);
      await this.queue.addFlow(run, generation, writer.chunks);
    } catch (e) {
      await this.failed(runId, generation, e);
      throw e;
    }
  }

  /**
   * Arrears recorded in the run's place for workers no run of the month pays — employed nowhere on its last day, not
   * leaving in it (a leaver of an earlier month, say): this run answers for them but cannot carry them, so it names
   * them (the first 50 items) for a CORRECTION of the month each refers to. Every run re-measures them until settled.
   * A worker paid by another place's run (transferred since) is carried there.
   */
  private async arrearsNotCarried(run: PayrollRunEntity, arrears: RunArrears, carried: (workerId: number) => boolean): Promise<Pick<RunInputs, 'arrearsNotCarried'>> {
    const ids = (await this.arrears.recordedIn(run.period, run.districtCode, run.streetCode)).filter((id) => !carried(id));
    if (!ids.length) return {};
    const paidElsewhere = await this.inputs.workersIn(run.period, new Set(ids), await this.changes.leaversIn(run.period, null, null));
    const owed = await arrears.of(ids.filter((id) => !paidElsewhere.has(id)));
    if (!owed.size) return {};
    const items = [...owed].flatMap(([workerId, list]) => list.map((a) => ({ workerId, refPeriod: a.refPeriod, amount: formatMoney(a.amountFen) })));
    return { arrearsNotCarried: { workers: owed.size, items: items.slice(0, 50) } };
  }

  /** The top-ups a TOP_UP run pays (`topUpsDue`), and what its inputs say of them. */
  private async topUpsDue(year: number, run: PayrollRunEntity): Promise<{ due: Map<number, Fen>; inputs: NonNullable<RunInputs['topUp']> }> {
    const latest = await this.topUps.latestFor(year, run.districtCode, run.streetCode);
    const owed = new Map([...latest.amounts].map(([id, amount]) => [id, parseMoney(amount)]));
    const { due, deducted, overpaid } = topUpsDue(owed, await this.payslips.topUpsPaid(year, run.districtCode, run.streetCode));
    return { due, inputs: { resultId: latest.resultId, deductedWorkers: deducted, overpaid: { workers: overpaid.length, workerIds: overpaid.slice(0, 50) } } };
  }

  async computeChunk(runId: string, generation: number, chunkNo: number): Promise<void> {
    const run = await this.runs.findById(runId);
    if (!run || run.generation !== generation || run.status !== 'DRAFT') return;
    const chunk = await this.chunks.get(runId, chunkNo);
    if (!chunk || chunk.generation !== generation) return;
    const started = Date.now();
    const { policy, calendar } = this.frozen(runId, generation, run.inputs);
    const workers: (FrozenWorker & { arrears?: { refPeriod: string; amountFen: string }[] })[] = JSON.parse(chunk.inputs);
    const at = { runId, period: run.period, generation, chunkNo };
    if (run.type === 'CORRECTION') {
      const { rows, totals } = await this.corrections.computeChunk(run, at, workers, policy, calendar);
      return this.persist(runId, chunkNo, generation, rows, { ...totals, computeMs: Date.now() - started });
    }
    const year = Number(run.period.slice(0, 4));
    const bonus = carriedInputs(run.inputs).bonus;
    const bonusAmounts = bonus?.amounts ? new Map(bonus.amounts.map((b) => [b.workerId, parseMoney(b.amount)])) : null;
    // From last January (tax state, the ≤ 60,000 flag), or from the contribution base's reference year when that is earlier,
    // through this month: a bonus or top-up follows the month's approved wages (and an earlier bonus of the month), whose
    // state carries this month's income, tax and recovery. A REGULAR run has no settled slip of its own month before it.
    const baseYear = contributionReferenceYear(run.period, policy);
    const ids = workers.map((w) => w.workerId);
    const settled = groupByWorker(await this.payslips.settledSince(ids, `${Math.min(year - 1, baseYear)}-01`, periodAfter(run.period)));
    // Bases HR declared for this contribution year win over the wages (bonus and top-up slips carry no contributions).
    const declared = run.type === 'REGULAR' ? await this.declaredBases.inForce(ids, contributionYearStart(run.period, policy), run.period) : null;
    const rows: PayslipRow[] = new Array(workers.length);
    const totals = noTotals();
    for (let i = 0; i < workers.length; i++) {
      const w = workers[i];
      const history = settled.get(w.workerId) ?? [];
      try {
        const common = { period: run.period, worker: w, state: stateOfYear(history, year), recoveryOwedFen: recoveryOwed(history), lowIncomeLastYear: lowIncomeLastYear(history, year) };
        const slip = w.topUpFen !== undefined
          ? computeBonusSlip({ ...common, bonus: { amountFen: BigInt(w.topUpFen), method: 'MERGED' }, code: 'TOP_UP' }, policy)
          : bonus
          ? computeBonusSlip({ ...common, bonus: { amountFen: bonusAmounts?.get(w.workerId) ?? parseMoney(bonus.amount!), method: bonus.method } }, policy)
          : computePayslip({ ...common, calendar, wages: wageRecordOf(history, baseYear, run.period), declaredBase: declared?.get(w.workerId), arrears: (w.arrears ?? []).map((a) => ({ refPeriod: a.refPeriod, amountFen: BigInt(a.amountFen) })) }, policy);
        rows[i] = computedRow(at, w, slip);
        totals.done++;
        addSlip(totals, slip);
      } catch (e) {
        // One worker's bad data fails that slip, with the reason; the rest of the chunk goes on.
        rows[i] = failedRow(at, w, e);
        totals.failed++;
      }
    }
    totals.computeMs = Date.now() - started;
    await this.persist(runId, chunkNo, generation, rows, totals);
  }

  /**
   * One transaction: the chunk's slips (multi-row upsert) and its counters, totals and timings. Chunks persist side by
   * side, and two upserts into one unique index can deadlock: the victim runs again at once instead of costing the chunk
   * job a retry with its back-off (nothing outside the database happens in it).
   */
  private async persist(runId: string, chunkNo: number, generation: number, rows: PayslipRow[], totals: ChunkTotals): Promise<void> {
    const writing = Date.now();
    await inTransaction(this.dataSource, async (m) => {
      // a job of an older generation (the run was recalculated meanwhile) must not overwrite the current slips
      if (!(await this.chunks.lockCurrent(m, runId, chunkNo, generation))) return;
      await this.payslips.upsertMany(m, rows);
      totals.persistMs = Date.now() - writing;
      await this.chunks.markDone(m, runId, chunkNo, generation, totals);
    }, { isolation: 'READ COMMITTED' });
  }

  async finish(runId: string, generation: number): Promise<void> {
    const run = await this.runs.findById(runId);
    if (!run || run.generation !== generation) return;
    const a = await this.chunks.aggregate(runId);
    if (a.pendingChunks > 0) throw new Error(`run ${runId}: ${a.pendingChunks} chunk(s) not done`);
    await inTransaction(this.dataSource, async (m) => {
      await this.payslips.deleteStale(m, runId, generation);
      await this.runs.setComputeState(runId, generation, { computeState: 'DONE', computeFinishedAt: new Date(), computeError: null }, m);
    }, { isolation: 'READ COMMITTED' });
    this.frozenByRun.delete(`${runId}:${generation}`);
  }

  /** The last attempt of a step failed: the run shows why (the nightly batch or a recalculation starts again). */
  async failed(runId: string, generation: number, e: unknown): Promise<void> {
    const message = e instanceof Error ? e.message : String(e);
    this.logger.error({ msg: 'run computation failed', runId, generation, error: message });
    await this.runs.setComputeState(runId, generation, { computeState: 'FAILED', computeError: message.slice(0, 500) }).catch(() => undefined);
  }

  /** The frozen policy and pay calendar of a run's generation, parsed once per process. */
  private frozen(runId: string, generation: number, inputs: object | null): FrozenForChunks {
    const key = `${runId}:${generation}`;
    let f = this.frozenByRun.get(key);
    if (!f) {
      const v = (typeof inputs === 'string' ? JSON.parse(inputs) : inputs) as (RunInputs & { policy?: unknown }) | null;
      if (!v?.policy) throw new Error(`run ${runId} has no frozen policy`);
      f = { policy: policyFromJson(v.policy), calendar: payCalendarOf(v.calendar) };
      if (this.frozenByRun.size > 16) this.frozenByRun.clear();
      this.frozenByRun.set(key, f);
    }
    return f;
  }
}

/** What every chunk of a run's generation reads from its frozen inputs. */
interface FrozenForChunks {
  policy: PayrollPolicy;
  calendar: PayCalendar | null;
}

/** The workers a CORRECTION (or a BONUS with per-worker amounts) run pays; null = everyone in scope. */
function selectedWorkers(c: CarriedInputs): Set<number> | null {
  if (c.correction) return new Set(c.correction.workerIds);
  if (c.bonus?.amounts) return new Set(c.bonus.amounts.map((b) => b.workerId));
  return null;
}

/** The generation whose inputs are completely frozen (set last, after every chunk row). */
function frozenGeneration(inputs: object | null): number | null {
  const v = (typeof inputs === 'string' ? JSON.parse(inputs) : inputs) as { generation?: number } | null;
  return v?.generation ?? null;
}

/**
 * Cuts a stream of frozen workers into chunk rows. The chunk size is known once the first page is
 * in: a run that fits in one page spreads over about eight chunks (so several processes share even
 * a small run), a larger one uses chunks of 1,000.
 */
class ChunkWriter {
  private buffer: FrozenWorker[] = [];
  private size = 0;
  chunks = 0;
  workers = 0;

  constructor(private readonly write: (chunkNo: number, part: FrozenWorker[]) => Promise<void>) {}

  async add(workers: FrozenWorker[], last: boolean): Promise<void> {
    if (!this.size) this.size = last ? chunkSizeFor(workers.length) : 1000;
    for (const w of workers) this.buffer.push(w);
    while (this.buffer.length >= this.size) await this.emit(this.buffer.splice(0, this.size));
  }

  async flush(): Promise<void> {
    if (this.buffer.length) await this.emit(this.buffer.splice(0));
  }

  private async emit(part: FrozenWorker[]): Promise<void> {
    await this.write(this.chunks++, part);
    this.workers += part.length;
  }
}

