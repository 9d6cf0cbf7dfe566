/**
 * A community's detail, the facility list, the import report and the personal-data key usage as
 * the workers API answers them (issue #11: one source for the service, the UI and OpenAPI).
 */
import { Contract, Fields, Int, NamedEnum, type Static, Text } from '@cws/kernel';
import { Type } from '@sinclair/typebox';
import { communityFields } from './org';
import { BodyKindSchema } from './vocabulary-schemas';

export const CommunityBody = /* @__PURE__ */ Contract('CommunityBody', '社区的一个组织（三位一体：党组织、居委会、工作站）。One of the community’s three bodies.', {
  id: /* @__PURE__ */ Int('组织 ID。Body id.', 31),
  communityCode: /* @__PURE__ */ Text('社区代码。Community code.', '330106001001'),
  kind: BodyKindSchema,
  name: /* @__PURE__ */ Text('名称。Name.', '翠苑一区社区居民委员会'),
});

export const CommunityDetail = /* @__PURE__ */ Contract('CommunityDetail', '社区详情：组织、活动用房占比与缺少的必备设施。A community with its bodies, activity share and missing facilities.', /* @__PURE__ */ Fields(communityFields, {
  bodies: /* @__PURE__ */ Type.Array(CommunityBody, { description: '三个组织。The three bodies.' }),
  activityShare: /* @__PURE__ */ Type.String({ pattern: '^\\d+\\.\\d{4}$', description: '活动用房占办公用房的比例（四位小数）。Activity area / floor area.', example: '0.6500' }),
  activityShareBelowTarget: /* @__PURE__ */ Type.Boolean({ description: '是否低于 60% 的要求。Below the 60 % the notice asks.', example: false }),
  missingFacilities: /* @__PURE__ */ Type.Array(/* @__PURE__ */ Type.String(), { description: '缺少的必备设施代码。Required facility codes it lacks.', example: ['LIBRARY'] }),
}));
export type CommunityDetailView = Static<typeof CommunityDetail>;

/* @__NO_SIDE_EFFECTS__ */
const flag = (description: string) => /* @__PURE__ */ Type.Integer({ minimum: 0, maximum: 1, description, example: 1 });
export const FacilityItem = /* @__PURE__ */ Contract('FacilityItem', '社区设施项目（五室四站两栏一家一校一场所）。A facility item of the 2010 notice’s list.', {
  code: /* @__PURE__ */ Text('代码。Code.', 'OFFICE'),
  name: /* @__PURE__ */ Text('名称。Name.', '办公室'),
  category: /* @__PURE__ */ Text('类别。Category.', 'ROOM'),
  sortOrder: /* @__PURE__ */ Int('排序。Sort order.', 1),
  required: flag('是否必备：1 是，0 否。1 when required.'),
  active: flag('是否启用：1 是，0 否。1 when active.'),
});
export type FacilityItemView = Static<typeof FacilityItem>;

export const ImportRowIssue = /* @__PURE__ */ Contract('ImportRowIssue', '导入文件中一行的一个问题。One issue of one row of an import.', {
  row: /* @__PURE__ */ Int('行号（表头为第 1 行）。Row number; the header is row 1.', 3),
  column: /* @__PURE__ */ Text('列名（模板的中文表头）。Column header.', '身份证号'),
  field: /* @__PURE__ */ Text('字段。Field.', 'residentId'),
  code: /* @__PURE__ */ Text('问题代码。Issue code.', 'RESIDENT_ID_CHECKSUM'),
  reason: /* @__PURE__ */ Text('说明。What is wrong.', '校验位错误'),
});

export const ImportReport = /* @__PURE__ */ Contract('ImportReport', '导入文件的逐行校验报告（校验不写花名册）。The row-by-row report of an import.', {
  id: /* @__PURE__ */ Text('导入批次 ID（UUID）。Import id.', '0b7f3c2a-5d4e-4f1a-9b8c-7e6d5c4b3a21'),
  fileName: /* @__PURE__ */ Text('文件名。File name.', '社区工作者导入.xlsx'),
  status: /* @__PURE__ */ NamedEnum('ImportStatus', ['VALIDATED', 'COMMITTED'] as const, '状态：已校验 / 已导入。Status.'),
  totalRows: /* @__PURE__ */ Int('数据行数。Data rows.', 120),
  validRows: /* @__PURE__ */ Int('有效行数。Valid rows.', 118),
  invalidRows: /* @__PURE__ */ Int('无效行数。Invalid rows.', 2),
  errors: /* @__PURE__ */ Type.Array(ImportRowIssue, { description: '阻止导入的问题。Errors.' }),
  warnings: /* @__PURE__ */ Type.Array(ImportRowIssue, { description: '不阻止导入的提示。Warnings.' }),
});
export type ImportReportView = Static<typeof ImportReport>;

export const ImportCommitted = /* @__PURE__ */ Contract('ImportCommitted', '确认导入的结果。What an import wrote.', {
  id: /* @__PURE__ */ Text('导入批次 ID。Import id.', '0b7f3c2a-5d4e-4f1a-9b8c-7e6d5c4b3a21'),
  created: /* @__PURE__ */ Int('新建的社区工作者数。Workers created.', 118),
  skipped: /* @__PURE__ */ Int('跳过的无效行数（validOnly=true）。Invalid rows skipped.', 2),
});
export type ImportCommittedView = Static<typeof ImportCommitted>;

export const PiiColumnUsage = /* @__PURE__ */ Contract('PiiColumnUsage', '一个加密列中各密钥加密的值数。Values per key id in one encrypted column.', {
  table: /* @__PURE__ */ Text('表。Table.', 'worker'),
  column: /* @__PURE__ */ Text('列。Column.', 'resident_id_enc'),
  byKey: /* @__PURE__ */ Type.Unsafe<Record<string, number>>({ type: 'object', additionalProperties: { type: 'integer' }, description: '密钥 ID → 值的个数。Values per key id.', example: { k2: 5200, k1: 12 } }),
  remaining: /* @__PURE__ */ Int('尚未用现行密钥加密的值数。Values not yet under the current key.', 12),
});

export const PiiKeyUsage = /* @__PURE__ */ Contract('PiiKeyUsage', '个人信息加密密钥的使用情况：各列 remaining 都为 0 后可删除旧密钥。Key usage; drop a retired key once every remaining is 0.', {
  currentKeyId: /* @__PURE__ */ Text('现行密钥 ID。Current key id.', 'k2'),
  columns: /* @__PURE__ */ Type.Array(PiiColumnUsage, { description: '各加密列。Per encrypted column.' }),
});
export type PiiKeyUsageView = Static<typeof PiiKeyUsage>;

export const QueuedJob = /* @__PURE__ */ Contract('QueuedJob', '已排队的任务（重复提交不会再排一次）。A queued job; queued once.', {
  jobId: /* @__PURE__ */ Text('任务 ID。Job id.', 'reencrypt-pii'),
});
export type QueuedJobView = Static<typeof QueuedJob>;
