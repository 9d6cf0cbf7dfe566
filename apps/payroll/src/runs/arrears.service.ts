import { Injectable } from '@nestjs/common';
import { type Fen, formatMoney, parseMoney } from '@cws/kernel';
import { buildPolicy, computePayslip, periodLastDay, type ArrearsItem, type PayCalendar, type PayrollPolicy } from '@cws/payroll-engine';
import { PolicyService } from '../policy/policy.service';
import { WorkforceChangeRepository } from '../workforce-changes/workforce-change.repository';
import { PayslipRepository } from './payslip.repository';
import { payCalendarOf, RunInputsSource, type MonthRosters } from './run-inputs.source';

/** Lines that arrears never re-measure: bonuses, top-ups, and arrears and reversals themselves. */
const NOT_REMEASURED = new Set(['ARREARS', 'YEAR_END_BONUS', 'TOP_UP', 'REVERSAL']);
/** Roster pay: re-measured with the hours the scheduler publishes for the period now, when it answers. */
const ROSTER_PAY = new Set(['SHIFT', 'OVERTIME_WORKDAY', 'OVERTIME_REST_DAY', 'OVERTIME_HOLIDAY']);

const earnings = (lines: Array<{ kind: string; code: string; amount: string }>, withRoster: boolean): Fen =>
  lines.reduce(
    (t, l) => (l.kind === 'EARNING' && !NOT_REMEASURED.has(l.code) && (withRoster || !ROSTER_PAY.has(l.code)) ? t + parseMoney(l.amount, { allowNegative: true }) : t),
    0n,
  );

/** What a settled period is re-measured with: its policy, the roster hours published now, its calendar, its leavers. */
interface PeriodInputs {
  policy: PayrollPolicy;
  hours: MonthRosters | null;
  calendar: PayCalendar | null;
  leavers: Map<number, string>;
}

/**
 * The arrears of one run, measured on demand (each settled period's inputs read once): the items of these workers, per
 * settled period re-measured. Only workers with a change effective in a settled period (received on or after that date)
 * can have any.
 */
export interface RunArrears {
  of(ids: readonly number[]): Promise<Map<number, ArrearsItem[]>>;
}

/**
 * Back-dated changes → arrears (补发) or claw-back (扣回) in the next open run, per settled period.
 * For each worker with a change effective in a period already settled, the period's pay is
 * recomputed from the register as it stands now (the worker as of that period's last day, wherever
 * they were then, or of their last day if they left in it) and compared with what was settled for it:
 * the period's own slip (and its corrections) plus every arrears line already settled for it. So the
 * difference is paid once, whichever run carries it, and a change that made no difference makes no
 * line. Roster pay (shift and overtime, which also follow the grade's base) is re-measured with the
 * hours the scheduler publishes for the period now — a late roster is paid — and left out on both
 * sides when the scheduler gives none. A run measures the workers it pays, wherever the change was
 * recorded (a worker may have been transferred since).
 */
@Injectable()
export class ArrearsService {
  constructor(
    private readonly changes: WorkforceChangeRepository,
    private readonly inputs: RunInputsSource,
    private readonly payslips: PayslipRepository,
    private readonly policy: PolicyService,
  ) {}

  /** The arrears of the run of `period`: the city's candidates, measured on demand for the workers the run pays. */
  async forRun(period: string): Promise<RunArrears> {
    const since = sinceFor(period);
    const candidates = await this.changes.backdated(period, since, null, null);
    const periods = new Map<string, Promise<PeriodInputs>>();
    const inputsOf = (p: string) => {
      let hit = periods.get(p);
      if (!hit) periods.set(p, (hit = this.periodInputs(p)));
      return hit;
    };
    return {
      of: async (ids) => {
        const mine = ids.filter((id) => candidates.has(id));
        return mine.length ? this.measure(period, since, new Map(mine.map((id) => [id, candidates.get(id)!])), inputsOf) : new Map();
      },
    };
  }

  /** Candidates whose back-dated change was recorded in the place (null = the city): the run of that place answers for them. */
  async recordedIn(period: string, district: string | null, street: string | null): Promise<number[]> {
    return [...(await this.changes.backdated(period, sinceFor(period), district, street)).keys()];
  }

  private async periodInputs(p: string): Promise<PeriodInputs> {
    const asOf = periodLastDay(p);
    const py = Number(p.slice(0, 4));
    return {
      policy: buildPolicy(await this.policy.rowsFor(py, asOf), py, asOf),
      hours: (await this.inputs.hours(p)).rosters,
      calendar: payCalendarOf(await this.inputs.calendar(p)),
      leavers: await this.changes.leaversIn(p, null, null),
    };
  }

  private async measure(period: string, since: string, candidates: Map<number, string>, inputsOf: (p: string) => Promise<PeriodInputs>): Promise<Map<number, ArrearsItem[]>> {
    const out = new Map<number, ArrearsItem[]>();
    const fromOf = new Map([...candidates].map(([id, from]) => [id, from.slice(0, 7)]));
    const settled = await this.payslips.settledLines([...fromOf.keys()], since.slice(0, 7), period);
    // Periods to re-measure: settled REGULAR slips at or after the worker's earliest back-dated change.
    const periods = new Map<string, Set<number>>();
    for (const s of settled) {
      if (s.runType !== 'REGULAR' || s.period < fromOf.get(s.workerId)!) continue;
      let set = periods.get(s.period);
      if (!set) periods.set(s.period, (set = new Set()));
      set.add(s.workerId);
    }
    for (const [p, ids] of [...periods.entries()].sort()) {
      const { policy, hours, calendar, leavers } = await inputsOf(p);
      // where each was then (a worker transferred since was in another street), and a leaver of the period as of their last day
      const then = await this.inputs.workersIn(p, ids, leavers);
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

/** Back-dated changes are looked for from January of the year before the run's. */
function sinceFor(period: string): string {
  return `${Number(period.slice(0, 4)) - 1}-01-01`;
}
