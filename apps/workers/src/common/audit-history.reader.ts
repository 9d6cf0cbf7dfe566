import type { DataSource, EntityManager } from 'typeorm';

/**
 * An org record's change history from the audit log, newest first (before / after parsed from JSON).
 * A read of the platform's `audit_log`, whose rows only AuditService writes.
 */
export async function auditHistory(db: DataSource | EntityManager, entity: string, entityId: string) {
  const rows: Array<Record<string, unknown>> = await db.query(
    `SELECT occurred_at AS occurredAt, actor_name AS actorName, action, \`before\`, \`after\` FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id DESC`,
    [entity, entityId],
  );
  const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
  return rows.map((r) => ({ ...r, before: parse(r.before), after: parse(r.after) }));
}
