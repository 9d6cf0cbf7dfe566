import { Injectable } from '@nestjs/common';
import { cityToday, conflict, DomainError, formatMoney, parseMoney, placeOfCode, roundFen, type Fen, type Principal } from '@cws/kernel';
import type { WorkerSnapshot } from '@cws/workers-contracts';
import { calibrateUnitValue, checkBenchmark, cityWageTargets, complianceSummary, growth, mergePaid, paidThroughMonth, projectWorkers, projectWorkforce, yearEndTopUp, type BenchmarkCheck, type BenchmarkTargets, type GroupLevel, type PayrollPolicy, type ProjectedWorker, type TopUpRule } from '@cws/payroll-engine';
import type {
  BenchmarkResultPageView,
  BenchmarkCheckView, CalibrationResult, ComplianceGroupView, ComplianceReport, PolicyRowView, TopUpLineView, TopUpSummary,
} from '@cws/payroll-contracts';
import { actor, AuditService, visibleRow } from '@cws/platform';
import { DataSource } from 'typeorm';
import { effectiveScope } from '../common/access';
import { PolicyService } from '../policy/policy.service';
import type { BenchmarkResultKind } from './benchmark-result.entities';
import { BenchmarkResultRepository } from './benchmark-result.repository';
import type { BenchmarkResultsQueryDto, CalibrationRequestDto, ComplianceQueryDto, TopUpLinesQueryDto, TopUpRequestDto } from './benchmark.dto';
import { WorkforceClient } from './workforce.client';
import { PaidPayReader } from './paid-pay.reader';
import { TopUpLineRepository } from './top-up-line.repository';

const view = (c: BenchmarkCheck): BenchmarkCheckView => ({
  unitValue: formatMoney(c.unitValueFen),
  totalPay: formatMoney(c.totalPayFen),
  workerMonths: c.monthsEmployed,
  projectedAverage: formatMoney(c.averageFen),
  meetsLevel: c.meetsLevel,
  meetsGrowth: c.meetsGrowth,
  passes: c.passes,
});

export interface Loaded {
  policy: PayrollPolicy;
  scope: string | null;
  asOf: string;
  projected: ProjectedWorker[];
  snapshots: WorkerSnapshot[];
  w1: Fen;
  w2: Fen;
  sources: { w1: string; w2: string };
  /** Months 1..paidThrough come from paid runs, the rest is projected. */
  paidThrough: number;
}

/**
 * The benchmark of 市委发〔2010〕45号 over the workforce the workers service reports: calibrate the
 * least unit value, report compliance by district or street, compute year-end top-ups. Every run
 * is stored with a summary of its inputs and located (district, street) for scope checks.
 */
@Injectable()
export class BenchmarkService {
  constructor(
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
    private readonly paidPay: PaidPayReader,
    private readonly policy: PolicyService,
    private readonly results: BenchmarkResultRepository,
    private readonly topUpRows: TopUpLineRepository,
    private readonly workforce: WorkforceClient,
  ) {}

  /**
   * The year's workforce: what the paid runs paid (months 1..paidThrough) and, for the rest of the
   * year, the workforce of the snapshot date projected over the policy as of `policyDate`.
   */
  async load(p: Principal, year: number, requestedScope: string | undefined, asOf: string, policyDate = asOf): Promise<Loaded> {
    const scope = effectiveScope(p, requestedScope);
    const policy = await this.policy.policyFor(year, policyDate);
    const { lastYear: w1, twoYearsAgo: w2 } = cityWageTargets(policy.cityWages, year);
    const [snapshots, paid] = await Promise.all([this.workforce.snapshot(asOf, scope), this.paidPay.paidYear(year, scope)]);
    const projected = mergePaid(projectWorkforce(snapshots, policy), paid, year);
    if (!projected.length) throw new DomainError('UNPROCESSABLE', 'NO_WORKFORCE', `no counted workers employed on ${asOf} in scope ${scope ?? 'city'}`);
    return {
      policy, scope, asOf, projected, snapshots,
      w1: w1.annualFen, w2: w2.annualFen, sources: { w1: w1.source, w2: w2.source }, paidThrough: paid.paidThrough,
    };
  }

  /** Last year's average per group (key as complianceSummary makes it): the recorded figure for every group, else projected with the Y−1 scale (and Y−1 paid runs) per group. */
  private async lastYearByGroup(year: number, loaded: Loaded, level: GroupLevel): Promise<{ of: (group: string) => Fen | null; basis: 'RECORDED' | 'PROJECTED_FROM_PREVIOUS_SCALE' }> {
    const recorded = await this.recordedCommunityWage(year - 1);
    if (recorded) {
      const fen = parseMoney(recorded.data.annual as string);
      return { of: () => fen, basis: 'RECORDED' };
    }
    const previous = await this.policy.policyFor(year - 1);
    const paid = await this.paidPay.paidYear(year - 1, loaded.scope);
    const workers = mergePaid(projectWorkforce(loaded.snapshots, previous), paid, year - 1).map((w) => w.worker);
    const groups = complianceSummary(projectWorkers(workers, previous.payScale.unitValueFen), 1n, level);
    const byGroup = new Map(groups.map((g) => [g.group, g.averageFen]));
    return { of: (g) => byGroup.get(g) ?? null, basis: 'PROJECTED_FROM_PREVIOUS_SCALE' };
  }

  /**
   * The community workers' recorded average wage of `year`: the open COMMUNITY_WAGE row keyed by that year,
   * whenever it starts — the figure is known after the year ends, so it is entered valid from a later date
   * (was: only rows in force during `year` were looked at, which missed those).
   */
  private async recordedCommunityWage(year: number): Promise<PolicyRowView | undefined> {
    return (await this.policy.list({ kind: 'COMMUNITY_WAGE', key: String(year) }))[0];
  }

  /** Community workers' average pay of Y−1: the recorded figure, else projected with the Y−1 pay scale over the same workforce. */
  private async communityLastYear(year: number, loaded: Loaded): Promise<{ fen: Fen; basis: 'RECORDED' | 'PROJECTED_FROM_PREVIOUS_SCALE'; source: string }> {
    const recorded = await this.recordedCommunityWage(year - 1);
    if (recorded) return { fen: parseMoney(recorded.data.annual as string), basis: 'RECORDED', source: recorded.sourceRef };
    const previous = await this.policy.policyFor(year - 1);
    const projected = mergePaid(projectWorkforce(loaded.snapshots, previous), await this.paidPay.paidYear(year - 1, loaded.scope), year - 1).map((w) => w.worker);
    const dummy: BenchmarkTargets = { cityAverageLastYearFen: 1n, cityAverageTwoYearsAgoFen: 1n, communityAverageLastYearFen: 1n };
    const at = checkBenchmark(projected, previous.payScale.unitValueFen, dummy);
    return { fen: at.averageFen, basis: 'PROJECTED_FROM_PREVIOUS_SCALE', source: `projected: ${year - 1} unit value ${formatMoney(previous.payScale.unitValueFen)} (policy row ${previous.payScale.id}) over the workforce of ${loaded.asOf}` };
  }

  async calibrate(p: Principal, dto: CalibrationRequestDto): Promise<CalibrationResult> {
    const asOf = dto.asOf ?? `${dto.year}-01-01`;
    const loaded = await this.load(p, dto.year, dto.scope, asOf);
    const last = await this.communityLastYear(dto.year, loaded);
    const targets: BenchmarkTargets = { cityAverageLastYearFen: loaded.w1, cityAverageTwoYearsAgoFen: loaded.w2, communityAverageLastYearFen: last.fen };
    const workers = loaded.projected.map((w) => w.worker);
    const best = calibrateUnitValue(workers, targets);
    const below = best.unitValueFen > 0n ? checkBenchmark(workers, best.unitValueFen - 1n, targets) : null;
    const current = checkBenchmark(workers, loaded.policy.payScale.unitValueFen, targets);
    const binding = !below ? 'LEVEL' : !below.meetsLevel && !below.meetsGrowth ? 'BOTH' : !below.meetsLevel ? 'LEVEL' : 'GROWTH';
    const result: Omit<CalibrationResult, 'id' | 'createdAt'> = {
      year: dto.year,
      scope: loaded.scope,
      asOf,
      headcount: workers.length,
      benchmark: formatMoney(loaded.w1),
      cityAverageTwoYearsAgo: formatMoney(loaded.w2),
      cityGrowth: growth(loaded.w1, loaded.w2),
      communityAverageLastYear: formatMoney(last.fen),
      communityAverageLastYearBasis: last.basis,
      unitValue: formatMoney(best.unitValueFen),
      projectedAverage: formatMoney(best.averageFen),
      projectedGrowth: growth(best.averageFen, last.fen),
      bindingTest: binding,
      result: view(best),
      belowByOneFen: below && view(below),
      current: view(current),
      illustrative: loaded.policy.illustrative,
    };
    const inputs = {
      asOf, scope: loaded.scope, workers: workers.length, snapshotWorkers: loaded.snapshots.length,
      cityWages: { [dto.year - 1]: { annual: formatMoney(loaded.w1), source: loaded.sources.w1 }, [dto.year - 2]: { annual: formatMoney(loaded.w2), source: loaded.sources.w2 } },
      communityAverageLastYear: { annual: formatMoney(last.fen), basis: last.basis, source: last.source },
      payScale: { rowId: loaded.policy.payScale.id, unitValue: formatMoney(loaded.policy.payScale.unitValueFen), grades: loaded.policy.payScale.grades.length },
      allowances: loaded.policy.allowances.map((a) => a.id),
    };
    return this.store(p, 'CALIBRATION', dto.year, loaded.scope, asOf, inputs, result) as Promise<CalibrationResult>;
  }

  async compliance(p: Principal, token: string | undefined, q: ComplianceQueryDto, store: boolean): Promise<ComplianceReport> {
    const groupBy = q.groupBy ?? 'district';
    const policyDate = `${q.year}-01-01`;
    const ytdDate = clampToYear(q.asOf ?? cityToday(), q.year);
    // The workforce of the year-to-date date is projected for the rest of the year; earlier months come from paid runs.
    const loaded = await this.load(p, q.year, q.scope, ytdDate, policyDate);
    const unit = q.unitValue ? parseMoney(q.unitValue) : loaded.policy.payScale.unitValueFen;
    const ytdMonths = monthsCompleted(ytdDate, q.year);
    const level = groupBy === 'district' ? 'DISTRICT' : 'STREET';
    const last = await this.lastYearByGroup(q.year, loaded, level);
    const summary = complianceSummary(projectWorkers(loaded.projected.map((w) => w.worker), unit), loaded.w1, level, {
      cityAverageLastYearFen: loaded.w1, cityAverageTwoYearsAgoFen: loaded.w2, lastYearAverageFen: last.of,
    });
    const ytd = new Map<string, { paid: Fen; months: number }>();
    for (const w of loaded.projected) {
      const key = level === 'DISTRICT' ? w.worker.district : `${w.worker.district}/${w.worker.street}`;
      const t = paidThroughMonth(w, unit, ytdMonths);
      const acc = ytd.get(key) ?? { paid: 0n, months: 0 };
      acc.paid += t.paid;
      acc.months += t.months;
      ytd.set(key, acc);
    }
    const names = await this.workforce.districtNames(token);
    const groups: ComplianceGroupView[] = summary.map((g) => {
      const t = ytd.get(g.group) ?? { paid: 0n, months: 0 };
      return {
        group: g.group,
        districtCode: g.district,
        districtName: names.get(g.district) ?? null,
        streetCode: g.street,
        headcount: g.workers,
        workerMonths: g.monthsEmployed,
        projectedAverage: formatMoney(g.averageFen),
        ytdMonths,
        ytdPaid: formatMoney(t.paid),
        ytdAverage: formatMoney(t.months ? roundFen(24n * t.paid, BigInt(t.months * 2)) : 0n),
        benchmark: formatMoney(g.benchmarkFen),
        gap: formatMoney(g.benchmarkFen - g.averageFen),
        lastYearAverage: g.lastYearAverageFen === null ? null : formatMoney(g.lastYearAverageFen),
        growth: g.lastYearAverageFen === null || g.lastYearAverageFen === 0n ? null : growth(g.averageFen, g.lastYearAverageFen),
        meetsLevel: g.meetsBenchmark,
        meetsGrowth: g.meetsGrowth,
        shortfall: formatMoney(g.shortfallFen),
        workersBelow: g.workersBelow,
        compliant: g.meetsBenchmark && g.meetsGrowth !== false,
      };
    });
    const report: Omit<ComplianceReport, 'id'> = {
      year: q.year, asOf: ytdDate, groupBy, unitValue: formatMoney(unit), benchmark: formatMoney(loaded.w1), cityGrowth: growth(loaded.w1, loaded.w2),
      lastYearBasis: last.basis, paidThrough: loaded.paidThrough, groups, illustrative: loaded.policy.illustrative,
    };
    if (!store) return { id: null, ...report };
    const inputs = { scope: loaded.scope, snapshotDate: ytdDate, policyDate, paidThrough: loaded.paidThrough, workers: loaded.projected.length, unitValue: formatMoney(unit), unitValueSource: q.unitValue ? 'REQUEST' : `policy row ${loaded.policy.payScale.id}`, benchmarkSource: loaded.sources.w1 };
    return this.store(p, 'COMPLIANCE', q.year, loaded.scope, ytdDate, inputs, report) as Promise<ComplianceReport>;
  }

  async topUp(p: Principal, dto: TopUpRequestDto): Promise<TopUpSummary> {
    const asOf = `${dto.year}-01-01`;
    const loaded = await this.load(p, dto.year, dto.scope, asOf);
    const rule = await this.topUpRule(dto);
    const unit = dto.unitValue ? parseMoney(dto.unitValue) : loaded.policy.payScale.unitValueFen;
    const pay = projectWorkers(loaded.projected.map((w) => w.worker), unit);
    // AVERAGE lifts each group to pass both tests the compliance report makes: the level and the growth.
    const last = rule.kind === 'AVERAGE' ? await this.lastYearByGroup(dto.year, loaded, rule.level) : null;
    const growthTargets = last ? { cityAverageLastYearFen: loaded.w1, cityAverageTwoYearsAgoFen: loaded.w2, lastYearAverageFen: last.of } : undefined;
    const out = yearEndTopUp(pay, loaded.w1, rule, growthTargets);
    const place = new Map(loaded.projected.map((w) => [w.worker.id, w]));
    const byDistrict = new Map<string, { workersToppedUp: number; total: Fen }>();
    let toppedUp = 0;
    const lines: TopUpLineView[] = out.lines.map((l) => {
      const w = place.get(l.id)!;
      if (l.topUpFen > 0n) {
        toppedUp++;
        const d = byDistrict.get(w.worker.district) ?? { workersToppedUp: 0, total: 0n };
        d.workersToppedUp++;
        d.total += l.topUpFen;
        byDistrict.set(w.worker.district, d);
      }
      return { workerId: Number(l.id), workerName: w.name, districtCode: w.worker.district, streetCode: w.worker.street, communityCode: w.communityCode, annualPay: formatMoney(l.annualPayFen), topUp: formatMoney(l.topUpFen) };
    });
    const summary: Omit<TopUpSummary, 'id' | 'createdAt'> = {
      year: dto.year,
      scope: loaded.scope,
      rule: rule.kind,
      ratio: rule.kind === 'PER_WORKER' ? rule.ratio : null,
      level: rule.kind === 'AVERAGE' ? rule.level : null,
      unitValue: formatMoney(unit),
      benchmark: formatMoney(loaded.w1),
      workers: lines.length,
      workersToppedUp: toppedUp,
      total: formatMoney(out.totalFen),
      byDistrict: [...byDistrict.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([districtCode, d]) => ({ districtCode, workersToppedUp: d.workersToppedUp, total: formatMoney(d.total) })),
    };
    const inputs = {
      scope: loaded.scope, asOf, workers: lines.length, unitValueSource: dto.unitValue ? 'REQUEST' : `policy row ${loaded.policy.payScale.id}`, benchmarkSource: loaded.sources.w1,
      growthTest: last ? { cityGrowth: growth(loaded.w1, loaded.w2), lastYearBasis: last.basis } : null,
    };
    return this.store(p, 'TOP_UP', dto.year, loaded.scope, asOf, inputs, summary, lines) as Promise<TopUpSummary>;
  }

  private async topUpRule(dto: TopUpRequestDto): Promise<TopUpRule> {
    let kind = dto.rule;
    let ratio = dto.ratio;
    let level = dto.level;
    if (!kind) {
      const row = (await this.policy.rowsFor(dto.year)).find((r) => r.kind === 'TOP_UP_RULE' && r.validFrom <= `${dto.year}-12-31` && (r.validTo === null || r.validTo >= `${dto.year}-12-31`));
      if (!row) throw new DomainError('UNPROCESSABLE', 'POLICY_INCOMPLETE', `no TOP_UP_RULE in force at the end of ${dto.year}; give rule in the request`, [{ path: 'rule', issue: 'no configured rule' }]);
      kind = row.data.rule;
      ratio ??= row.data.ratio;
      level ??= row.data.level;
    }
    if (kind === 'PER_WORKER') {
      if (!ratio) throw new DomainError('VALIDATION', 'VALIDATION_FAILED', 'PER_WORKER needs a ratio', [{ path: 'ratio', issue: 'is required for PER_WORKER' }]);
      return { kind: 'PER_WORKER', ratio };
    }
    return { kind: 'AVERAGE', level: level ?? 'DISTRICT' };
  }

  private async store(
    p: Principal, kind: BenchmarkResultKind, year: number, scope: string | null, asOf: string, inputs: Record<string, unknown>, result: object, lines?: TopUpLineView[],
  ): Promise<object> {
    const { district, street } = scope ? placeOfCode(scope) : { district: null, street: null }; // no code: the whole city
    const who = actor(p);
    const createdAt = new Date();
    const id = await this.dataSource.transaction(async (m) => {
      const newId = await this.results.insert(m, {
        kind, year, scopeCode: scope, districtCode: district, streetCode: street, asOf, inputs, result,
        createdBy: who.id, createdByName: who.name, createdAt,
      });
      if (lines) await this.topUpRows.insertMany(m, newId, lines);
      await this.audit.record(m, { entity: 'benchmark_result', entityId: newId, action: `RUN_${kind}`, after: { year, scope, asOf, inputs }, districtCode: district });
      return newId;
    });
    return { id, ...result, createdAt: createdAt.toISOString() };
  }

  async get(p: Principal, kind: BenchmarkResultKind, id: string): Promise<object> {
    const entity = kind === 'CALIBRATION' ? 'calibration' : kind === 'COMPLIANCE' ? 'compliance_report' : 'top_up';
    const row = visibleRow(p, await this.results.findOfKind(id, kind), entity, id);
    return { id: String(row.id), ...row.result, createdAt: row.createdAt.toISOString() };
  }

  /** The stored runs the caller's scope sees (a city-wide one only the city), newest first: to reopen one by its kind's GET. */
  async storedRuns(p: Principal, q: BenchmarkResultsQueryDto): Promise<BenchmarkResultPageView> {
    const page = await this.results.page(p.scope, { kind: q.kind, year: q.year, after: q.after, limit: q.limit ?? 50 });
    return {
      items: page.items.map((r) => ({ id: String(r.id), kind: r.kind, year: r.year, scope: r.scopeCode, asOf: r.asOf, createdBy: r.createdByName, createdAt: r.createdAt.toISOString() })),
      nextAfter: page.nextAfter === null ? null : String(page.nextAfter),
    };
  }

  /** Writes a city-wide calibration's unit value into the policy as the year's UNIT_VALUE row (closing the open one; audited). */
  async applyCalibration(p: Principal, id: string, validFrom?: string): Promise<PolicyRowView> {
    const row = visibleRow(p, await this.results.findOfKind(id, 'CALIBRATION'), 'calibration', id);
    if (row.scopeCode !== null) throw conflict('CALIBRATION_NOT_CITY_WIDE', `calibration ${id} covers ${row.scopeCode} only; the pay scale is city-wide`);
    const result = row.result as CalibrationResult;
    const open = (await this.policy.list({ kind: 'UNIT_VALUE', key: String(row.year) }))[0];
    const today = cityToday();
    const from = validFrom ?? (open && open.validFrom > today ? open.validFrom : today);
    return this.policy.create(p, {
      kind: 'UNIT_VALUE',
      validFrom: from,
      sourceRef: `calibration #${id} of ${cityToday(row.createdAt)}: least unit value for projected average ≥ W(${row.year - 1}) = ${result.benchmark} (projected ${result.projectedAverage})${result.illustrative ? ' — from illustrative inputs' : ''}`,
      data: { year: row.year, unitValue: result.unitValue },
    });
  }

  async topUpLines(p: Principal, id: string, q: TopUpLinesQueryDto): Promise<{ items: TopUpLineView[]; nextAfter: string | null }> {
    await this.get(p, 'TOP_UP', id);
    const page = await this.topUpRows.page(id, p.scope, { ...q, limit: q.limit ?? 500 });
    return {
      items: page.items.map((l) => ({ workerId: Number(l.workerId), workerName: l.workerName, districtCode: l.districtCode, streetCode: l.streetCode, communityCode: l.communityCode, annualPay: l.annualPay, topUp: l.topUp })),
      nextAfter: page.nextAfter,
    };
  }
}

function clampToYear(date: string, year: number): string {
  if (date < `${year}-01-01`) return `${year}-01-01`;
  if (date > `${year}-12-31`) return `${year}-12-31`;
  return date;
}

/** Whole months of the year completed on `date` (a month counts once its last day is reached). */
export function monthsCompleted(date: string, year: number): number {
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return d >= lastDay ? m : m - 1;
}
