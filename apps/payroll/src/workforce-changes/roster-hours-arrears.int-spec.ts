import { formatMoney, parseMoney, roundFen } from '@cws/kernel';
import { testPrincipals, until, usingStack } from '@cws/testing';
import { DataSource } from 'typeorm';
// Payroll hears of rosters only through the scheduler's events and API; the test starts real workers and scheduler apps.
import { computedRun, OVERTIME_KINDS, overtimeMonthlyBase, overtimePay, policyInForce, runPayslips, startPayrollOverRosters, type OvertimeRule } from '@cws/payroll-testing';
import { publishRoster } from '@cws/scheduler-testing';
import { hireWorker, residentIdSequence } from '@cws/workers-testing';

const PAID = '2026-10';
const NEXT = '2026-11';
type Line = { kind: string; code: string; amount: string; rule: string; refPeriod?: string };

/**
 * A roster published after its month was paid: payroll records the late hours as back-dated changes
 * (scheduler outbox → scheduler-events → workforce_change), and the next run pays each rostered
 * worker the roster pay as an arrears line referencing the paid month; a redelivery adds nothing.
 */
describe('late roster hours → arrears in the next run (real MySQL, Redis, workers and scheduler apps)', () => {
  const stack = usingStack(() => startPayrollOverRosters({ sharedQueue: true }), 180_000);

  const regularRun = async (admin: string, period: string) => {
    const run = await stack.payroll.request('POST', '/v1/runs', { token: admin, body: { period, type: 'REGULAR', scope: stack.street } });
    expect(run.status).toBe(201);
    const done = await computedRun(stack.payroll, admin, run.body.id);
    expect(done.computation.state).toBe('DONE');
    expect(done.progress.failed).toBe(0);
    return run.body.id as string;
  };
  const slips = async (admin: string, runId: string) => {
    const out = new Map<number, Line[]>();
    for (const s of await runPayslips(stack.payroll, admin, runId, 100)) out.set(s.workerId, (await stack.payroll.request('GET', `/v1/payslips/${s.id}`, { token: admin })).body.lines);
    return out;
  };
  const rosterRows = async () =>
    Number((await stack.payroll.app.get(DataSource).query("SELECT COUNT(*) AS n FROM workforce_change WHERE event_name = 'roster.hours-published'"))[0].n);

  it('pays the roster pay of the paid month as one arrears line per rostered worker, once', async () => {
    const admin = stack.payroll.tokenFor(testPrincipals.cityAdmin());
    const finance = stack.payroll.tokenFor(testPrincipals.finance());
    // A hire on Thursday 8 October, in the National Day break's 调休 (demo calendar: rest days 5–7 October,
    // Saturday the 10th worked): 18 paid working days, where plain weekdays would count 17.
    const wAdmin = stack.workers.tokenFor(testPrincipals.cityAdmin());
    const hired = await hireWorker(stack.workers, wAdmin, { residentId: residentIdSequence(7100)(), communityCode: stack.community, hireDate: '2026-10-08', bankAccount: '6225768888888888' });
    // October is paid with no roster published: no shift or overtime pay.
    const october = await regularRun(admin, PAID);
    const frozen = (await stack.payroll.request('GET', `/v1/runs/${october}`, { token: admin })).body.inputs;
    expect(frozen.calendar).toEqual({ source: 'SCHEDULER', restDays: ['2026-10-05', '2026-10-06', '2026-10-07'], adjustedWorkingDays: ['2026-10-10'] });
    expect((await stack.payroll.request('POST', `/v1/runs/${october}/submit`, { token: admin })).status).toBe(200);
    expect((await stack.payroll.request('POST', `/v1/runs/${october}/approve`, { token: finance })).status).toBe(200);
    const paid = await slips(admin, october);

    // Then October's roster is published, late.
    const hr = stack.scheduler.tokenFor(testPrincipals.districtHr(stack.community.slice(0, 6)));
    const published = await publishRoster(stack.scheduler, hr, stack.community, PAID);
    const hoursBy = new Map(published.communities[0].workers.map((w) => [w.workerId, w]));
    const rostered = [...hoursBy.keys()].filter((id) => paid.has(id));
    expect(rostered.length).toBeGreaterThan(0);
    await until('the late roster rows', rosterRows, (n) => n === rostered.length);

    // Replaying the same scheduler event (same outbox id) records nothing more.
    const event = (await stack.scheduler.app.get(DataSource).query("SELECT id FROM outbox_event WHERE job_name = 'roster.hours-published' ORDER BY id DESC LIMIT 1"))[0];
    expect(event).toBeTruthy();
    const { RosterHoursJobs } = await import('./roster-hours.job');
    const replay = await stack.payroll.app.get(RosterHoursJobs).hoursPublished(published.communities[0], { id: 'replay', data: { meta: { outboxId: String(event.id) } } } as never);
    expect(replay).toEqual({ recorded: 0 });
    expect(await rosterRows()).toBe(rostered.length);

    // November's run pays October's roster pay as arrears, referencing 2026-10, to the rostered workers only.
    const overtime = await policyInForce<OvertimeRule>(stack.payroll, admin, 'OVERTIME', PAID);
    const shift = await policyInForce<{ perShift: string; maxShiftsPerMonth: number }>(stack.payroll, admin, 'ALLOWANCE', PAID, (r) => r.data.kind === 'SHIFT');
    const november = await slips(admin, await regularRun(admin, NEXT));
    let exact = 0;
    for (const [id, lines] of november) {
      const arrears = lines.filter((l) => l.code === 'ARREARS');
      if (!rostered.includes(id)) {
        expect({ id, arrears }).toEqual({ id, arrears: [] });
        continue;
      }
      expect(arrears).toHaveLength(1);
      expect(arrears[0].refPeriod).toBe(PAID);
      const base = overtimeMonthlyBase(paid.get(id)!, overtime);
      if (base === null) continue; // a pro-rated month's lines are not the monthly wage
      // Shifts × the shift allowance, plus each overtime kind at the monthly wage ÷ 21.75 ÷ 8 × its rate, each rounded to the fen.
      const h = hoursBy.get(id)!;
      let expected = parseMoney(shift.perShift) * BigInt(Math.min(h.shifts.total, shift.maxShiftsPerMonth));
      for (const k of OVERTIME_KINDS) expected += overtimePay(base, k.minutes(h), k.kind, overtime);
      expect({ id, amount: arrears[0].amount }).toEqual({ id, amount: formatMoney(expected) });
      exact++;
    }
    expect(exact).toBeGreaterThan(0);

    // The hire's October base is November's full month × 18 ÷ 21.75 (PRO_RATING STANDARD_DAYS), rounded once.
    const baseOf = (lines: Line[]) => lines.find((l) => l.code === 'BASE')!;
    const octoberBase = baseOf(paid.get(hired.id)!);
    expect(octoberBase.rule).toBe('GRADE_COEFFICIENT_X_UNIT_VALUE_PRO_RATED');
    expect(octoberBase.amount).toBe(formatMoney(roundFen(parseMoney(baseOf(november.get(hired.id)!).amount) * 1800n, 2175n)));
  }, 500_000);
});
