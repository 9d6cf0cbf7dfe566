import { Injectable } from '@nestjs/common';
import { addDays, conflict, DomainError, notFound, parseMoney, type ErrorDetail, type Principal } from '@cws/kernel';
import type { PayrollPolicy } from '@cws/payroll-engine';
import type { PolicyGapsView, PolicyKind, PolicyRowView } from '@cws/payroll-contracts';

/** Policy kinds that change what a payslip pays (the others feed the benchmark, reports or reference data). */
const PAY_INPUT_KINDS: ReadonlySet<PolicyKind> = new Set<PolicyKind>([
  'UNIT_VALUE', 'POST_BAND', 'GRADE_COEFFICIENT', 'ENTRY_GRADE', 'GRADE_PROGRESSION', 'ALLOWANCE', 'INSURANCE', 'TAX_TABLE', 'BONUS_TAX', 'PRO_RATING', 'OVERTIME',
]);
import { actor, assertIfMatch, assertIfNoneMatch, AuditService, etagOf, flattenValidationErrors, RequestValidationException } from '@cws/platform';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import { DATA_CLASSES, keyOf } from './policy-data.dto';
import { PayrollRunRepository } from '../runs/payroll-run.repository';
import { OPEN_POLICY_ROW_KEY, type PolicyRowEntity } from './policy-row.entity';
import { PolicyRowRepository } from './policy-row.repository';
import type { CreatePolicyRowDto, PolicyRowQueryDto } from './policy.dto';
import { bonusTableOf, buildPolicy, inForceOn, PolicyIncompleteError, taxTableOf, type StoredPolicyRow } from '@cws/payroll-engine';
import { inTransaction, rethrowDuplicate } from '@cws/persistence';

export function toView(r: PolicyRowEntity): PolicyRowView {
  return {
    id: String(r.id), kind: r.kind, key: r.key, validFrom: r.validFrom, validTo: r.validTo, sourceRef: r.sourceRef, data: r.data as Record<string, unknown>,
    supersededBy: r.supersededBy === null ? null : String(r.supersededBy), createdBy: r.createdBy,
    createdAt: r.createdAt instanceof Date ? r.createdAt.toISOString() : String(r.createdAt),
  };
}

const stored = (r: PolicyRowEntity): StoredPolicyRow => ({
  id: String(r.id), kind: r.kind, key: r.key, validFrom: r.validFrom, validTo: r.validTo, data: r.data, sourceRef: r.sourceRef,
});

/**
 * Effective-dated policy rows: list, read, add (closing the open row of the same key, never
 * overwriting it), close; and the engine policy built from the rows that apply to a year.
 */
@Injectable()
export class PolicyService {
  constructor(
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
    private readonly rows: PolicyRowRepository,
    private readonly runs: PayrollRunRepository,
  ) {}

  /**
   * A change to a pay input in force during a period already approved or paid would make that
   * period's payslips unexplainable: 409 PAYROLL_PERIOD_SETTLED with the run id. (A unit value is
   * the year's, so any settled run of that year blocks it.)
   */
  private async refuseSettled(kind: PolicyKind, from: string, data: Record<string, unknown>): Promise<void> {
    if (!PAY_INPUT_KINDS.has(kind)) return;
    const since = kind === 'UNIT_VALUE' ? `${data.year}-01` : from.slice(0, 7);
    const run = await this.runs.settledSince(since);
    if (run) {
      throw conflict('PAYROLL_PERIOD_SETTLED', `run ${run.id} (${run.period}) is ${run.status.toLowerCase()}: a ${kind} change from ${since} would alter its pay; make it effective after ${run.period}`, { runId: String(run.id), period: run.period });
    }
  }

  async list(q: PolicyRowQueryDto): Promise<PolicyRowView[]> {
    return (await this.rows.list(q)).map(toView);
  }

  async get(id: string): Promise<PolicyRowView> {
    const row = await this.rows.findById(id);
    if (!row) throw notFound('policy_row', id);
    return toView(row);
  }

  /**
   * Adds a row. The open row of the same (kind, key) is closed the day before (or, for the same start, superseded before it took effect).
   * `ifMatch` (optional): the ETag of the open row this one supersedes, as read. `ifNoneMatch: '*'`: a first row of a new key
   * (a new year's wage, a new district's account); when an open row of the key exists by then (someone else added it) → 412, nothing written.
   */
  async create(p: Principal, dto: CreatePolicyRowDto, { ifMatch, ifNoneMatch }: { ifMatch?: string; ifNoneMatch?: string } = {}): Promise<PolicyRowView> {
    await validateData(dto.kind, dto.data, dto.validFrom);
    await this.refuseSettled(dto.kind, dto.validFrom, dto.data);
    const key = keyOf(dto.kind, dto.data);
    const who = actor(p);
    try {
      // two first rows of a (kind, key) both gap-lock the missing open row, then deadlock on their inserts
      return await inTransaction(this.dataSource, async (m) => {
        const open = await this.rows.lockOpen(m, dto.kind, key);
        const openTag = open ? etagOf(toView(open)) : null;
        assertIfMatch(ifMatch, openTag, `open ${dto.kind} row`, key);
        assertIfNoneMatch(ifNoneMatch, openTag, `open ${dto.kind} row`, key);
        if (open && dto.validFrom < open.validFrom) {
          throw conflict('POLICY_ROW_BACKDATED', `the open ${dto.kind} row ${key} starts on ${open.validFrom}; a new row must not start before it`, { openRowId: String(open.id) });
        }
        const before = open ? toView(open) : null;
        if (open) await this.rows.close(m, open.id, addDays(dto.validFrom, -1));
        const id = await this.rows.insert(m, {
          kind: dto.kind, key, validFrom: dto.validFrom, validTo: null, data: dto.data, sourceRef: dto.sourceRef,
          createdBy: who.id, createdByName: who.name, createdAt: new Date(),
        });
        if (open) {
          await this.rows.setSupersededBy(m, open.id, id);
          const closed = await this.rows.getById(m, open.id);
          await this.audit.record(m, { entity: 'policy_row', entityId: open.id, action: 'CLOSE', before, after: toView(closed) });
        }
        const created = toView(await this.rows.getById(m, id));
        await this.audit.record(m, { entity: 'policy_row', entityId: id, action: open ? 'SUPERSEDE' : 'CREATE', before, after: created });
        return created;
      });
    } catch (e) {
      rethrowDuplicate(e, conflict('POLICY_ROW_CONFLICT', `another open ${dto.kind} row ${key} was added at the same time; reload and retry`), OPEN_POLICY_ROW_KEY);
    }
  }

  /** Ends an open row without a successor (e.g. an allowance abolished). `ifMatch`: the row's ETag as read (optional). */
  async close(p: Principal, id: string, validTo: string, ifMatch?: string): Promise<PolicyRowView> {
    return this.dataSource.transaction(async (m) => {
      const row = await this.rows.lock(m, id);
      if (!row) throw notFound('policy_row', id);
      assertIfMatch(ifMatch, etagOf(toView(row)), 'policy_row', id);
      if (row.validTo !== null) throw conflict('POLICY_ROW_CLOSED', `policy row ${id} was already closed on ${row.validTo}`);
      if (validTo < addDays(row.validFrom, -1)) {
        throw new DomainError('VALIDATION', 'VALIDATION_FAILED', 'validTo must not be before the row starts', [{ path: 'validTo', issue: `must be on or after ${addDays(row.validFrom, -1)}` }]);
      }
      await this.refuseSettled(row.kind, addDays(validTo, 1), row.data as Record<string, unknown>);
      const before = toView(row);
      await this.rows.close(m, id, validTo);
      const after = toView(await this.rows.getById(m, id));
      await this.audit.record(m, { entity: 'policy_row', entityId: id, action: 'CLOSE', before, after }, { kind: p.kind, id: p.id, name: p.name });
      return after;
    });
  }

  /** Rows that may apply to `year` (history before the year and rows starting after it are left out). */
  async rowsFor(year: number, asOf = `${year}-01-01`, manager?: EntityManager): Promise<StoredPolicyRow[]> {
    const from = asOf < `${year}-01-01` ? asOf : `${year}-01-01`;
    const to = asOf > `${year}-12-31` ? asOf : `${year}-12-31`;
    return (await this.rows.inForceBetween(from, to, manager)).map(stored);
  }

  /** The engine policy for a payroll year (422 POLICY_INCOMPLETE when a table has no row in force). */
  async policyFor(year: number, asOf = `${year}-01-01`): Promise<PayrollPolicy> {
    return buildPolicy(await this.rowsFor(year, asOf), year, asOf);
  }

  /** What `year`'s policy lacks, as `policyFor` would refuse it: empty when its runs can be computed. */
  async gaps(year: number, asOf = `${year}-01-01`): Promise<PolicyGapsView> {
    try {
      await this.policyFor(year, asOf);
      return { year, asOf, missing: [] };
    } catch (e) {
      if (e instanceof PolicyIncompleteError) return { year, asOf, missing: e.details.map((d) => d.path) };
      throw e;
    }
  }

  /** Only the tax tables in force on 1 January of the year (the simulator needs nothing else). */
  async taxTablesFor(year: number) {
    const date = `${year}-01-01`;
    const rows = (await this.rowsFor(year, date)).filter((r) => inForceOn(r, date));
    const tax = rows.find((r) => r.kind === 'TAX_TABLE');
    const bonus = rows.find((r) => r.kind === 'BONUS_TAX');
    const missing = [!tax && 'TAX_TABLE', !bonus && 'BONUS_TAX'].filter((x): x is string => !!x);
    if (missing.length) {
      throw new DomainError('UNPROCESSABLE', 'POLICY_INCOMPLETE', `no income tax table in force on ${date}: ${missing.join(', ')}`, missing.map((m) => ({ path: m, issue: 'no row in force' })));
    }
    return { tax: taxTableOf(tax!), bonusTax: bonusTableOf(bonus!) };
  }
}

/** Validates a row body for its kind (class-validator DTO, then cross-field rules); 400 naming `data.<field>`. */
export async function validateData(kind: PolicyKind, data: Record<string, unknown>, validFrom: string): Promise<void> {
  const errors = await validate(plainToInstance(DATA_CLASSES[kind], data) as object, { whitelist: true, forbidNonWhitelisted: true });
  const details: ErrorDetail[] = flattenValidationErrors(errors, 'data');
  if (!details.length) details.push(...crossFieldIssues(kind, data, validFrom));
  if (details.length) throw new RequestValidationException(details);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function crossFieldIssues(kind: PolicyKind, d: any, validFrom: string): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  const fen = (s: string) => parseMoney(s);
  if (kind === 'POST_BAND' && d.minGrade > d.maxGrade) out.push({ path: 'data.maxGrade', issue: 'must not be below minGrade' });
  if (kind === 'INSURANCE') {
    if (fen(d.baseFloor) > fen(d.baseCeiling)) out.push({ path: 'data.baseCeiling', issue: 'must not be below baseFloor' });
    if (!validFrom.endsWith('-01')) out.push({ path: 'validFrom', issue: 'an insurance row starts on the first day of its switch month' });
  }
  if (kind === 'BONUS_TAX' && d.allowedFromYear > d.allowedToYear) out.push({ path: 'data.allowedToYear', issue: 'must not be before allowedFromYear' });
  if (kind === 'TAX_TABLE' || kind === 'BONUS_TAX') {
    const brackets = d.brackets as Array<{ upTo: string | null }>;
    brackets.forEach((b, i) => {
      const last = i === brackets.length - 1;
      if ((b.upTo === null) !== last) out.push({ path: `data.brackets[${i}].upTo`, issue: last ? 'the top bracket has no bound (null)' : 'only the top bracket may be unbounded' });
      const prev = brackets[i - 1];
      if (prev && prev.upTo !== null && b.upTo !== null && fen(b.upTo) <= fen(prev.upTo)) out.push({ path: `data.brackets[${i}].upTo`, issue: 'bounds must ascend' });
    });
  }
  if (kind === 'ALLOWANCE' && d.kind === 'QUALIFICATION') {
    const levels = (d.levels as Array<{ level: string }>).map((l) => l.level);
    if (new Set(levels).size !== levels.length) out.push({ path: 'data.levels', issue: 'levels must be distinct' });
  }
  return out;
}
