import { Injectable } from '@nestjs/common';
import type { Scope } from '@cws/kernel';
import { applyScope, isDuplicateKey, keysetPage, type KeysetPage } from '@cws/persistence';
import type { RosterStatus, RosterToReplanView } from '@cws/scheduler-contracts';
import type { Assignment, RosterProblem, UncoveredSlot, WorkerHours } from '@cws/scheduler-solver';
import type { EntityManager, ObjectLiteral } from 'typeorm';
import { scopeColumns } from '../common/access';
import { fromJson, iso, toJson } from '../common/json';

export type RosterReason = 'GENERATE' | 'REPLAN' | 'SWAP';

export interface SwapRequest {
  date: string;
  workerId: number;
  withWorkerId: number;
}

export interface RosterRow {
  id: number;
  communityCode: string;
  districtCode: string;
  streetCode: string;
  month: string;
  version: number;
  status: RosterStatus;
  reason: RosterReason;
  basedOnId: number | null;
  generationId: number | null;
  seed: number;
  objective: number | null;
  problem: RosterProblem | null;
  assignments: Assignment[] | null;
  uncovered: UncoveredSlot[] | null;
  hours: WorkerHours[] | null;
  swap: SwapRequest | null;
  error: string | null;
  createdBy: string;
  createdAt: string | null;
  solvedAt: string | null;
  publishedAt: string | null;
  publishedBy: string | null;
}

export interface NewRoster {
  communityCode: string;
  districtCode: string;
  streetCode: string;
  month: string;
  reason: RosterReason;
  basedOnId: number | null;
  generationId: number | null;
  seed: number;
  swap: SwapRequest | null;
  createdBy: string;
}

/** A version as a list shows it: the light row (no problem, shifts, gaps or hours) with what it counts of them. */
export type RosterSummaryRow = RosterRow & { shifts: number; uncoveredRanges: number; conflictsAhead: number | null; checkedAt: string | null };

/** What a list of versions can be narrowed to (besides the caller's scope). */
export interface RosterListFilter {
  month?: string;
  community?: string;
  status?: RosterStatus;
  generationId?: number;
}

/** A version as a check against the register reads it. */
export type CheckableRoster = Pick<RosterRow, 'id' | 'communityCode' | 'month' | 'status' | 'assignments'>;

const COLUMNS = 'community_code, district_code, street_code, month, version, status, reason, based_on_id, generation_id, seed, swap, created_by, created_at';

/** The unique index numbering a community's month: a concurrent writer that took the same version meets it. */
export const ROSTER_VERSION_KEY = 'uq_roster_version';

/**
 * A transaction that numbers versions from what it reads runs again when another one took its number first:
 * up to ten writers of one month at once (five city-wide generations at once lost a fifth one after four tries).
 */
export const retryTakenVersion = { isolation: 'READ COMMITTED' as const, retryIf: (e: unknown) => isDuplicateKey(e, ROSTER_VERSION_KEY), attempts: 10 };

/**
 * The only owner of `roster` (one row per version of a community's month; a published row is never rewritten) and of
 * `roster_worker` (who has shifts in each version, written with its shifts).
 */
@Injectable()
export class RosterRepository {
  async find(m: EntityManager, id: number, opts: { scope?: Scope | null; lock?: boolean; light?: boolean } = {}): Promise<RosterRow | null> {
    const qb = m.createQueryBuilder().select(opts.light ? LIGHT : 'r.*').from('roster', 'r').where('r.id = :id', { id });
    if (opts.scope) applyScope(qb, opts.scope, scopeColumns('r'));
    if (opts.lock) qb.setLock('pessimistic_write');
    const row = await qb.getRawOne();
    return row ? view(row) : null;
  }

  /** Locks every version of a community's month (the order-first lock that serialises publishes and new versions). */
  async lockMonth(m: EntityManager, community: string, month: string): Promise<Array<{ id: number; version: number; status: RosterStatus }>> {
    const rows = await m.query('SELECT id, version, status FROM roster WHERE community_code = ? AND month = ? ORDER BY id FOR UPDATE', [community, month]);
    return rows.map((r: { id: string; version: number; status: RosterStatus }) => ({ id: Number(r.id), version: Number(r.version), status: r.status }));
  }

  /** Inserts a QUEUED version numbered after the month's highest; call after lockMonth in the same transaction. */
  async insert(m: EntityManager, r: NewRoster, version: number): Promise<number> {
    const res = await m.query(`INSERT INTO roster (${COLUMNS}) VALUES (?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(3))`, [
      r.communityCode, r.districtCode, r.streetCode, r.month, version, r.reason, r.basedOnId, r.generationId, r.seed, r.swap ? toJson(r.swap) : null, r.createdBy,
    ]);
    return Number(res.insertId);
  }

  /** Highest version per community for a month (the city-wide flow numbers its rows from these). */
  async maxVersions(m: EntityManager, month: string, communities: string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (let i = 0; i < communities.length; i += 1000) {
      const chunk = communities.slice(i, i + 1000);
      const rows = await m.query(
        `SELECT community_code AS c, MAX(version) AS v FROM roster WHERE month = ? AND community_code IN (${chunk.map(() => '?').join(',')}) GROUP BY community_code`,
        [month, ...chunk],
      );
      for (const r of rows) out.set(r.c, Number(r.v));
    }
    return out;
  }

  async insertMany(m: EntityManager, rows: Array<NewRoster & { version: number }>): Promise<void> {
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500);
      await m.query(
        `INSERT INTO roster (${COLUMNS}) VALUES ${chunk.map(() => "(?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(3))").join(',')}`,
        chunk.flatMap((r) => [r.communityCode, r.districtCode, r.streetCode, r.month, r.version, r.reason, r.basedOnId, r.generationId, r.seed, null, r.createdBy]),
      );
    }
  }

  async idsOfGeneration(m: EntityManager, generationId: number): Promise<number[]> {
    const rows = await m.query('SELECT id FROM roster WHERE generation_id = ? ORDER BY id', [generationId]);
    return rows.map((r: { id: string }) => Number(r.id));
  }

  /** A generation's drafts in scope: what publishing the generation publishes. */
  async draftsOfGeneration(m: EntityManager, generationId: number, scope: Scope): Promise<Array<{ id: number; communityCode: string }>> {
    const qb = m.createQueryBuilder().select(['r.id AS id', 'r.community_code AS community_code']).from('roster', 'r').where("r.generation_id = :generationId AND r.status = 'DRAFT'", { generationId }).orderBy('r.id');
    applyScope(qb, scope, scopeColumns('r'));
    return (await qb.getRawMany()).map((r) => ({ id: Number(r.id), communityCode: String(r.community_code) }));
  }

  /** The first of `generationIds` that still has a QUEUED roster (a centre not yet solved), if any. */
  async firstWithQueued(m: EntityManager, generationIds: number[]): Promise<number | null> {
    if (generationIds.length === 0) return null;
    const [row] = await m.query(
      `SELECT MIN(generation_id) AS id FROM roster WHERE status = 'QUEUED' AND generation_id IN (${generationIds.map(() => '?').join(',')}) HAVING MIN(generation_id) IS NOT NULL`,
      generationIds,
    );
    return row ? Number(row.id) : null;
  }

  async countByStatus(m: EntityManager, generationId: number): Promise<Record<string, number>> {
    const rows = await m.query('SELECT status, COUNT(*) AS n FROM roster WHERE generation_id = ? GROUP BY status', [generationId]);
    return Object.fromEntries(rows.map((r: { status: string; n: string }) => [r.status, Number(r.n)]));
  }

  /**
   * Stores a solved roster and who has shifts in it; only a QUEUED row is filled (a redelivered job finds it solved and
   * changes nothing). Two statements: call it in a transaction.
   */
  async saveSolution(m: EntityManager, id: number, s: { problem: RosterProblem; assignments: Assignment[]; uncovered: UncoveredSlot[]; hours: WorkerHours[]; objective: number }): Promise<boolean> {
    const res = await m.query(
      `UPDATE roster SET status = 'DRAFT', problem = ?, assignments = ?, uncovered = ?, hours = ?, objective = ?, solved_at = UTC_TIMESTAMP(3) WHERE id = ? AND status = 'QUEUED'`,
      [toJson(s.problem), toJson(s.assignments), toJson(s.uncovered), toJson(s.hours), s.objective, id],
    );
    if (res.affectedRows !== 1) return false;
    await this.indexWorkers(m, id, s.problem.month, s.assignments);
    return true;
  }

  /** Who has shifts in a version just solved: `roster_worker`, the index the searches by worker below read. */
  private async indexWorkers(m: EntityManager, id: number, month: string, assignments: readonly Assignment[]): Promise<void> {
    const workers = [...new Set(assignments.map((a) => a.workerId))];
    if (!workers.length) return;
    await m.query(`INSERT INTO roster_worker (roster_id, worker_id, month) VALUES ${workers.map(() => '(?, ?, ?)').join(', ')}`, workers.flatMap((w) => [id, w, month]));
  }

  async markFailed(m: EntityManager, id: number, error: string): Promise<void> {
    await m.query(`UPDATE roster SET status = 'FAILED', error = ?, solved_at = UTC_TIMESTAMP(3) WHERE id = ? AND status = 'QUEUED'`, [error.slice(0, 500), id]);
  }

  async setStatus(m: EntityManager, id: number, status: RosterStatus, by?: string): Promise<void> {
    if (status === 'PUBLISHED') await m.query(`UPDATE roster SET status = 'PUBLISHED', published_at = UTC_TIMESTAMP(3), published_by = ? WHERE id = ?`, [by ?? null, id]);
    else await m.query('UPDATE roster SET status = ? WHERE id = ?', [status, id]);
  }

  /** The published version of a community's month, if any (the latest, should two ever be marked PUBLISHED). */
  async latestPublished(m: EntityManager, community: string, month: string): Promise<RosterRow | null> {
    const [row] = await m.query(
      "SELECT r.* FROM roster r WHERE r.community_code = ? AND r.month = ? AND r.status = 'PUBLISHED' ORDER BY r.version DESC LIMIT 1",
      [community, month],
    );
    return row ? view(row) : null;
  }

  /** Versions in scope, newest first, a keyset page at a time (by id): the roster list. */
  async list(m: EntityManager, scope: Scope, f: RosterListFilter, page: { limit: number; after?: string }): Promise<KeysetPage<RosterSummaryRow>> {
    const qb = m
      .createQueryBuilder()
      .select(`${LIGHT}, JSON_LENGTH(r.assignments) AS shifts, JSON_LENGTH(r.uncovered) AS uncovered_ranges, r.conflicts_ahead, r.checked_at`)
      .from('roster', 'r');
    if (f.month) qb.andWhere('r.month = :month', { month: f.month });
    if (f.community) qb.andWhere('r.community_code = :community', { community: f.community });
    if (f.status) qb.andWhere('r.status = :status', { status: f.status });
    if (f.generationId) qb.andWhere('r.generation_id = :generationId', { generationId: f.generationId });
    applyScope(qb, scope, scopeColumns('r'));
    const rows = await keysetPage<ObjectLiteral, Record<string, unknown>>(qb, { column: 'r.id', order: 'DESC', keyOf: (r) => Number(r.id), limit: page.limit, after: page.after, fetch: 'raw' });
    return {
      nextAfter: rows.nextAfter,
      items: rows.items.map((r) => ({
        ...view(r), shifts: Number(r.shifts ?? 0), uncoveredRanges: Number(r.uncovered_ranges ?? 0),
        conflictsAhead: r.conflicts_ahead == null ? null : Number(r.conflicts_ahead), checkedAt: iso(r.checked_at),
      })),
    };
  }

  /** Published versions of this month and later, city-wide: what the periodic check reads (ids only; each is read whole when checked). */
  async publishedFrom(m: EntityManager, month: string): Promise<number[]> {
    const rows: Array<{ id: string | number }> = await m.query("SELECT id FROM roster WHERE month >= ? AND status = 'PUBLISHED' ORDER BY month, community_code", [month]);
    return rows.map((r) => Number(r.id));
  }

  /**
   * What a check of a version reads: its place, month, status and shifts (not the stored problem, the larger part of a
   * row); in `scope` when one is given (a user's check), else any (the hourly job).
   */
  async checkable(m: EntityManager, id: number, scope?: Scope): Promise<CheckableRoster | null> {
    const qb = m.createQueryBuilder().select(CHECKABLE).from('roster', 'r').where('r.id = :id', { id });
    if (scope) applyScope(qb, scope, scopeColumns('r'));
    return checkableOf(await qb.getRawOne());
  }

  /** The same for the published version of a community's month, if there is one (a request re-checks it). */
  async publishedCheckable(m: EntityManager, community: string, month: string): Promise<CheckableRoster | null> {
    const [r] = await m.query(`SELECT ${CHECKABLE} FROM roster r WHERE r.community_code = ? AND r.month = ? AND r.status = 'PUBLISHED' ORDER BY r.version DESC LIMIT 1`, [community, month]);
    return checkableOf(r);
  }

  /**
   * The published versions of `month` at other centres than `community` with shifts of any of these workers, city-wide: a
   * transfer's new centre, whose first days' rest looks back into the old centre's month before.
   */
  async publishedElsewhereWithAny(m: EntityManager, month: string, community: string, workers: readonly number[]): Promise<CheckableRoster[]> {
    if (!workers.length) return [];
    const theirs = withShiftsOf('r', workers, '=', month);
    const rows: Array<Record<string, unknown>> = await m.query(
      `SELECT ${CHECKABLE} FROM roster r WHERE r.month = ? AND r.status = 'PUBLISHED' AND r.community_code <> ? AND ${theirs.sql} ORDER BY r.community_code`,
      [month, community, ...theirs.params],
    );
    return rows.map((r) => checkableOf(r)!);
  }

  /** The published versions of `month` and later with shifts of this worker, city-wide (a register change re-checks them). */
  async publishedCheckableWithWorker(m: EntityManager, month: string, workerId: number): Promise<CheckableRoster[]> {
    const theirs = withShiftsOf('r', [workerId], '>=', month);
    const rows: Array<Record<string, unknown>> = await m.query(
      `SELECT ${CHECKABLE} FROM roster r WHERE r.month >= ? AND r.status = 'PUBLISHED' AND ${theirs.sql} ORDER BY r.month, r.community_code`,
      [month, ...theirs.params],
    );
    return rows.map((r) => checkableOf(r)!);
  }

  /**
   * The published versions of `month` (the month before roster `id`'s, whose last days `id` carried as they were then)
   * published after `id` was solved: its own community's, and another centre's with shifts of these `workers` (a
   * transfer brought them here; they carried that centre's days).
   */
  async publishedSinceSolved(m: EntityManager, id: number, month: string, workers: readonly number[]): Promise<number[]> {
    const theirs = workers.length ? withShiftsOf('b', workers, '=', month) : null;
    const rows: Array<{ id: number }> = await m.query(
      `SELECT b.id FROM roster r JOIN roster b ON b.month = ? AND b.status = 'PUBLISHED' AND b.published_at > r.solved_at
        WHERE r.id = ? AND (b.community_code = r.community_code${theirs ? ` OR ${theirs.sql}` : ''}) ORDER BY b.id`,
      [month, id, ...(theirs?.params ?? [])],
    );
    return rows.map((r) => Number(r.id));
  }

  /**
   * What a check found: the shifts from today on that the register contradicts, as of `asOf` (when its reads began).
   * A version no longer published keeps what it had, and so does one a later-begun check has recorded: two checks of
   * one version at once (the hourly job, a register change's) end in the newer register's answer, not the last writer's.
   */
  async recordCheck(m: EntityManager, id: number, conflictsAhead: number, asOf: Date): Promise<void> {
    await m.query(
      "UPDATE roster SET conflicts_ahead = ?, checked_at = ? WHERE id = ? AND status = 'PUBLISHED' AND (checked_at IS NULL OR checked_at <= ?)",
      [conflictsAhead, asOf, id, asOf],
    );
  }

  /** Published versions of `month` and later in scope whose last check found shifts ahead to re-plan. */
  async toReplan(m: EntityManager, month: string, scope: Scope): Promise<RosterToReplanView[]> {
    const qb = m
      .createQueryBuilder()
      .select(['r.id AS id', 'r.community_code AS community_code', 'r.month AS month', 'r.version AS version', 'r.conflicts_ahead AS conflicts_ahead', 'r.checked_at AS checked_at'])
      .from('roster', 'r')
      .where("r.month >= :month AND r.status = 'PUBLISHED' AND r.conflicts_ahead > 0", { month })
      .orderBy('r.month')
      .addOrderBy('r.community_code');
    applyScope(qb, scope, scopeColumns('r'));
    return (await qb.getRawMany()).map((r) => ({
      rosterId: Number(r.id), community: String(r.community_code), month: String(r.month), version: Number(r.version),
      conflictsAhead: Number(r.conflicts_ahead), checkedAt: iso(r.checked_at)!,
    }));
  }

  /** Published versions of a month in scope with shifts of this worker (two across a transfer within the month). */
  async publishedWithWorker(m: EntityManager, month: string, workerId: number, scope: Scope): Promise<RosterRow[]> {
    const qb = m
      .createQueryBuilder()
      .select('r.*')
      .from('roster', 'r')
      .where("r.month = :month AND r.status = 'PUBLISHED' AND r.id IN (SELECT rw.roster_id FROM roster_worker rw WHERE rw.worker_id = :workerId AND rw.month = :month)", { month, workerId })
      .orderBy('r.community_code');
    applyScope(qb, scope, scopeColumns('r'));
    return (await qb.getRawMany()).map(view);
  }

  /** Published rosters of a month in scope, optionally one community (hours for payroll). */
  async published(m: EntityManager, month: string, scope: Scope, community?: string): Promise<RosterRow[]> {
    const qb = m
      .createQueryBuilder()
      .select('r.*')
      .from('roster', 'r')
      .where("r.month = :month AND r.status = 'PUBLISHED'", { month })
      .orderBy('r.community_code');
    if (community) qb.andWhere('r.community_code = :community', { community });
    applyScope(qb, scope, scopeColumns('r'));
    return (await qb.getRawMany()).map(view);
  }
}

const LIGHT = 'r.id, r.community_code, r.district_code, r.street_code, r.month, r.version, r.status, r.reason, r.based_on_id, r.generation_id, r.seed, r.objective, r.swap, r.error, r.created_by, r.created_at, r.solved_at, r.published_at, r.published_by';

const CHECKABLE = 'r.id, r.community_code, r.month, r.status, r.assignments';

/**
 * A version (`alias`) of a month (`month` compared by `op`) with shifts of any of `workers`: read from `roster_worker`'s
 * index `(worker_id, month)`, not from the versions' JSON. Never called with no workers.
 */
function withShiftsOf(alias: string, workers: readonly number[], op: '=' | '>=', month: string): { sql: string; params: Array<number | string> } {
  return {
    sql: `${alias}.id IN (SELECT rw.roster_id FROM roster_worker rw WHERE rw.worker_id IN (${workers.map(() => '?').join(', ')}) AND rw.month ${op} ?)`,
    params: [...workers, month],
  };
}

function checkableOf(r: Record<string, unknown> | undefined): CheckableRoster | null {
  return r ? { id: Number(r.id), communityCode: String(r.community_code), month: String(r.month), status: r.status as RosterStatus, assignments: fromJson(r.assignments) } : null;
}

function view(r: Record<string, unknown>): RosterRow {
  return {
    id: Number(r.id), communityCode: String(r.community_code), districtCode: String(r.district_code), streetCode: String(r.street_code),
    month: String(r.month), version: Number(r.version), status: r.status as RosterStatus, reason: r.reason as RosterReason,
    basedOnId: r.based_on_id == null ? null : Number(r.based_on_id), generationId: r.generation_id == null ? null : Number(r.generation_id),
    seed: Number(r.seed), objective: r.objective == null ? null : Number(r.objective),
    problem: fromJson(r.problem), assignments: fromJson(r.assignments), uncovered: fromJson(r.uncovered), hours: fromJson(r.hours), swap: fromJson(r.swap),
    error: (r.error as string | null) ?? null, createdBy: String(r.created_by), createdAt: iso(r.created_at), solvedAt: iso(r.solved_at),
    publishedAt: iso(r.published_at), publishedBy: (r.published_by as string | null) ?? null,
  };
}
