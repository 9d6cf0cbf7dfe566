/** Table rows → the contracts' response shapes (one mapper per shape). */
import { formatMoney, parseMoney } from '@cws/kernel';
import type { PayslipLine, PayslipListItem, PayslipTaxState, PayslipView, RunInputs, RunView } from '@cws/payroll-contracts';
import type { RunAggregate } from './payroll-run-chunk.repository';
import { carriedInputs } from './run-carried-inputs';
import { PAY_DAY_BATCH, type PayrollRunEntity, type PayslipEntity } from './payroll-run.entities';

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);
const stamp = (by: string | null, at: Date | null) => (by && at ? { by, at: new Date(at).toISOString() } : null);
const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

export function runView(r: PayrollRunEntity, a: RunAggregate): RunView {
  return {
    id: String(r.id),
    period: r.period,
    type: r.type,
    scope: r.scopeCode,
    status: r.status,
    correctsRunId: r.correctsRunId === null ? null : String(r.correctsRunId),
    progress: { done: a.done, total: a.total, failed: a.failed },
    totals: {
      gross: formatMoney(a.gross), employeeContributions: formatMoney(a.employeeContributions), tax: formatMoney(a.tax),
      recoveries: formatMoney(a.recoveries), net: formatMoney(a.net), employerContributions: formatMoney(a.employerContributions),
    },
    computation: { state: r.computeState, generation: r.generation, startedAt: iso(r.computeStartedAt), finishedAt: iso(r.computeFinishedAt), error: r.computeError },
    inputs: inputsView(r.inputs),
    rejection: r.rejectReason && r.rejectedBy && r.rejectedAt ? { reason: r.rejectReason, by: r.rejectedBy, at: new Date(r.rejectedAt).toISOString() } : null,
    created: { by: r.createdByName, at: new Date(r.createdAt).toISOString() },
    submitted: stamp(r.submittedByName, r.submittedAt),
    approved: stamp(r.approvedByName, r.approvedAt),
    paid: stamp(r.paidByName, r.paidAt),
    cancelled: stamp(r.cancelledByName, r.cancelledAt),
    scheduledPayment: r.payOn && r.payScheduledByName && r.payScheduledAt
      ? { payOn: r.payOn, by: r.payScheduledByName, at: new Date(r.payScheduledAt).toISOString(), paidOnSchedule: r.status === 'PAID' && r.paidBy === PAY_DAY_BATCH.id }
      : null,
  };
}

export function payslipListItem(s: PayslipEntity): PayslipListItem {
  return {
    id: String(s.id),
    runId: String(s.runId),
    period: s.period,
    workerId: Number(s.workerId),
    name: s.workerName,
    districtCode: s.districtCode,
    streetCode: s.streetCode,
    communityCode: s.communityCode,
    status: s.status,
    slipKind: s.slipKind,
    correctsPayslipId: s.correctsPayslipId === null ? null : String(s.correctsPayslipId),
    gross: s.gross,
    employeeContributions: s.employeeContributions,
    tax: s.tax,
    net: s.net,
    employerContributions: s.employerContributions,
    flags: s.flags ? s.flags.split(',') : [],
  };
}

export function payslipView(s: PayslipEntity): PayslipView {
  return {
    ...payslipListItem(s),
    band: s.band,
    grade: s.grade,
    gradeSource: s.gradeSource,
    payer: s.payer,
    recoveries: s.recoveries,
    recoveryCarried: s.recoveryCarried,
    failure: s.status === 'FAILED' ? { code: s.failureCode ?? 'FAILED', message: s.failureMessage ?? '' } : null,
    lines: s.lines ? json<PayslipLine[]>(s.lines) : [],
    taxState: s.taxState ? json<PayslipTaxState>(s.taxState) : null,
    computedAt: new Date(s.computedAt).toISOString(),
  };
}

/** What the run froze, without the internal parts (the frozen engine policy, the generation marker). */
function inputsView(raw: object | null): RunInputs | null {
  if (!raw) return null;
  const v = json<RunInputs & { policy?: unknown; generation?: number }>(raw);
  if (!v.asOf) return null;
  const out: RunInputs = { asOf: v.asOf, policyRowIds: v.policyRowIds, hours: v.hours, snapshotWorkers: v.snapshotWorkers, frozenAt: v.frozenAt, ...(v.calendar ? { calendar: v.calendar } : {}) };
  const carried = carriedInputs(v);
  if (carried.bonus?.amounts) {
    const total = carried.bonus.amounts.reduce((t, a) => t + parseMoney(a.amount), 0n);
    out.bonus = { method: carried.bonus.method, workers: carried.bonus.amounts.length, total: formatMoney(total) };
  } else if (carried.bonus) out.bonus = { amount: carried.bonus.amount, method: carried.bonus.method };
  if (carried.correction) out.correction = carried.correction;
  if (v.inOtherRuns) out.inOtherRuns = v.inOtherRuns;
  if (v.arrearsNotCarried) out.arrearsNotCarried = v.arrearsNotCarried;
  if (v.topUp) out.topUp = v.topUp;
  return out;
}
