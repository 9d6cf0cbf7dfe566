/**
 * What the budget API answers, declared once (issue #11): each contract is the TypeScript type the
 * service returns and the admin UI reads, and the schema of the OpenAPI document (no Swagger class
 * repeats it). Amounts are decimal strings with two places ("1234.56"), never numbers.
 */
import { Contract, DateOnly, Fields, IdString, Instant, Int, MoneyString, NamedEnum, Nullable, Page, type Static, Text } from '@cws/kernel';
import { Type } from '@sinclair/typebox';
import { FUNDING_STREAMS, LEDGER_ENTRY_TYPES, POSTING_SOURCES } from './budget';

export const FundingStreamSchema = /* @__PURE__ */ NamedEnum('FundingStream', FUNDING_STREAMS, '经费渠道：四类社区经费与社区工作者培训经费。Funding stream.');
export const LedgerEntryTypeSchema = /* @__PURE__ */ NamedEnum('LedgerEntryType', LEDGER_ENTRY_TYPES, '账目类型。Ledger entry type.');
export const PostingSourceSchema = /* @__PURE__ */ NamedEnum('PostingSource', POSTING_SOURCES, '记账来源。Where a posting came from.');
export const POSTING_KINDS = ['COMMITMENT', 'EXPENDITURE', 'REVERSAL', 'TRANSFER', 'REFUND'] as const;
export const PostingKindSchema = /* @__PURE__ */ NamedEnum('PostingKind', POSTING_KINDS, '记账类型：承诺、支出、冲销、划转、退回（来源的负成本）。Posting kind.');

const funder = /* @__PURE__ */ Text('出资方：CITY（市级）或 6 位区县代码（区级预算）。Funder: CITY or a district code.', 'CITY');
const districtCode = /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('区县代码（6 位）；市级汇总为 null。District code.', '330106'));
const streetCode = /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('街道代码（9 位）；不到街道一级为 null。Street code.', '330106001'));
const communityCode = /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('社区代码（12 位）；不到社区一级为 null。Community code.', '330106001001'));
const fiscalYear = /* @__PURE__ */ Int('财政年度。Fiscal year.', 2026);

/** The key a balance is kept under — (year, funder, stream, place) — which each ledger entry names too: listed once. */
const balanceKey = { fiscalYear, funder, stream: FundingStreamSchema, districtCode, streetCode, communityCode };

export const LedgerEntry = /* @__PURE__ */ Contract('LedgerEntry', '总账的一行：一次资金变动的各列增量（只增不改）。One ledger row: the signed deltas of one money movement.', /* @__PURE__ */ Fields({
  id: /* @__PURE__ */ IdString('账目 ID（按写入顺序递增，游标分页用）。Ledger entry id, increasing.', '1201'),
}, balanceKey, {
  entryType: LedgerEntryTypeSchema,
  appropriationId: /* @__PURE__ */ Nullable(/* @__PURE__ */ IdString('相关预算 ID。Appropriation id.', '12')),
  allocationId: /* @__PURE__ */ Nullable(/* @__PURE__ */ IdString('相关分配 ID。Allocation id.', '40')),
  postingId: /* @__PURE__ */ Nullable(/* @__PURE__ */ IdString('相关记账 ID（按它追溯来源单据）。Posting id.', '388')),
  appropriated: /* @__PURE__ */ MoneyString('预算数增量（元）。Delta of appropriated.'),
  allocated: /* @__PURE__ */ MoneyString('已分配数增量（元）。Delta of allocated.'),
  committed: /* @__PURE__ */ MoneyString('已承诺数增量（元）。Delta of committed.'),
  spent: /* @__PURE__ */ MoneyString('已支出数增量（元）。Delta of spent.', '1250.00'),
  memo: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('摘要。Memo.', '办公用品')),
  createdAt: /* @__PURE__ */ Instant('写入时刻。Written at.'),
}));
export type LedgerEntryView = Static<typeof LedgerEntry>;
export const LedgerPage = /* @__PURE__ */ Page('LedgerPage', '总账分页（从旧到新）。Ledger entries, oldest first.', LedgerEntry);
export type LedgerPageView = Static<typeof LedgerPage>;

export const Balance = /* @__PURE__ */ Contract('Balance', '按年度、出资方、渠道、地区汇总的余额。A balance per (year, funder, stream, place).', /* @__PURE__ */ Fields(balanceKey, {
  appropriated: /* @__PURE__ */ MoneyString('预算数（元）。Appropriated.'),
  allocated: /* @__PURE__ */ MoneyString('已分配数（元）。Allocated.', '100000.00'),
  committed: /* @__PURE__ */ MoneyString('已承诺数（元）。Committed.', '5000.00'),
  spent: /* @__PURE__ */ MoneyString('已支出数（元）。Spent.', '20000.00'),
  available: /* @__PURE__ */ MoneyString('可用数 = 已分配 − 已承诺 − 已支出。allocated − committed − spent.', '75000.00'),
}));
export type BalanceView = Static<typeof Balance>;

export const BalanceTotals = /* @__PURE__ */ Contract('BalanceTotals', '过滤范围内的合计。Totals over the filter.', {
  appropriated: /* @__PURE__ */ MoneyString('预算数合计。Appropriated.', '3600000.00'),
  allocated: /* @__PURE__ */ MoneyString('已分配合计。Allocated.', '3600000.00'),
  unallocated: /* @__PURE__ */ MoneyString('未分配 = 预算 − 已分配。appropriated − allocated.'),
  committed: /* @__PURE__ */ MoneyString('已承诺合计。Committed.', '5000.00'),
  spent: /* @__PURE__ */ MoneyString('已支出合计。Spent.', '20000.00'),
  available: /* @__PURE__ */ MoneyString('可用 = 已分配 − 已承诺 − 已支出。allocated − committed − spent.', '3575000.00'),
});
export type BalanceTotalsView = Static<typeof BalanceTotals>;
export const Balances = /* @__PURE__ */ Contract('Balances', '余额与合计。Balances with their totals.', {
  items: /* @__PURE__ */ Type.Array(Balance, { description: '各组余额。Balances.' }),
  totals: BalanceTotals,
});
export type BalancesView = Static<typeof Balances>;

export const Allocation = /* @__PURE__ */ Contract('Allocation', '一项分配：预算分到街道或社区的钱，及其运行余额。Part of an appropriation given to a street or community, with its running balance.', {
  id: /* @__PURE__ */ IdString('分配 ID。Allocation id.', '40'),
  appropriationId: /* @__PURE__ */ IdString('所属预算 ID。Appropriation id.', '12'),
  fiscalYear,
  funder,
  stream: FundingStreamSchema,
  targetLevel: /* @__PURE__ */ NamedEnum('AllocationTargetLevel', ['STREET', 'COMMUNITY'] as const, '分配对象层级。Level of the target.'),
  districtCode: /* @__PURE__ */ Text('区县代码。District code.', '330106'),
  streetCode: /* @__PURE__ */ Text('街道代码。Street code.', '330106001'),
  communityCode,
  targetName: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('分配对象名称。Name of the street or community.', '翠苑一区社区')),
  initialAmount: /* @__PURE__ */ MoneyString('初始分配金额（元）。Amount when allocated.', '100000.00'),
  amount: /* @__PURE__ */ MoneyString('当前金额（划转后）。Current amount, after transfers.', '100000.00'),
  committed: /* @__PURE__ */ MoneyString('已承诺（元）。Committed.', '5000.00'),
  spent: /* @__PURE__ */ MoneyString('已支出（元）。Spent.', '20000.00'),
  available: /* @__PURE__ */ MoneyString('可用 = 金额 − 已承诺 − 已支出。amount − committed − spent.', '75000.00'),
  createdBy: /* @__PURE__ */ Text('创建人 ID。Created by.', 'u-fin'),
  createdAt: /* @__PURE__ */ Instant('创建时刻。Created at.'),
});
export type AllocationView = Static<typeof Allocation>;
export const AllocationPage = /* @__PURE__ */ Page('AllocationPage', '分配分页。Allocations.', Allocation);
export type AllocationPageView = Static<typeof AllocationPage>;

export const Appropriation = /* @__PURE__ */ Contract('Appropriation', '一项预算（年初或追加），草稿经批准后生效。An appropriation; DRAFT until enacted.', {
  id: /* @__PURE__ */ IdString('预算 ID。Appropriation id.', '12'),
  fiscalYear,
  funder: /* @__PURE__ */ Text('出资方：CITY 或 6 位区县代码。Funder.', '330106'),
  districtCode,
  stream: FundingStreamSchema,
  kind: /* @__PURE__ */ NamedEnum('AppropriationKind', ['ORIGINAL', 'SUPPLEMENTARY'] as const, '预算类型：年初 / 追加。Original or supplementary.'),
  amount: /* @__PURE__ */ MoneyString('预算金额（元）。Amount.', '1200000.00'),
  allocated: /* @__PURE__ */ MoneyString('已分配（元）。Allocated.', '400000.00'),
  unallocated: /* @__PURE__ */ MoneyString('未分配（元）。Not yet allocated.', '800000.00'),
  documentNo: /* @__PURE__ */ Text('预算文件文号。Document number.', '西财预〔2026〕3号'),
  documentDate: /* @__PURE__ */ DateOnly('文件日期。Document date.'),
  note: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('备注。Note.', '年初预算')),
  status: /* @__PURE__ */ NamedEnum('AppropriationStatus', ['DRAFT', 'ENACTED'] as const, '状态：草稿 / 已生效。Status.'),
  createdBy: /* @__PURE__ */ Text('录入人 ID。Created by.', 'u-fin'),
  createdByName: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('录入人。Created by (name).', 'finance')),
  createdAt: /* @__PURE__ */ Instant('录入时刻。Created at.'),
  enactedBy: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('批准人 ID；草稿为 null。Enacted by.', 'u-city')),
  enactedByName: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('批准人。Enacted by (name).', 'city-admin')),
  enactedAt: /* @__PURE__ */ Nullable(/* @__PURE__ */ Instant('批准时刻；草稿为 null。Enacted at.')),
});
export type AppropriationView = Static<typeof Appropriation>;
export const AppropriationPage = /* @__PURE__ */ Page('AppropriationPage', '预算分页。Appropriations.', Appropriation);
export type AppropriationPageView = Static<typeof AppropriationPage>;

export const BalanceAfter = /* @__PURE__ */ Contract('BalanceAfter', '本次记账后的分配余额。The allocation right after a posting.', {
  amount: /* @__PURE__ */ MoneyString('分配金额（元）。Amount.', '100000.00'),
  committed: /* @__PURE__ */ MoneyString('已承诺（元）。Committed.'),
  spent: /* @__PURE__ */ MoneyString('已支出（元）。Spent.', '21250.00'),
  available: /* @__PURE__ */ MoneyString('可用（元）。Available.', '78750.00'),
});

export const Posting = /* @__PURE__ */ Contract('Posting', '一笔记账（承诺、支出、冲销或划转）；记账从不修改或删除。A posting; never edited or deleted.', {
  id: /* @__PURE__ */ IdString('记账 ID。Posting id.', '389'),
  kind: PostingKindSchema,
  allocationId: /* @__PURE__ */ IdString('分配 ID。Allocation id.', '40'),
  counterAllocationId: /* @__PURE__ */ Nullable(/* @__PURE__ */ IdString('划转的对方分配 ID。The other allocation of a transfer.', '41')),
  fiscalYear,
  funder,
  stream: FundingStreamSchema,
  districtCode,
  streetCode,
  communityCode,
  amount: /* @__PURE__ */ MoneyString('金额（元）。Amount.', '1250.00'),
  category: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('支出类别。Category.', 'OFFICE')),
  description: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('用途说明。Description.', '社区党员活动室办公用品')),
  source: PostingSourceSchema,
  sourceRef: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('来源单据号（如国库支付凭证号），对账用。Reference in the source system.', 'GK-2026-000123')),
  commitmentId: /* @__PURE__ */ Nullable(/* @__PURE__ */ IdString('本次支出核销的承诺 ID。The commitment this expenditure settles.', '388')),
  settled: /* @__PURE__ */ MoneyString('承诺已核销金额（元）。Settled of a commitment.'),
  reversesId: /* @__PURE__ */ Nullable(/* @__PURE__ */ IdString('被冲销的记账 ID。The posting this reverses.', '380')),
  reason: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('冲销或划转原因。Reason of a reversal or transfer.', '重复录入，冲销')),
  taskRef: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('划转依据的事项。Task a transfer follows.', '居家养老服务站移交')),
  overrideReason: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('超额审批理由。Reason of an approved overspend.')),
  createdBy: /* @__PURE__ */ Text('记账人 ID（用户或客户端）。Created by.', 'xihu-finance'),
  createdByName: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('记账人。Created by (name).', '西湖区财政局')),
  createdAt: /* @__PURE__ */ Instant('记账时刻。Created at.'),
  ledgerEntryIds: /* @__PURE__ */ Type.Array(/* @__PURE__ */ IdString('账目 ID。Ledger entry id.', '1201'), { description: '本次记账写入的账目。Ledger entries this posting wrote.' }),
  balanceAfter: BalanceAfter,
});
export type PostingView = Static<typeof Posting>;
export const PostingPage = /* @__PURE__ */ Page('PostingPage', '记账分页。Postings.', Posting);
export type PostingPageView = Static<typeof PostingPage>;

export const FiscalYear = /* @__PURE__ */ Contract('FiscalYear', '财政年度：开启后可记账，关闭后不再记账。A fiscal year.', {
  year: /* @__PURE__ */ Int('年度。Year.', 2026),
  status: /* @__PURE__ */ NamedEnum('FiscalYearStatus', ['OPEN', 'CLOSED'] as const, '状态：开启 / 已关闭。Status.'),
  openedAt: /* @__PURE__ */ Instant('开启时刻。Opened at.', '2026-01-01T00:00:00.000Z'),
  closedAt: /* @__PURE__ */ Nullable(/* @__PURE__ */ Instant('关闭时刻；未关闭为 null。Closed at.')),
  closedBy: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('关闭人 ID。Closed by.', 'u-city')),
});

export type FiscalYearView = Static<typeof FiscalYear>;
export type StreamView = Static<typeof Stream>;

export const ExecutionRow = /* @__PURE__ */ Contract('ExecutionRow', '预算执行情况的一行（或合计）。One row of the execution report.', {
  key: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('分组键（渠道代码、出资方、地区代码或月份）；合计行为 null。Group key; null on the total.', 'PARTY_BUILDING')),
  name: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('分组名称。Group name.', '社区党建工作经费')),
  appropriated: /* @__PURE__ */ MoneyString('预算数（元）。Appropriated.', '3600000.00'),
  allocated: /* @__PURE__ */ MoneyString('已分配（元）。Allocated.', '3600000.00'),
  committed: /* @__PURE__ */ MoneyString('已承诺（元）。Committed.', '120000.00'),
  spent: /* @__PURE__ */ MoneyString('已支出（元）。Spent.', '900000.00'),
  available: /* @__PURE__ */ MoneyString('可用（元）。Available.', '2580000.00'),
  executionRate: /* @__PURE__ */ Nullable(/* @__PURE__ */ Type.String({ pattern: '^\\d+\\.\\d{2}$', description: '执行率（%，两位小数）= 已支出 ÷ 分母（rateBase）。Percent, two places.', example: '25.00' })),
});
export type ExecutionRowView = Static<typeof ExecutionRow>;
export const EXECUTION_GROUPS = ['stream', 'funder', 'district', 'street', 'community', 'month'] as const;
export const ExecutionReport = /* @__PURE__ */ Contract('ExecutionReport', '预算执行情况报表。The execution report.', {
  fiscalYear,
  groupBy: /* @__PURE__ */ NamedEnum('ExecutionGroupBy', EXECUTION_GROUPS, '分组维度。Grouping.'),
  rateBase: /* @__PURE__ */ NamedEnum('ExecutionRateBase', ['appropriated', 'allocated'] as const, '执行率分母：预算数 / 已分配数。Base of the execution rate.'),
  rows: /* @__PURE__ */ Type.Array(ExecutionRow, { description: '各组。Rows.' }),
  total: ExecutionRow,
});
export type ExecutionReportView = Static<typeof ExecutionReport>;

export const Stream = /* @__PURE__ */ Contract('Stream', '经费渠道。A funding stream.', {
  code: FundingStreamSchema,
  nameZh: /* @__PURE__ */ Text('中文名称。Chinese name.', '社区党建工作经费'),
  nameEn: /* @__PURE__ */ Text('英文名称。English name.', 'Community party-building work fund'),
  sortOrder: /* @__PURE__ */ Int('排序。Sort order.', 1),
  communityStream: /* @__PURE__ */ Type.Boolean({ description: '是否按社区核定（四类社区经费）。Funded per community.', example: true }),
});

/** The four measures of a close, `what` they are (the day's deltas or the totals at its end). */
const closeMeasures = (what: string, example: string, description: string) => /* @__PURE__ */ Type.Object({
  appropriated: /* @__PURE__ */ MoneyString(`预算数${what}。Appropriated.`, example),
  allocated: /* @__PURE__ */ MoneyString(`已分配数${what}。Allocated.`, example),
  committed: /* @__PURE__ */ MoneyString(`已承诺数${what}。Committed.`),
  spent: /* @__PURE__ */ MoneyString(`已支出数${what}。Spent.`, example),
}, { description });

export const CLOSE_STATUSES = ['BALANCED', 'DISCREPANCY'] as const;
/** Who closes the books when no person does (a close's `closedBy`): the nightly batch. */
export const CLOSE_BOOKS_BATCH = 'close-books-batch';

export const LedgerClose = /* @__PURE__ */ Contract('LedgerClose', '日结：某日（北京时间）总账的变动、日终累计与对账结果；日结后该日不再有账目。A closed day: its movements, the ledger totals at its end, and the reconciliation.', {
  day: /* @__PURE__ */ DateOnly('结账日（北京时间）。The city day closed.', '2026-11-30'),
  entries: /* @__PURE__ */ Int('当日写入的账目条数。Ledger entries written that day.', 42),
  lastEntryId: /* @__PURE__ */ Nullable(/* @__PURE__ */ IdString('当日最后一条账目 ID；当日无账目为 null。The day’s last ledger entry id.', '1201')),
  movements: /* @__PURE__ */ closeMeasures('当日增量合计', '1250.00', '当日各列增量合计（元）。The day’s deltas summed.'),
  totals: /* @__PURE__ */ closeMeasures('日终累计（全部年度）', '3600000.00', '截至日终的总账累计（全部年度，元）。The ledger’s totals at the day’s end, all years.'),
  status: /* @__PURE__ */ NamedEnum('LedgerCloseStatus', CLOSE_STATUSES, '对账结果：BALANCED 各分配、各预算的滚动余额与总账一致；DISCREPANCY 有不一致（见 discrepancies）。Reconciliation result.'),
  allocationsChecked: /* @__PURE__ */ Int('日结时核对的分配笔数。Allocations reconciled at the close.', 5200),
  appropriationsChecked: /* @__PURE__ */ Nullable(/* @__PURE__ */ Int('日结时核对的预算笔数；早于预算对账的日结为 null。Appropriations reconciled at the close (null on closes before they were).', 48)),
  discrepancies: /* @__PURE__ */ Type.Array(/* @__PURE__ */ Type.Object({
    allocationId: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ IdString('分配 ID（分配的不一致）。Allocation id, when an allocation differs.', '40')),
    appropriationId: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ IdString('预算 ID（预算的不一致）。Appropriation id, when an appropriation differs.', '7')),
    measure: /* @__PURE__ */ NamedEnum('LedgerCloseMeasure', ['appropriated', 'allocated', 'committed', 'spent'] as const, '不一致的列（预算：appropriated、allocated；分配：allocated、committed、spent）。The measure that differs.'),
    running: /* @__PURE__ */ MoneyString('分配或预算行上的滚动余额（草稿预算的 appropriated 为 0）。The running column (a draft appropriation’s appropriated is 0).', '1250.01'),
    ledger: /* @__PURE__ */ MoneyString('总账增量之和。The sum of its ledger deltas.', '1250.00'),
  }), { description: '滚动余额与总账不一致之处（日结时刻），每条恰有 allocationId 或 appropriationId 之一。Where a running column differs from the ledger, at the close; each names an allocation or an appropriation.' }),
  closedAt: /* @__PURE__ */ Instant('日结时刻。Closed at.'),
  closedBy: /* @__PURE__ */ Text(`日结人（夜间批处理为 ${CLOSE_BOOKS_BATCH}）。Closed by.`, CLOSE_BOOKS_BATCH),
});
export type LedgerCloseView = Static<typeof LedgerClose>;
