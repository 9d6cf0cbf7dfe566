import { Injectable } from '@nestjs/common';
import { type Fen, formatMoney, parseMoney } from '@cws/kernel';
import { buildPolicy, computePayslip, periodLastDay, type ArrearsItem } from '@cws/payroll-engine';
import { PolicyService } from '../policy/policy.service';
import { WorkforceChangeRepository } from '../workforce-changes/workforce-change.repository';
import { PayslipRepository } from './payslip.repository';
import { payCalendarOf, RunInputsSource } from './run-inputs.source';

/** Lines that arrears never re-measure: bonuses, top-ups, and arrears and reversals themselves. */
const NOT_REMEASURED = new Set(['ARREARS', 'YEAR_END_BONUS', 'TOP_UP', 'REVERSAL']);
/** Roster pay: re-measured with the hours the scheduler publishes for the period now, when it answers. */
const ROSTER_PAY = new Set(['SHIFT', 'OVERTIME_WORKDAY', 'OVERTIME_REST_DAY', 'OVERTIME_HOLIDAY']);

const earnings = (lines: Array<{ kind: string; code: string; amount: string }>, withRoster: boolean): Fen =>
  lines.reduce(
    (t, l) => (l.kind === 'EARNING' && !NOT_REMEASURED.has(l.code) && (withRoster || !ROSTER_PAY.has(l.code)) ? t + parseMoney(l.amount, { allowNegative: true }) : t),
    0n,
  );

/**
 * Back-dated changes → arrears (补发) or claw-back (扣回) in the next open run, per settled period.
 * For each worker with a change effective in a period already settled, the period's pay is
 * recomputed from the register as it stands now (the snapshot of that period's last day) and
 * compared with what was settled for it: the period's own slip (and its corrections) plus every
 * arrears line already settled for it. So the difference is paid once, whichever run carries it,
 * and a change that made no difference makes no line. Roster pay (shift and overtime, which also
 * follow the grade's base) is re-measured with the hours the scheduler publishes for the period
 * now — a late roster is paid — and left out on both sides when the scheduler gives none.
 */
@Injectable()
export class ArrearsService {
  constructor(
    private readonly changes: WorkforceChangeRepository,
    private readonly inputs: RunInputsSource,
    private readonly payslips: PayslipRepository,
    private readonly policy: PolicyService,
  ) {}

  /** Arrears per worker of the place (null = the city) for the run of `period`; the run attaches them to the workers it pays. */
  async forPlace(period: string, district: string | null, street: string | null): Promise<Map<number, ArrearsItem[]>> {
    const out = new Map<number, ArrearsItem[]>();
    const year = Number(period.slice(0, 4));
    const since = `${year - 1}-01-01`;
    const candidates = [...(await this.changes.backdated(period, since, district, street)).entries()];
    if (!candidates.length) return out;
    const fromOf = new Map(candidates.map(([id, from]) => [id, from.slice(0, 7)]));
    const settled = await this.payslips.settledLines([...fromOf.keys()], since.slice(0, 7), period);
    // Periods to re-measure: settled REGULAR slips at or after the worker's earliest back-dated change.
    const periods = new Map<string, Set<number>>();
    for (const s of settled) {
      if (s.runType !== 'REGULAR' || s.period < fromOf.get(s.workerId)!) continue;
      let set = periods.get(s.period);
      if (!set) periods.set(s.period, (set = new Set()));
      set.add(s.workerId);
    }
    const scope = street ?? district;
    for (const [p, ids] of [...periods.entries()].sort()) {
      const asOf = periodLastDay(p);
      const py = Number(p.slice(0, 4));
      const policy = buildPolicy(await this.policy.rowsFor(py, asOf), py, asOf);
      const then = new Map((await this.inputs.snapshot(asOf, scope)).filter((w) => ids.has(w.workerId)).map((w) => [w.workerId, w]));
      const hours = await this.inputs.hours(p);
      const calendar = payCalendarOf(await this.inputs.calendar(p));
      const withRoster = hours !== null;
      if (hours) await this.inputs.attachHours(hours, [...then.values()]);
      for (const id of ids) {
        const w = then.get(id);
        const now = w ? earnings(computePayslip({ period: p, worker: w, calendar, state: null, recoveryOwedFen: 0n, arrears: [], lowIncomeLastYear: false }, policy).lines.map((l) => ({ ...l, amount: formatMoney(l.amount) })), withRoster) : 0n;
        let paid = 0n;
        for (const s of settled) {
          if (s.workerId !== id) continue;
          // The period's own slip, and any correction of it (its reversal and re-issue: the difference).
          if (s.period === p && (s.runType === 'REGULAR' || s.runType === 'CORRECTION')) paid += earnings(s.lines, withRoster);
          for (const l of s.lines) if (l.code === 'ARREARS' && l.refPeriod === p) paid += parseMoney(l.amount, { allowNegative: true });
        }
        if (now !== paid) {
          let list = out.get(id);
          if (!list) out.set(id, (list = []));
          list.push({ refPeriod: p, amountFen: now - paid });
        }
      }
    }
    return out;
  }
}
