/** The only owner of `training_cost_posting` SQL: a class's cost as posted to the budget, and its delivery status read from the outbox. */
import type { Scope } from '@cws/kernel';
import { applyScope } from '@cws/persistence';
import type { TrainingPostingView } from '@cws/workers-contracts';
import type { EntityManager } from 'typeorm';

export interface NewTrainingCostPosting {
  classId: number;
  fund: string;
  /** Yuan as a decimal string. */
  amount: string;
  fiscalYear: number;
  funder: string;
  stream: string;
  districtCode: string | null;
  streetCode: string;
  communityCode: string;
  idempotencyKey: string;
  sourceRef: string;
  /** BIGINT id, as a string. */
  outboxEventId: string;
}

/** PENDING: in the outbox, not yet relayed; SENT: relayed to the budget queue; UNROUTED: written before costs were routed (no charge community). */
const POSTING_STATUS_SQL = `CASE WHEN t.outbox_event_id IS NULL THEN 'UNROUTED' WHEN o.id IS NULL OR o.dispatched_at IS NOT NULL THEN 'SENT' ELSE 'PENDING' END`;

export class TrainingCostPostingRepository {
  static async insert(m: EntityManager, t: NewTrainingCostPosting): Promise<void> {
    await m.query(
      `INSERT INTO training_cost_posting (class_id, fund, amount, fiscal_year, funder, stream, district_code, street_code, community_code,
         idempotency_key, source_ref, outbox_event_id, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`,
      [t.classId, t.fund, t.amount, t.fiscalYear, t.funder, t.stream, t.districtCode, t.streetCode, t.communityCode, t.idempotencyKey, t.sourceRef, t.outboxEventId, new Date()],
    );
  }

  /** The postings a scope sees, by id, optionally of one status. */
  static async list(m: EntityManager, scope: Scope, status?: string): Promise<TrainingPostingView[]> {
    const qb = m.createQueryBuilder()
      .select(`t.id AS id, t.class_id AS classId, t.fund AS fund, t.amount AS amount, t.fiscal_year AS fiscalYear, t.funder AS funder, t.stream AS stream,
        t.district_code AS districtCode, t.street_code AS streetCode, t.community_code AS communityCode, t.idempotency_key AS idempotencyKey,
        t.source_ref AS sourceRef, ${POSTING_STATUS_SQL} AS status, o.dispatched_at AS sentAt, t.created_at AS createdAt`)
      .from('training_cost_posting', 't')
      .leftJoin('outbox_event', 'o', 'o.id = t.outbox_event_id')
      .where('1 = 1')
      .orderBy('t.id');
    if (status) qb.andWhere(`${POSTING_STATUS_SQL} = :status`, { status });
    applyScope(qb, scope, { district: 't.district_code', street: 't.street_code' });
    const rows = await qb.getRawMany();
    return rows.map((r) => ({
      ...r, id: Number(r.id), classId: Number(r.classId), fiscalYear: r.fiscalYear === null ? null : Number(r.fiscalYear),
      sentAt: r.sentAt ? new Date(r.sentAt).toISOString() : null, createdAt: new Date(r.createdAt).toISOString(),
    }));
  }
}
