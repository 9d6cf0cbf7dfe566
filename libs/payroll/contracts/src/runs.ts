/**
 * Monthly payroll runs and payslips as the payroll API reports them (`/api/payroll/v1/runs`,
 * `/v1/payslips`). Amounts are decimal strings with two places ("1234.56"); fen inside.
 */
import type { TaxStateJson } from '@cws/payroll-engine';
import { Contract, DateOnly, Fields, IdString, Instant, Int, MoneyString, NamedEnum, Nullable, Page, type Static, Text, YearMonth } from '@cws/kernel';
import { Type } from '@sinclair/typebox';

export const RUN_TYPES = ['REGULAR', 'CORRECTION', 'BONUS', 'TOP_UP'] as const;
export type RunType = (typeof RUN_TYPES)[number];

/**
 * DRAFT → SUBMITTED → APPROVED → PAID. A rejection sends a SUBMITTED run back to DRAFT with a
 * reason (`rejection`); CANCELLED ends a run before approval.
 */
export const RUN_STATUSES = ['DRAFT', 'SUBMITTED', 'APPROVED', 'PAID', 'CANCELLED'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** Statuses whose payslips are final (immutable, and the base of later runs' year-to-date tax state). */
export const SETTLED_RUN_STATUSES: readonly RunStatus[] = ['APPROVED', 'PAID'];

/** Where the computation of the current generation stands. */
export const RUN_COMPUTE_STATES = ['QUEUED', 'COMPUTING', 'DONE', 'FAILED'] as const;
export type RunComputeState = (typeof RUN_COMPUTE_STATES)[number];

// Each shape below is a contract (issue #11): the TypeScript type the service returns and the admin
// UI reads, and the schema of the OpenAPI document.
/* @__NO_SIDE_EFFECTS__ */
const money = (description: string, example = '0.00') => /* @__PURE__ */ MoneyString(description, example);
const period = /* @__PURE__ */ YearMonth('工资所属月份（YYYY-MM）。Pay period.', '2026-03');
const RunTypeSchema = /* @__PURE__ */ NamedEnum('RunType', RUN_TYPES, '工资批次类型：常规、更正、奖金、年终补差。Run type.');
const RunStatusSchema = /* @__PURE__ */ NamedEnum('RunStatus', RUN_STATUSES, '状态：草稿、已提交、已审批、已发放、已取消。Run status.');

export const RunTotalsSchema = /* @__PURE__ */ Contract('RunTotals', '工资批次合计（元）。The run’s totals.', {
  gross: /* @__PURE__ */ money('应发合计。Gross pay.', '1250000.00'),
  employeeContributions: /* @__PURE__ */ money('个人缴纳社保公积金合计。Employee contributions.', '260000.00'),
  tax: /* @__PURE__ */ money('个税合计。Income tax.', '15000.00'),
  recoveries: /* @__PURE__ */ money('税后扣回（以前多发）合计。Recovered after tax (earlier overpayments).'),
  net: /* @__PURE__ */ money('实发合计。Net pay.', '975000.00'),
  employerContributions: /* @__PURE__ */ money('单位缴纳社保公积金合计。Employer contributions.', '380000.00'),
});
export type RunTotals = Static<typeof RunTotalsSchema>;

export const RunProgressSchema = /* @__PURE__ */ Contract('RunProgress', '计算进度。Computation progress.', {
  done: /* @__PURE__ */ Int('已算完的工资条数。Payslips computed.', 4200),
  total: /* @__PURE__ */ Int('工资条总数。Payslips to compute.', 5000),
  failed: /* @__PURE__ */ Int('计算失败的工资条数。Payslips that failed.', 0),
});
export type RunProgress = Static<typeof RunProgressSchema>;

/** What a run froze, so a recalculation is reproducible and a paid run can be explained. */
export const RunInputsSchema = /* @__PURE__ */ Contract('RunInputs', '批次冻结的输入（重算可复现）。What the run froze, so a recalculation is reproducible.', {
  asOf: /* @__PURE__ */ DateOnly('人员快照日期（月末）。The workers snapshot date: the period’s last day.', '2026-03-31'),
  policyRowIds: /* @__PURE__ */ Type.Array(/* @__PURE__ */ Type.String(), { description: '计算用到的全部政策行 ID。Every policy row id used.', example: ['12', '40'] }),
  hours: /* @__PURE__ */ NamedEnum('RunHoursSource', ['NONE', 'SCHEDULER', 'UNAVAILABLE'] as const, '排班工时：SCHEDULER 本批至少一人按已发布排班计发；NONE 该月无人有已发布的排班工时；UNAVAILABLE 排班服务未应答，本批未计任何排班工时（待其恢复后重算）。Roster hours source: SCHEDULER when some worker of the run is paid published roster hours; NONE when none has any; UNAVAILABLE when the scheduler did not answer and no roster pay is in the run (recalculate once it answers).'),
  snapshotWorkers: /* @__PURE__ */ Int('快照中的人数（范围内、当月在职）。Workers in the frozen snapshot.', 5000),
  frozenAt: /* @__PURE__ */ Instant('冻结时刻。Frozen at.'),
  calendar: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Object({
    source: /* @__PURE__ */ NamedEnum('RunCalendarSource', ['SCHEDULER', 'NONE', 'UNAVAILABLE'] as const, '节假日安排来源：SCHEDULER 排班服务的年度安排；NONE 该年未录入；UNAVAILABLE 未能读取（均按周一至周五计薪日）。Where the holiday arrangement came from; NONE and UNAVAILABLE pro-rate by plain weekdays.'),
    restDays: /* @__PURE__ */ Type.Array(/* @__PURE__ */ Type.String(), { description: '当月调休放假的工作日。Weekdays of the month given off by 调休.', example: ['2026-10-05'] }),
    adjustedWorkingDays: /* @__PURE__ */ Type.Array(/* @__PURE__ */ Type.String(), { description: '当月调休上班的周末。Weekend days of the month worked by 调休.', example: ['2026-10-10'] }),
  }, { description: '折算计薪日所用的当月调休（此前冻结的批次没有）。The month’s 调休 used to count paid days for pro-rating (absent on runs frozen before session 11).' })),
  bonus: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Object({
    method: /* @__PURE__ */ NamedEnum('BonusTaxMethod', ['SEPARATE', 'MERGED'] as const, '年终奖计税方式：单独计税 / 并入综合所得。How the bonus is taxed.'),
    amount: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ money('每人金额（统一金额时）。Amount per worker.', '5000.00')),
    workers: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Int('按人列出金额时的人数。Workers listed with their own amount.', 120)),
    total: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ money('按人列出金额时的合计。Their total.', '600000.00')),
  }, { description: '奖金批次：计税方式与金额。BONUS runs: tax method and amounts.' })),
  correction: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Object({
    workerIds: /* @__PURE__ */ Type.Array(/* @__PURE__ */ Type.Integer(), { description: '被冲销重开工资条的人员。Workers whose slips are reversed and re-issued.', example: [1024] }),
  }, { description: '更正批次：涉及的人员。CORRECTION runs: the workers corrected.' })),
  inOtherRuns: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Object({
    workers: /* @__PURE__ */ Int('人数。How many.', 1),
    workerIds: /* @__PURE__ */ Type.Array(/* @__PURE__ */ Type.Integer(), { description: '人员（前 50 名）。The workers (the first 50).', example: [1024] }),
    runIds: /* @__PURE__ */ Type.Array(/* @__PURE__ */ Type.String(), { description: '已含其工资条的批次。The runs that hold their slips.', example: ['7'] }),
  }, { description: '月度批次：快照中已在同月另一月度批次（未取消）有工资条的人员，本批次不再计发（如月后调动到本范围的人员），每人每月只发一次。REGULAR runs: workers of the snapshot left out because another REGULAR run of the month (not cancelled) already holds their slip — e.g. transferred into this scope after the month — so each is paid once.' })),
  topUp: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Object({
    resultId: /* @__PURE__ */ Nullable(/* @__PURE__ */ IdString('所依据的补差测算结果。The top-up result paid.', '12')),
    deductedWorkers: /* @__PURE__ */ Int('已扣除本年此前补差、只发差额的人数。Workers paid only the difference over the year’s earlier top-ups.', 3),
    overpaid: /* @__PURE__ */ Type.Object({
      workers: /* @__PURE__ */ Int('人数。How many.', 0),
      workerIds: /* @__PURE__ */ Type.Array(/* @__PURE__ */ Type.Integer(), { description: '人员（前 50 名）。The workers (the first 50).', example: [1024] }),
    }, { description: '本年此前补差已多于最新结果应补的人员（不在补差批次中扣回）。Workers the year’s earlier top-ups paid more than the latest result owes (not clawed back by a top-up).' }),
  }, { description: '补差批次：按最新补差结果减去本年已审批补差计发。TOP_UP runs: the latest result less the year’s settled top-ups.' })),
  arrearsNotCarried: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Object({
    workers: /* @__PURE__ */ Int('人数。How many.', 1),
    items: /* @__PURE__ */ Type.Array(/* @__PURE__ */ Type.Object({
      workerId: /* @__PURE__ */ Int('人员。The worker.', 1024),
      refPeriod: /* @__PURE__ */ Text('所补（扣）的月份。The month re-measured.', '2026-11'),
      amount: /* @__PURE__ */ money('补发为正，扣回为负。Positive: owed to the worker; negative: overpaid.', '-1520.00'),
    }), { description: '明细（前 50 条）。The items (the first 50).' }),
  }, { description: '月度批次：追溯变动算出的补发 / 扣回中，人员不在本批次（如已离职）而未能随本批次发放的部分；按所属月份对原批次做更正批次（冲正重发）处理。每月重新测算，结清前一直列出。REGULAR runs: arrears or claw-backs measured for workers this run does not pay (e.g. leavers), which it cannot carry; settle each with a CORRECTION of the month it refers to. Re-measured by every run until settled.' })),
});
export type RunInputs = Static<typeof RunInputsSchema>;

export const RunActorStampSchema = /* @__PURE__ */ Contract('RunActorStamp', '谁在何时完成了这一步。Who did a step, and when.', {
  by: /* @__PURE__ */ Text('操作人。By.', 'xihu-hr'),
  at: /* @__PURE__ */ Instant('时刻。At.'),
});
export type RunActorStamp = Static<typeof RunActorStampSchema>;

export const PayrollRun = /* @__PURE__ */ Contract('PayrollRun', '一个工资批次：草稿 → 已提交 → 已审批 → 已发放。A payroll run.', {
  id: /* @__PURE__ */ IdString('批次 ID。Run id.', '42'),
  period,
  type: RunTypeSchema,
  scope: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('范围：区县（6 位）或街道（9 位）代码；null 为全市。Org code; null = the whole city.', '330106')),
  status: RunStatusSchema,
  correctsRunId: /* @__PURE__ */ Nullable(/* @__PURE__ */ IdString('更正批次所更正的批次。The run a CORRECTION run corrects.', '40')),
  progress: RunProgressSchema,
  totals: RunTotalsSchema,
  computation: /* @__PURE__ */ Type.Object({
    state: /* @__PURE__ */ NamedEnum('RunComputeState', RUN_COMPUTE_STATES, '当前一轮计算的状态。State of the current computation.'),
    generation: /* @__PURE__ */ Int('计算轮次（每次重算加 1）。Generation, incremented by each recalculation.', 1),
    startedAt: /* @__PURE__ */ Nullable(/* @__PURE__ */ Instant('开始时刻。Started at.')),
    finishedAt: /* @__PURE__ */ Nullable(/* @__PURE__ */ Instant('结束时刻。Finished at.')),
    error: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('失败原因。Error.', 'snapshot unavailable')),
  }, { description: '当前一轮计算。The current computation.' }),
  inputs: /* @__PURE__ */ Nullable(RunInputsSchema),
  rejection: /* @__PURE__ */ Nullable(/* @__PURE__ */ Type.Object({
    reason: /* @__PURE__ */ Text('退回原因。Reason.', '加班工时有误'),
    by: /* @__PURE__ */ Text('退回人。By.', 'finance'),
    at: /* @__PURE__ */ Instant('退回时刻。At.'),
  }, { description: '最近一次退回（退回后回到草稿）。The last rejection.' })),
  created: RunActorStampSchema,
  submitted: /* @__PURE__ */ Nullable(RunActorStampSchema),
  approved: /* @__PURE__ */ Nullable(RunActorStampSchema),
  paid: /* @__PURE__ */ Nullable(RunActorStampSchema),
  cancelled: /* @__PURE__ */ Nullable(RunActorStampSchema),
  scheduledPayment: /* @__PURE__ */ Nullable(/* @__PURE__ */ Type.Object({
    payOn: /* @__PURE__ */ DateOnly('发放日（交给银行的代发日期）；当日批处理将批次标记为已发放。The value date given to the bank; the pay-day batch marks the run PAID on it.', '2026-12-15'),
    by: /* @__PURE__ */ Text('设定人。Scheduled by.', 'finance'),
    at: /* @__PURE__ */ Instant('设定时刻。Scheduled at.'),
    paidOnSchedule: /* @__PURE__ */ Type.Boolean({ description: '已由发放日批处理按期发放（手工提前发放为 false）。True once the pay-day batch paid the run; false while scheduled or when paid by hand.', example: false }),
  }, { description: '预约发放（已审批的批次）。A scheduled payment of an APPROVED run; kept once paid.' })),
});
export type RunView = Static<typeof PayrollRun>;
export const PayrollRunPage = /* @__PURE__ */ Page('PayrollRunPage', '工资批次分页（从新到旧）。Payroll runs, newest first.', PayrollRun);
export type PayrollRunPageView = Static<typeof PayrollRunPage>;

export const PAYSLIP_LINE_KINDS = ['EARNING', 'EMPLOYEE_CONTRIBUTION', 'EMPLOYER_CONTRIBUTION', 'TAX', 'DEDUCTION', 'INFO'] as const;
export type PayslipLineKind = (typeof PAYSLIP_LINE_KINDS)[number];

/**
 * Component codes of payslip lines. Earnings: BASE, QUALIFICATION, LONG_SERVICE,
 * CROSS_APPOINTMENT, SHIFT, SECONDED_IN, SERVICE_AWARD_* (one-off awards, code from the policy),
 * OVERTIME_WORKDAY / OVERTIME_REST_DAY / OVERTIME_HOLIDAY, ARREARS (± with `refPeriod`),
 * REVERSAL (− a reversed payslip's gross, CORRECTION runs), YEAR_END_BONUS, TOP_UP.
 * Contributions (employee and employer): PENSION, MEDICAL, UNEMPLOYMENT, WORK_INJURY, HOUSING_FUND.
 * Tax: IIT (cumulative withholding), IIT_BONUS (separately taxed annual bonus).
 * Deductions after tax: RECOVERY (an earlier shortfall recovered now).
 * INFO (amount not part of any total): RECOVERY_CARRIED (what this slip could not recover and
 * carries to the next run).
 */
export type PayslipComponentCode = string;

export const PayslipLineSchema = /* @__PURE__ */ Contract('PayslipLine', '工资条的一行，注明所依据的规则与政策行。One line of a payslip, citing its rule and policy row.', {
  kind: /* @__PURE__ */ NamedEnum('PayslipLineKind', PAYSLIP_LINE_KINDS, '类型：应发、个人缴纳、单位缴纳、个税、扣回、说明。Line kind.'),
  code: /* @__PURE__ */ Text('项目代码（BASE、PENSION、IIT…）。Component code.', 'BASE'),
  label: /* @__PURE__ */ Text('项目名称。Label.', '岗位等级工资'),
  amount: /* @__PURE__ */ money('金额（元，可为负）。Amount.', '5200.00'),
  rule: /* @__PURE__ */ Text('产生金额的规则代码。The rule that produced the amount.', 'GRADE_TABLE'),
  policyRowId: /* @__PURE__ */ Nullable(/* @__PURE__ */ IdString('所依据的政策行。Policy row.', '12')),
  refPeriod: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.String({ description: '补发、扣回、冲销行所更正的月份（YYYY-MM）。The period an arrears or reversal line corrects.', example: '2026-01' })),
  derived: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Boolean({ description: '输入为推算而非花名册所记（如等级）。An input was derived, not read from the register.', example: false })),
});
export type PayslipLine = Static<typeof PayslipLineSchema>;

export const PAYSLIP_STATUSES = ['COMPUTED', 'FAILED'] as const;
export type PayslipStatus = (typeof PAYSLIP_STATUSES)[number];

/** Flags for review, one list in the engine (`PAYSLIP_FLAGS`); the API sends them as strings. */
export { PAYSLIP_FLAG_NAMES, PAYSLIP_FLAGS, type PayslipFlag } from '@cws/payroll-engine';

/** Cumulative withholding state after this payslip (the next month starts from it): the engine's JSON form. */
export type PayslipTaxState = TaxStateJson;

const payslipListFields = {
  id: /* @__PURE__ */ IdString('工资条 ID。Payslip id.', '90211'),
  runId: /* @__PURE__ */ IdString('批次 ID。Run id.', '42'),
  period,
  workerId: /* @__PURE__ */ Int('社区工作者 ID。Worker id.', 1024),
  name: /* @__PURE__ */ Text('姓名。Name.', '张丽华'),
  districtCode: /* @__PURE__ */ Text('区县代码。District code.', '330106'),
  streetCode: /* @__PURE__ */ Text('街道代码。Street code.', '330106001'),
  communityCode: /* @__PURE__ */ Text('社区代码。Community code.', '330106001001'),
  status: /* @__PURE__ */ NamedEnum('PayslipStatus', PAYSLIP_STATUSES, '计算结果：已算出 / 失败。Status.'),
  slipKind: /* @__PURE__ */ NamedEnum('PayslipKind', ['REGULAR', 'REVERSAL', 'REISSUE'] as const, '常规；更正批次中为被更正工资条的冲销（REVERSAL）与重开（REISSUE）。Slip kind.'),
  correctsPayslipId: /* @__PURE__ */ Nullable(/* @__PURE__ */ IdString('冲销、重开所对应的原工资条。The payslip reversed or re-issued.', '88001')),
  gross: /* @__PURE__ */ money('应发。Gross pay.', '7600.00'),
  employeeContributions: /* @__PURE__ */ money('个人缴纳社保公积金。Employee contributions.', '1580.00'),
  tax: /* @__PURE__ */ money('个税。Income tax.', '65.40'),
  net: /* @__PURE__ */ money('实发。Net pay.', '5954.60'),
  employerContributions: /* @__PURE__ */ money('单位缴纳社保公积金。Employer contributions.', '2300.00'),
  flags: /* @__PURE__ */ Type.Array(/* @__PURE__ */ Type.String(), { description: '需复核的标记（RECOVERY_CARRIED、GRADE_DERIVED、PRO_RATED…）。Flags for review.', example: ['PRO_RATED'] }),
};
export const PayslipListItemSchema = /* @__PURE__ */ Contract('PayslipListItem', '工资条列表的一行。One payslip in a list.', payslipListFields);
export type PayslipListItem = Static<typeof PayslipListItemSchema>;

export const Payslip = /* @__PURE__ */ Contract('Payslip', '工资条详情：各行及计税状态。A payslip with its lines and tax state.', /* @__PURE__ */ Fields(payslipListFields, {
  band: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('计薪用的岗位类别。Post band used.', 'OTHER')),
  grade: /* @__PURE__ */ Nullable(/* @__PURE__ */ Int('计薪用的等级。Grade used.', 8)),
  gradeSource: /* @__PURE__ */ Nullable(/* @__PURE__ */ NamedEnum('GradeSource', ['REGISTER', 'DERIVED'] as const, '等级来源：花名册 / 按入职规则推算。Where the grade came from.')),
  payer: /* @__PURE__ */ NamedEnum('PayslipPayer', ['HOME', 'HOST'] as const, '发放方：本单位 / 挂职单位（外派人员）。Who pays.'),
  recoveries: /* @__PURE__ */ money('本次税后扣回。Recovered after tax.'),
  recoveryCarried: /* @__PURE__ */ money('结转下次扣回（正数为仍待扣回）。Shortfall carried to the next run.'),
  failure: /* @__PURE__ */ Nullable(/* @__PURE__ */ Type.Object({
    code: /* @__PURE__ */ Text('错误码。Code.', 'SNAPSHOT_MISSING'),
    message: /* @__PURE__ */ Text('说明。Message.', 'no snapshot for the worker'),
  }, { description: '计算失败的原因。Why the computation failed.' })),
  lines: /* @__PURE__ */ Type.Array(PayslipLineSchema, { description: '各行。Lines.' }),
  taxState: /* @__PURE__ */ Nullable(/* @__PURE__ */ Type.Unsafe<TaxStateJson>({ type: 'object', additionalProperties: true, description: '本工资条后的累计预扣状态（下月从此起算）。Cumulative withholding state after this slip.', example: { year: 2026 } })),
  computedAt: /* @__PURE__ */ Instant('计算时刻。Computed at.'),
}));
export type PayslipView = Static<typeof Payslip>;

/** One of a worker's slips across runs (`GET /v1/payslips?workerId=`), with its run's type and status. */
export const WorkerPayslipItemSchema = /* @__PURE__ */ Contract('WorkerPayslipItem', '某人跨批次的一张工资条，带批次类型与状态。One of a worker’s slips, with its run’s type and status.', /* @__PURE__ */ Fields(payslipListFields, {
  runType: RunTypeSchema,
  runStatus: RunStatusSchema,
}));
export type WorkerPayslipItem = Static<typeof WorkerPayslipItemSchema>;

export const WorkerPayslipPageSchema = /* @__PURE__ */ Page('WorkerPayslipPage', '某人的工资条分页（从新到旧）。A worker’s payslips, newest period first.', WorkerPayslipItemSchema);
export type WorkerPayslipPage = Static<typeof WorkerPayslipPageSchema>;

export const PayslipPageSchema = /* @__PURE__ */ Page('PayslipPage', '批次的工资条分页。A run’s payslips.', PayslipListItemSchema);
export type PayslipPage = Static<typeof PayslipPageSchema>;
