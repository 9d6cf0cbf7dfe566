import { parseMoney } from '@cws/kernel';
import { testPrincipals, usingStack } from '@cws/testing';
// Payroll reads the workforce and the roster hours only over HTTP; the test starts real workers and scheduler apps.
import { computedRun, OVERTIME_KINDS, overtimeMonthlyBase, overtimePay, policyInForce, runPayslips, startPayrollOverRosters, type OvertimeRule } from '@cws/payroll-testing';
import { publishRoster } from '@cws/scheduler-testing';

const MONTH = '2026-12';
const XIHU = '330106';

interface Line { code: string; amount: string; rule: string }

describe('payroll run of a month with a published roster pays its overtime (real MySQL, Redis, workers and scheduler APIs)', () => {
  const stack = usingStack(() => startPayrollOverRosters(), 180_000);

  it('pays each worker the overtime of the published roster at the monthly wage ÷ 21.75 ÷ 8 × the kind’s rate, and none to the others', async () => {
    const hr = stack.scheduler.tokenFor(testPrincipals.districtHr(XIHU));
    // Shifts of 9 h of work on the two day templates: the 3 on duty from 08:00 on working days work overtime.
    const centre = (await stack.scheduler.request('GET', `/v1/centres/${stack.community}`, { token: hr })).body.config;
    const templates = centre.templates.map((t: { code: string; start: string; end: string }) =>
      t.code === 'EARLY' ? { ...t, end: '17:30' } : t.code === 'MID' ? { ...t, end: '19:00' } : t);
    expect((await stack.scheduler.request('PUT', `/v1/centres/${stack.community}`, { token: hr, body: { ...centre, templates } })).status).toBe(200);

    const published = await publishRoster(stack.scheduler, hr, stack.community, MONTH);
    expect(published.communities).toHaveLength(1);
    const hoursBy = new Map(published.communities[0].workers.map((w) => [w.workerId, w]));
    const withOvertime = [...hoursBy.values()].filter((w) => OVERTIME_KINDS.some((k) => k.minutes(w) > 0));
    expect(withOvertime.length).toBeGreaterThan(0);

    const admin = stack.payroll.tokenFor(testPrincipals.cityAdmin());
    const rule = await policyInForce<OvertimeRule>(stack.payroll, admin, 'OVERTIME', MONTH);
    expect(rule.hourlyBase).toBe('MONTHLY_WAGE');

    const run = await stack.payroll.request('POST', '/v1/runs', { token: admin, body: { period: MONTH, type: 'REGULAR', scope: stack.street } });
    expect(run.status).toBe(201);
    const done = await computedRun(stack.payroll, admin, run.body.id);
    expect(done.computation.state).toBe('DONE');
    expect(done.progress.failed).toBe(0);
    expect(done.inputs!.hours).toBe('SCHEDULER');

    const list = await runPayslips(stack.payroll, admin, run.body.id, 100);
    expect(list.filter((s) => s.communityCode === stack.community).map((s) => s.workerId).sort()).toEqual([...hoursBy.keys()].sort());
    expect(list.some((s) => s.communityCode !== stack.community)).toBe(true); // the street's other communities: no roster, no overtime

    let checked = 0;
    let withAllowances = 0; // checked lines whose monthly wage is more than base pay
    for (const item of list) {
      const lines: Line[] = (await stack.payroll.request('GET', `/v1/payslips/${item.id}`, { token: admin })).body.lines;
      const hours = hoursBy.get(item.workerId);
      for (const k of OVERTIME_KINDS) {
        const line = lines.find((l) => l.code === k.code);
        const minutes = hours ? k.minutes(hours) : 0;
        if (minutes === 0) {
          expect(line).toBeUndefined();
          continue;
        }
        const base = overtimeMonthlyBase(lines, rule);
        if (base === null) continue; // a pro-rated month's lines are not the monthly wage
        const expected = overtimePay(base, minutes, k.kind, rule);
        if (base !== parseMoney(lines.find((l) => l.code === 'BASE')!.amount)) withAllowances++;
        expect({ worker: item.workerId, code: k.code, amount: line ? parseMoney(line.amount) : null }).toEqual({ worker: item.workerId, code: k.code, amount: expected });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
    expect(withAllowances).toBeGreaterThan(0);
  }, 400_000);
});
