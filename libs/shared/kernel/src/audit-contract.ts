/**
 * The audit log as every service's GET /v1/audit answers it (platform's AuditController): one
 * contract for the four services, here because the admin UI reads it too and platform is Nest.
 */
import { Type } from '@sinclair/typebox';
import { Contract, IdString, Instant, Nullable, Page, Text, type Static } from './contract-schema';

/* @__NO_SIDE_EFFECTS__ */
const Change = (description: string, example: Record<string, unknown>) =>
  /* @__PURE__ */ Nullable(/* @__PURE__ */ Type.Unsafe<unknown>({ type: 'object', additionalProperties: true, description, example }));

export const AuditLogEntry = /* @__PURE__ */ Contract('AuditLogEntry', '审计日志的一行：谁、何时、对什么、改前改后。One audit row: who, when, what, before and after.', {
  id: /* @__PURE__ */ IdString('审计记录 ID（从新到旧分页用）。Entry id.', '1201'),
  occurredAt: /* @__PURE__ */ Instant('发生时刻。When.'),
  actorKind: /* @__PURE__ */ Text('操作方类型：user 或 client。User or API client.', 'user'),
  actorId: /* @__PURE__ */ Text('操作方 ID。Actor id.', 'u-xihu'),
  actorName: /* @__PURE__ */ Text('操作方名称（用户名或 client_id）。Actor name.', 'xihu-hr'),
  entity: /* @__PURE__ */ Text('对象类型（如 worker、posting）。Entity kind.', 'worker'),
  entityId: /* @__PURE__ */ Text('对象 ID。Entity id.', '1024'),
  action: /* @__PURE__ */ Text('操作（CREATE、UPDATE、VIEW_PII…）。Action.', 'UPDATE'),
  before: /* @__PURE__ */ Change('修改前的值；新建时为 null。Before the change.', { phone: '13800138000' }),
  after: /* @__PURE__ */ Change('修改后的值；删除时为 null。After the change.', { phone: '13900139000' }),
  requestId: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('请求 ID（X-Request-Id），用于关联日志。Request id.', '5f0c1d2e-8a7b-4c3d-9e8f-0a1b2c3d4e5f')),
  districtCode: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('记录所在区县；涉及多个区县或全市为 null。District of the record.', '330106')),
  streetCode: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('记录所在街道；不到街道一级为 null。Street of the record.', '330106001')),
});
export type AuditLogEntryView = Static<typeof AuditLogEntry>;
export const AuditLogPage = /* @__PURE__ */ Page('AuditLogPage', '审计日志分页（从新到旧；下一页以 ?before= 传 nextAfter）。Audit entries, newest first.', AuditLogEntry);
export type AuditLogPageView = Static<typeof AuditLogPage>;
