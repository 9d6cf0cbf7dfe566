/**
 * The benchmark of 市委发〔2010〕45号 as the payroll API reports it: calibration of the unit value,
 * compliance by district or street, and the year-end top-up (年终补差). Each shape is a contract
 * (issue #11): the type the service returns, the admin UI reads and the OpenAPI document shows.
 */
import { Contract, DateOnly, IdString, Instant, Int, MoneyString, NamedEnum, Nullable, Page, Text, type Static } from '@cws/kernel';
import { Type } from '@sinclair/typebox';
import { TOP_UP_RULES } from './policy';

/* @__NO_SIDE_EFFECTS__ */
const money = (description: string, example = '0.00') => /* @__PURE__ */ MoneyString(description, example);
const year = /* @__PURE__ */ Int('年度。Year.', 2026);
const scope = /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('范围：区县或街道代码；null 为全市。Org code; null = the whole city.', '330106'));
const asOf = /* @__PURE__ */ DateOnly('人员快照日期。Workforce snapshot date.', '2026-03-31');
/* @__NO_SIDE_EFFECTS__ */
const sixPlaces = (description: string, example: string) => /* @__PURE__ */ Type.String({ pattern: '^-?\\d+\\.\\d{6}$', description, example });
const illustrative = /* @__PURE__ */ Type.Boolean({ description: '是否基于示例数据（非正式统计口径）。Computed from illustrative data.', example: false });
const LastYearBasisSchema = /* @__PURE__ */ NamedEnum('LastYearBasis', ['RECORDED', 'PROJECTED_FROM_PREVIOUS_SCALE'] as const, '上年平均工资的来源：已记录 / 按上年标准推算。Where last year’s average comes from.');

export const BenchmarkCheck = /* @__PURE__ */ Contract('BenchmarkCheck', '某个单位值下的达标检查。The benchmark test at one unit value.', {
  unitValue: /* @__PURE__ */ money('单位值（元/系数点/月）。Unit value.', '118.50'),
  totalPay: /* @__PURE__ */ money('年工资合计（已发 + 预计）。Σ annual pay, paid and projected.', '560000000.00'),
  workerMonths: /* @__PURE__ */ Type.Number({ description: '在职人月合计（整月或半月）。Σ months employed, whole or halves.', example: 60000 }),
  projectedAverage: /* @__PURE__ */ money('预计年平均工资 = 12 × 合计 ÷ 人月（四舍五入到分）。12 × total ÷ months.', '112000.00'),
  meetsLevel: /* @__PURE__ */ Type.Boolean({ description: '是否不低于上年全市平均工资。Meets the level.', example: true }),
  meetsGrowth: /* @__PURE__ */ Type.Boolean({ description: '增幅是否不低于全市平均工资增幅。Meets the growth.', example: true }),
  passes: /* @__PURE__ */ Type.Boolean({ description: '两项都达标。Both tests pass.', example: true }),
});
export type BenchmarkCheckView = Static<typeof BenchmarkCheck>;

export const CalibrationResult = /* @__PURE__ */ Contract('CalibrationResult', '单位值测算：同时满足水平与增幅的最小单位值。The least unit value meeting the level and growth tests.', {
  id: /* @__PURE__ */ IdString('测算 ID。Calibration id.', '7'),
  year,
  scope,
  asOf,
  headcount: /* @__PURE__ */ Int('人数。Headcount.', 5000),
  benchmark: /* @__PURE__ */ money('要达到的水平：上年全市平均工资 W(Y−1)。The level to reach.', '110000.00'),
  cityAverageTwoYearsAgo: /* @__PURE__ */ money('前年全市平均工资 W(Y−2)。City average two years ago.', '105000.00'),
  cityGrowth: /* @__PURE__ */ sixPlaces('全市平均工资增幅 W(Y−1)/W(Y−2) − 1（六位小数）。City growth, six places.', '0.047619'),
  communityAverageLastYear: /* @__PURE__ */ money('上年社区工作者平均工资。Community average last year.', '104000.00'),
  communityAverageLastYearBasis: LastYearBasisSchema,
  unitValue: /* @__PURE__ */ money('满足两项检验的最小单位值（元/系数点/月）。The least unit value meeting both tests.', '118.50'),
  projectedAverage: /* @__PURE__ */ money('该单位值下的预计平均工资。Projected average at that value.', '110000.12'),
  projectedGrowth: /* @__PURE__ */ sixPlaces('该单位值下的预计增幅（六位小数）。Projected growth.', '0.057693'),
  bindingTest: /* @__PURE__ */ NamedEnum('BindingTest', ['LEVEL', 'GROWTH', 'BOTH'] as const, '起决定作用的检验。The test that binds.'),
  result: BenchmarkCheck,
  belowByOneFen: /* @__PURE__ */ Nullable(BenchmarkCheck),
  current: /* @__PURE__ */ Nullable(BenchmarkCheck),
  illustrative,
  createdAt: /* @__PURE__ */ Instant('测算时刻。Computed at.'),
});
export type CalibrationResult = Static<typeof CalibrationResult>;

export const ComplianceGroup = /* @__PURE__ */ Contract('ComplianceGroup', '一个区县或街道的达标情况。One district or street against the benchmark.', {
  group: /* @__PURE__ */ Text('分组代码。Group code.', '330106'),
  districtCode: /* @__PURE__ */ Text('区县代码。District code.', '330106'),
  districtName: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('区县名称。District name.', '西湖区')),
  streetCode: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('街道代码（按街道分组时）。Street code.', '330106001')),
  headcount: /* @__PURE__ */ Int('人数。Headcount.', 800),
  workerMonths: /* @__PURE__ */ Type.Number({ description: '在职人月。Months employed.', example: 9600 }),
  projectedAverage: /* @__PURE__ */ money('预计年平均工资。Projected average.', '111000.00'),
  ytdMonths: /* @__PURE__ */ Type.Number({ description: '本年已发人月。Months paid so far.', example: 2400 }),
  ytdPaid: /* @__PURE__ */ money('本年已发工资。Paid so far.', '22000000.00'),
  ytdAverage: /* @__PURE__ */ money('本年已发的年化平均。Annualised average paid so far.', '110000.00'),
  benchmark: /* @__PURE__ */ money('基准（上年全市平均工资）。Benchmark.', '110000.00'),
  gap: /* @__PURE__ */ money('基准 − 预计平均：正数为未达标的差额。benchmark − projectedAverage.', '-1000.00'),
  lastYearAverage: /* @__PURE__ */ Nullable(/* @__PURE__ */ money('上年平均（增幅基数）；未知为 null。Last year’s average.', '104000.00')),
  growth: /* @__PURE__ */ Nullable(/* @__PURE__ */ sixPlaces('增幅（六位小数）；未知为 null。Growth.', '0.067308')),
  meetsLevel: /* @__PURE__ */ Type.Boolean({ description: '预计平均 ≥ 基准。projectedAverage ≥ benchmark.', example: true }),
  meetsGrowth: /* @__PURE__ */ Nullable(/* @__PURE__ */ Type.Boolean({ description: '增幅 ≥ 全市增幅；无基数为 null。growth ≥ city growth.', example: true })),
  shortfall: /* @__PURE__ */ money('达标所需的最少追加工资。Least extra pay to pass both tests.'),
  workersBelow: /* @__PURE__ */ Int('低于基准的人数。Workers below the benchmark.', 12),
  compliant: /* @__PURE__ */ Type.Boolean({ description: '水平与增幅均达标。Meets level and growth.', example: true }),
});
export type ComplianceGroupView = Static<typeof ComplianceGroup>;

export const ComplianceReport = /* @__PURE__ */ Contract('ComplianceReport', '达标情况报告（按区县或街道）。Compliance with the benchmark, by district or street.', {
  id: /* @__PURE__ */ Nullable(/* @__PURE__ */ IdString('保存的报告 ID；即时查询为 null。Stored report id.', '3')),
  year,
  asOf,
  groupBy: /* @__PURE__ */ NamedEnum('ComplianceGroupBy', ['district', 'street'] as const, '分组：区县 / 街道。Grouping.'),
  unitValue: /* @__PURE__ */ money('单位值。Unit value.', '118.50'),
  benchmark: /* @__PURE__ */ money('基准（上年全市平均工资）。Benchmark.', '110000.00'),
  cityGrowth: /* @__PURE__ */ sixPlaces('全市增幅（六位小数）。City growth.', '0.047619'),
  lastYearBasis: LastYearBasisSchema,
  paidThrough: /* @__PURE__ */ Int('1 至该月为已发工资，其余为预计。Months 1..paidThrough are paid; the rest projected.', 3),
  groups: /* @__PURE__ */ Type.Array(ComplianceGroup, { description: '各组。Groups.' }),
  illustrative,
});
export type ComplianceReport = Static<typeof ComplianceReport>;

export const TopUpSummary = /* @__PURE__ */ Contract('TopUpSummary', '年终补差的汇总。A year-end top-up.', {
  id: /* @__PURE__ */ IdString('补差 ID。Top-up id.', '5'),
  year,
  scope,
  rule: /* @__PURE__ */ NamedEnum('TopUpRule', TOP_UP_RULES, '补差规则：按平均 / 按人。Rule.'),
  ratio: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('补差比例。Ratio.', '1.00')),
  level: /* @__PURE__ */ Nullable(/* @__PURE__ */ NamedEnum('TopUpLevel', ['DISTRICT', 'STREET'] as const, '按平均补差时的核算层级。Level of the average.')),
  unitValue: /* @__PURE__ */ money('单位值。Unit value.', '118.50'),
  benchmark: /* @__PURE__ */ money('基准。Benchmark.', '110000.00'),
  workers: /* @__PURE__ */ Int('人数。Workers.', 5000),
  workersToppedUp: /* @__PURE__ */ Int('补差人数。Workers topped up.', 120),
  total: /* @__PURE__ */ money('补差合计。Total.', '360000.00'),
  byDistrict: /* @__PURE__ */ Type.Array(/* @__PURE__ */ Type.Object({
    districtCode: /* @__PURE__ */ Text('区县代码。District code.', '330106'),
    workersToppedUp: /* @__PURE__ */ Int('补差人数。Workers topped up.', 30),
    total: /* @__PURE__ */ money('补差合计。Total.', '90000.00'),
  }), { description: '按区县。By district.' }),
  createdAt: /* @__PURE__ */ Instant('计算时刻。Computed at.'),
});
export type TopUpSummary = Static<typeof TopUpSummary>;

export const TopUpLine = /* @__PURE__ */ Contract('TopUpLine', '一人的年终补差。One worker’s top-up.', {
  workerId: /* @__PURE__ */ Int('社区工作者 ID。Worker id.', 1024),
  workerName: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('补差时快照中的姓名；早期数据或仅见于已发批次的人为 null。Name as the snapshot had it.', '张丽华')),
  districtCode: /* @__PURE__ */ Text('区县代码。District code.', '330106'),
  streetCode: /* @__PURE__ */ Text('街道代码。Street code.', '330106001'),
  communityCode: /* @__PURE__ */ Text('社区代码。Community code.', '330106001001'),
  annualPay: /* @__PURE__ */ money('全年工资。Annual pay.', '107000.00'),
  topUp: /* @__PURE__ */ money('补差金额。Top-up.', '3000.00'),
});
export type TopUpLineView = Static<typeof TopUpLine>;
export const TopUpLinePage = /* @__PURE__ */ Page('TopUpLinePage', '补差明细分页。Top-up lines.', TopUpLine);
export type TopUpLinePageView = Static<typeof TopUpLinePage>;

/** One district or street of the 核定 report: what a year of its counted workforce costs at W(Y−1), against the budget. */
export const FundingRequirementLine = /* @__PURE__ */ Contract('FundingRequirementLine', '一个区县或街道的经费核定。What a year of a place’s workforce costs, against its budget.', {
  level: /* @__PURE__ */ NamedEnum('FundingRequirementLevel', ['DISTRICT', 'STREET'] as const, '层级。Level.'),
  districtCode: /* @__PURE__ */ Text('区县代码。District code.', '330106'),
  districtName: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('区县名称。District name.', '西湖区')),
  streetCode: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('街道代码（街道行）。Street code.', '330106001')),
  headcount: /* @__PURE__ */ Type.String({ pattern: '^\\d+\\.\\d{2}$', description: '年平均人数（人月 ÷ 12，两位小数）。Average headcount of the year.', example: '812.50' }),
  workerMonths: /* @__PURE__ */ Type.Number({ description: '在职人月。Months employed.', example: 9750 }),
  wages: /* @__PURE__ */ money('人数 × W(Y−1)。headcount × W(Y−1).', '89375000.00'),
  employerContributions: /* @__PURE__ */ money('单位社保公积金（以 W(Y−1)/12 为基数）。Employer contributions.', '27000000.00'),
  requirement: /* @__PURE__ */ money('核定所需经费。Requirement.', '116375000.00'),
  budgeted: /* @__PURE__ */ money('预算中分配给该地的工资类经费。Allocated in the pay streams.', '110000000.00'),
  shortfall: /* @__PURE__ */ money('缺口（所需 − 预算，不足为 0）。requirement − budgeted when positive.', '6375000.00'),
});
export type FundingRequirementLine = Static<typeof FundingRequirementLine>;

export const FundingRequirementReport = /* @__PURE__ */ Contract('FundingRequirementReport', '社区工作者经费核定报告。The funding requirement report (核定).', {
  year,
  scope,
  asOf,
  benchmark: /* @__PURE__ */ money('W(Y−1)。The benchmark.', '110000.00'),
  streams: /* @__PURE__ */ Type.Array(/* @__PURE__ */ Type.String(), { description: '计入工资的预算渠道。Budget streams counted as holding pay.', example: ['RESIDENTS_COMMITTEE'] }),
  paidThrough: /* @__PURE__ */ Int('已发工资截至的月份。Months paid so far.', 3),
  lines: /* @__PURE__ */ Type.Array(FundingRequirementLine, { description: '各区县、街道。Per district and street.' }),
  totals: /* @__PURE__ */ Type.Object({
    requirement: /* @__PURE__ */ money('所需合计。Requirement.', '116375000.00'),
    budgeted: /* @__PURE__ */ money('预算合计。Budgeted.', '110000000.00'),
    shortfall: /* @__PURE__ */ money('缺口合计。Shortfall.', '6375000.00'),
  }, { description: '合计。Totals.' }),
  illustrative,
});
export type FundingRequirementReport = Static<typeof FundingRequirementReport>;

export const BENCHMARK_RESULT_KINDS = ['CALIBRATION', 'COMPLIANCE', 'TOP_UP'] as const;
export const BenchmarkResultSummary = /* @__PURE__ */ Contract('BenchmarkResultSummary', '一次已保存的测算、达标报告或年终补差（详情按种类的 GET 查看）。A stored benchmark run; its kind’s GET shows it whole.', {
  id: /* @__PURE__ */ IdString('ID。Id.', '41'),
  kind: /* @__PURE__ */ NamedEnum('BenchmarkResultKind', BENCHMARK_RESULT_KINDS, '种类：单位值测算、达标报告、年终补差。Kind.'),
  year,
  scope,
  asOf,
  createdBy: /* @__PURE__ */ Text('操作人。Run by.', '市人社局 张三'),
  createdAt: /* @__PURE__ */ Instant('保存时刻。Stored at.'),
});
export type BenchmarkResultSummaryView = Static<typeof BenchmarkResultSummary>;
export const BenchmarkResultPage = /* @__PURE__ */ Page('BenchmarkResultPage', '已保存的测算与报告（从新到旧）。Stored benchmark runs, newest first.', BenchmarkResultSummary);
export type BenchmarkResultPageView = Static<typeof BenchmarkResultPage>;
