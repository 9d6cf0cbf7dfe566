/**
 * The org tree as the workers API answers it (issue #11: one source — the type the service returns,
 * the admin UI reads and the OpenAPI document shows).
 */
import { Contract, Instant, Int, NamedEnum, Nullable, Text, type Static } from '@cws/kernel';
import { Type } from '@sinclair/typebox';

export const DISTRICT_KINDS = ['DISTRICT', 'COUNTY_CITY'] as const;
export const STREET_KINDS = ['STREET', 'TOWN'] as const;

const active = /* @__PURE__ */ Type.Boolean({ description: '是否启用（停用后不可再挂新的下级）。Whether it is active.', example: true });
const version = /* @__PURE__ */ Int('版本号：每次修改加 1（乐观锁）。Version, incremented on each change.', 2);

export const District = /* @__PURE__ */ Contract('District', '区县（区或县级市）。A district or county-level city.', {
  code: /* @__PURE__ */ Text('区县代码（6 位）。District code.', '330106'),
  name: /* @__PURE__ */ Text('名称。Name.', '西湖区'),
  kind: /* @__PURE__ */ NamedEnum('DistrictKind', DISTRICT_KINDS, '类型：区 / 县级市。District or county-level city.'),
  active,
  version,
});
export type DistrictView = Static<typeof District>;

export const Street = /* @__PURE__ */ Contract('Street', '街道（或镇）。A street or town.', {
  code: /* @__PURE__ */ Text('街道代码（9 位）。Street code.', '330106001'),
  name: /* @__PURE__ */ Text('名称。Name.', '翠苑街道'),
  districtCode: /* @__PURE__ */ Text('所属区县代码。District code.', '330106'),
  kind: /* @__PURE__ */ NamedEnum('StreetKind', STREET_KINDS, '类型：街道 / 镇。Street or town.'),
  active,
  version,
});
export type StreetView = Static<typeof Street>;

const RecordOrNull = (description: string, example: Record<string, unknown>) =>
  Nullable(Type.Unsafe<Record<string, unknown>>({ type: 'object', additionalProperties: true, description, example }));

export const OrgHistoryEntry = /* @__PURE__ */ Contract('OrgHistoryEntry', '区县、街道或社区的一次变更（来自审计日志）。One change of a district, street or community.', {
  occurredAt: /* @__PURE__ */ Instant('发生时刻。When.'),
  actorName: /* @__PURE__ */ Text('操作人。Who.', 'city-admin'),
  action: /* @__PURE__ */ Text('操作：CREATE、UPDATE、DEACTIVATE、REACTIVATE、DELETE。Action.', 'UPDATE'),
  before: /* @__PURE__ */ RecordOrNull('修改前的值；新建时为 null。Before the change.', { name: '西湖区', version: 1 }),
  after: /* @__PURE__ */ RecordOrNull('修改后的值；删除时为 null。After the change.', { name: '杭州市西湖区', version: 2 }),
});
export type OrgHistoryEntryView = Static<typeof OrgHistoryEntry>;

/** A community's own fields (the detail adds its bodies and checks). */
export const communityFields = {
  code: /* @__PURE__ */ Text('社区代码（12 位）。Community code.', '330106001001'),
  name: /* @__PURE__ */ Text('名称。Name.', '翠苑一区社区'),
  streetCode: /* @__PURE__ */ Text('所属街道代码。Street code.', '330106001'),
  districtCode: /* @__PURE__ */ Text('所属区县代码。District code.', '330106'),
  households: /* @__PURE__ */ Int('户数。Households.', 3120),
  population: /* @__PURE__ */ Int('常住人口。Population.', 8300),
  floorArea: /* @__PURE__ */ Type.String({ pattern: '^\\d{1,8}\\.\\d{2}$', description: '办公用房面积（平方米，两位小数）。Floor area, m².', example: '800.00' }),
  activityArea: /* @__PURE__ */ Type.String({ pattern: '^\\d{1,8}\\.\\d{2}$', description: '活动用房面积（平方米，两位小数）。Activity area, m².', example: '520.00' }),
  facilities: /* @__PURE__ */ Nullable(/* @__PURE__ */ Type.Array(/* @__PURE__ */ Type.String(), { description: '已配设施代码（见 GET /facility-items）。Facility codes present.', example: ['OFFICE', 'PARTY_ROOM'] })),
  active,
  version,
};
export const Community = /* @__PURE__ */ Contract('Community', '社区（居委会所在的城市社区）。An urban community.', communityFields);
export type CommunityView = Static<typeof Community>;
