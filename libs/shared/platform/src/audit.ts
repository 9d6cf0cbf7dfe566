/**
 * Append-only audit log: who, when, what, before and after. Written in the same transaction as
 * the change it describes, so a change without its audit row cannot commit.
 */
import { Controller, Get, Injectable, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
// instants (date-times), not calendar dates
// eslint-disable-next-line no-restricted-imports
import { IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { AuditLogPage, districtOf, type AuditLogPageView, type Principal } from '@cws/kernel';
import { applyScope, keysetPage } from '@cws/persistence';
import { Column, DataSource, Entity, Index, PrimaryGeneratedColumn, type EntityManager, type MigrationInterface, type QueryRunner } from 'typeorm';
import { CurrentPrincipal, Roles } from './auth';
import { apiSchema } from './openapi-contracts';
import { PageLimit } from './query-params';
import { requestContext } from './request-context';

@Entity('audit_log')
@Index('idx_audit_entity', ['entity', 'entityId'])
@Index('idx_audit_actor', ['actorId'])
@Index('idx_audit_time', ['occurredAt'])
@Index('idx_audit_place', ['districtCode', 'streetCode', 'id'])
export class AuditLogEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'occurred_at', type: 'datetime', precision: 3 }) occurredAt!: Date;
  @Column({ name: 'actor_kind', type: 'varchar', length: 10 }) actorKind!: string;
  @Column({ name: 'actor_id', type: 'varchar', length: 64 }) actorId!: string;
  @Column({ name: 'actor_name', type: 'varchar', length: 100 }) actorName!: string;
  @Column({ type: 'varchar', length: 60 }) entity!: string;
  @Column({ name: 'entity_id', type: 'varchar', length: 64 }) entityId!: string;
  @Column({ type: 'varchar', length: 40 }) action!: string;
  @Column({ type: "json", nullable: true }) before!: object | null;
  @Column({ type: "json", nullable: true }) after!: object | null;
  @Column({ name: 'request_id', type: 'varchar', length: 100, nullable: true }) requestId!: string | null;
  /**
   * Where the row lies: the narrowest place holding every record it names (null = the city). The
   * audit log is filtered by scope on these, like every other table: a row naming records of two
   * districts (a transfer) is the city's alone.
   */
  @Column({ name: 'district_code', type: 'varchar', length: 20, nullable: true }) districtCode!: string | null;
  @Column({ name: 'street_code', type: 'varchar', length: 20, nullable: true }) streetCode!: string | null;
}

export const AUDIT_TABLE_SQL = `CREATE TABLE audit_log (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  occurred_at DATETIME(3) NOT NULL,
  actor_kind VARCHAR(10) NOT NULL,
  actor_id VARCHAR(64) NOT NULL,
  actor_name VARCHAR(100) NOT NULL,
  entity VARCHAR(60) NOT NULL,
  entity_id VARCHAR(64) NOT NULL,
  action VARCHAR(40) NOT NULL,
  \`before\` JSON NULL,
  \`after\` JSON NULL,
  request_id VARCHAR(100) NULL,
  district_code VARCHAR(20) NULL,
  KEY idx_audit_entity (entity, entity_id),
  KEY idx_audit_actor (actor_id),
  KEY idx_audit_time (occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`;

/** Every service schema holds the platform's tables too; call this wherever a service's entities are listed. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function withPlatformEntities(entities: Function[]): Function[] {
  return [AuditLogEntity, ...entities];
}

export async function createAuditTable(qr: QueryRunner): Promise<void> {
  await qr.query(AUDIT_TABLE_SQL);
}

/** Adds the street to an audit row's location (each service's migration calls this once after createAuditTable). */
export async function addAuditStreet(qr: QueryRunner): Promise<void> {
  await qr.query('ALTER TABLE audit_log ADD COLUMN street_code VARCHAR(20) NULL AFTER district_code, ADD KEY idx_audit_place (district_code, street_code, id)');
}

/**
 * Audit rows are located by street too, and filtered by scope like every other table
 * (docs/security.md). Each service subclasses this under its own class name and timestamp
 * (`AuditStreet1765000000100`), so schemas that ran the per-app copy do not run it again.
 */
export abstract class AuditStreetMigration implements MigrationInterface {
  abstract name: string;

  async up(qr: QueryRunner): Promise<void> {
    await addAuditStreet(qr);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.query('ALTER TABLE audit_log DROP KEY idx_audit_place, DROP COLUMN street_code');
  }
}

/**
 * The audit log is append-only in the database, not only by convention: triggers refuse any UPDATE or
 * DELETE of a row (as budget's ledger_entry). The service's own database user can then no more rewrite
 * history than a bug can. Each service subclasses this under its own class name and timestamp.
 */
export abstract class AuditAppendOnlyMigration implements MigrationInterface {
  abstract name: string;

  async up(qr: QueryRunner): Promise<void> {
    for (const op of ['UPDATE', 'DELETE']) {
      await qr.query(`CREATE TRIGGER trg_audit_log_no_${op.toLowerCase()} BEFORE ${op} ON audit_log FOR EACH ROW
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only'`);
    }
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const op of ['update', 'delete']) await qr.query(`DROP TRIGGER IF EXISTS trg_audit_log_no_${op}`);
  }
}

export interface AuditPlace {
  districtCode: string | null | undefined;
  streetCode?: string | null;
}

/** The narrowest place holding all of these: one street, one district, or (null, null) the city. */
export function coveringPlace(places: AuditPlace[]): { districtCode: string | null; streetCode: string | null } {
  if (!places.length) return { districtCode: null, streetCode: null };
  const district = places[0].districtCode ?? null;
  if (!district || places.some((p) => (p.districtCode ?? null) !== district)) return { districtCode: null, streetCode: null };
  const street = places[0].streetCode ?? null;
  const sameStreet = !!street && places.every((p) => (p.streetCode ?? null) === street);
  return { districtCode: district, streetCode: sameStreet ? street : null };
}

export interface AuditEntry {
  entity: string;
  entityId: string | number;
  action: string;
  before?: unknown;
  after?: unknown;
  /** Where the record lies; a row without a street is seen by its district and the city, not by street users. */
  districtCode?: string | null;
  streetCode?: string | null;
  /** Every place the row names, when it names records in more than one (e.g. both ends of a transfer); overrides the two above. */
  places?: AuditPlace[];
}

const SYSTEM: Pick<Principal, 'kind' | 'id' | 'name'> = { kind: 'user', id: 'system', name: 'system' };
/** Rows per multi-row INSERT in recordMany (bounded statement size and placeholder count). */
const AUDIT_CHUNK = 1000;

@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /** Records a change inside the caller's transaction (pass its manager). */
  async record(manager: EntityManager | null, entry: AuditEntry, actor?: Pick<Principal, 'kind' | 'id' | 'name'>): Promise<void> {
    await (manager ?? this.dataSource.manager).insert(AuditLogEntity, this.rowOf(entry, actor, new Date()));
  }

  /**
   * Records many changes inside the caller's transaction (bulk paths such as an import): the same
   * row as `record` for each entry, written as multi-row INSERTs of AUDIT_CHUNK rows.
   */
  async recordMany(manager: EntityManager, entries: AuditEntry[], actor?: Pick<Principal, 'kind' | 'id' | 'name'>): Promise<void> {
    const now = new Date();
    for (let i = 0; i < entries.length; i += AUDIT_CHUNK) {
      await manager.insert(AuditLogEntity, entries.slice(i, i + AUDIT_CHUNK).map((e) => this.rowOf(e, actor, now)));
    }
  }

  private rowOf(entry: AuditEntry, actor: Pick<Principal, 'kind' | 'id' | 'name'> | undefined, occurredAt: Date): Partial<AuditLogEntity> {
    const who = actor ?? requestContext.get()?.principal ?? SYSTEM;
    const place = coveringPlace(entry.places ?? [{ districtCode: entry.districtCode ?? (entry.streetCode ? districtOf(entry.streetCode) : undefined), streetCode: entry.streetCode }]);
    return {
      occurredAt,
      actorKind: who.kind,
      actorId: who.id,
      actorName: who.name,
      entity: entry.entity,
      entityId: String(entry.entityId),
      action: entry.action,
      before: (entry.before ?? null) as object | null,
      after: (entry.after ?? null) as object | null,
      requestId: requestContext.requestId() ?? null,
      districtCode: place.districtCode,
      streetCode: place.streetCode,
    };
  }

  /**
   * The latest row of `action` on one record, read in the caller's transaction: what a workflow that undoes
   * an earlier one needs of the state it changed (e.g. a withdrawn re-election reopening the posts it ended).
   */
  async latest(manager: EntityManager, entity: string, entityId: string | number, action: string): Promise<{ before: unknown; after: unknown } | null> {
    const row = await manager.getRepository(AuditLogEntity).findOne({ where: { entity, entityId: String(entityId), action }, order: { id: 'DESC' } });
    return row ? { before: row.before, after: row.after } : null;
  }

  async search(q: AuditQuery, principal: Principal): Promise<AuditLogPageView> {
    const limit = q.limit ?? 50;
    const qb = this.dataSource.getRepository(AuditLogEntity).createQueryBuilder('a');
    if (q.entity) qb.andWhere('a.entity = :entity', { entity: q.entity });
    if (q.entityId) qb.andWhere('a.entityId = :entityId', { entityId: q.entityId });
    if (q.actorId) qb.andWhere('a.actorId = :actorId', { actorId: q.actorId });
    if (q.action) qb.andWhere('a.action = :action', { action: q.action });
    if (q.from) qb.andWhere('a.occurredAt >= :from', { from: new Date(q.from) });
    if (q.to) qb.andWhere('a.occurredAt < :to', { to: new Date(q.to) });
    // the same scope filter as every other table: district users see their district's rows, street users their street's
    applyScope(qb, principal.scope, { district: 'a.districtCode', street: 'a.streetCode' });
    // newest first: `before` is the keyset cursor, walking down
    const page = await keysetPage(qb, { column: 'a.id', order: 'DESC', after: q.before, limit, keyOf: (a) => a.id });
    // the row as JSON answers it (the instant as its ISO string), typed as the contract
    return { ...page, items: page.items.map((a) => ({ ...a, occurredAt: a.occurredAt.toISOString() })) };
  }
}

export class AuditQuery {
  @ApiPropertyOptional({ example: 'worker' }) @IsOptional() @IsString() @MaxLength(60) entity?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) entityId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) actorId?: string;
  @ApiPropertyOptional({ example: 'UPDATE' }) @IsOptional() @IsString() @MaxLength(40) action?: string;
  @ApiPropertyOptional({ example: '2026-01-01T00:00:00Z' }) @IsOptional() @IsISO8601() from?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601() to?: string;
  @ApiPropertyOptional({ description: '游标分页（审计日志从新到旧）：上一页响应的 nextAfter，首页不传；取 id 更小的条目。Keyset cursor, newest first: nextAfter of the previous page.', example: '1200' }) @IsOptional() @Matches(/^\d{1,19}$/, { message: 'must be an entry id' }) before?: string;
  @PageLimit(50, 500) limit?: number;
}

@ApiTags('audit')
@Controller('v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({ summary: '审计日志（从新到旧，游标分页）', description: 'Audit entries in your scope, newest first; page with ?before=<nextAfter>.' })
  @Roles('CITY_ADMIN', 'AUDITOR', 'DISTRICT_HR')
  @ApiOkResponse({ schema: apiSchema(AuditLogPage) })
  search(@Query() q: AuditQuery, @CurrentPrincipal() principal: Principal) {
    return this.audit.search(q, principal);
  }
}
