import ExcelJS from 'exceljs';
import { formatMoney, parseMoney } from '@cws/kernel';
import { testPrincipals, usingStack } from '@cws/testing';
// Payroll reads the workforce and the roster hours only over HTTP; the test starts real workers and scheduler apps.
import { computedRun, OVERTIME_KINDS, overtimeMonthlyBase, overtimePay, policyInForce, recordedChange, runPayslips, startPayrollOverRosters, type OvertimeRule } from '@cws/payroll-testing';
import { publishRoster } from '@cws/scheduler-testing';

const MONTH = '2026-12';
const LEFT_MONTH = '2026-09';
const MOVED_MONTH = '2026-08';
const PAID_MONTH = '2026-06';
const NEXT_MONTH = '2026-07';
const MOVED_AND_LEFT_MONTH = '2026-10';
const XIHU = '330106';

interface Line { code: string; amount: string; rule: string }

describe('payroll run of a month with a published roster pays its overtime (real MySQL, Redis, workers and scheduler APIs)', () => {
  // one queue prefix: payroll hears the workers service's worker.left
  const stack = usingStack(() => startPayrollOverRosters({ sharedQueue: true }), 180_000);

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

  it('pays a worker who left mid-month the roster’s shifts and overtime up to their last day only, though the roster still lists them after it', async () => {
    const hr = stack.scheduler.tokenFor(testPrincipals.districtHr(XIHU));
    const admin = stack.payroll.tokenFor(testPrincipals.cityAdmin());
    const published = await publishRoster(stack.scheduler, hr, stack.community, LEFT_MONTH);
    const roster = (await stack.scheduler.request('GET', `/v1/rosters/${published.communities[0].rosterId}`, { token: hr })).body;
    const shiftsOf = (id: number, through = `${LEFT_MONTH}-30`) => roster.assignments.filter((a: { workerId: number; date: string }) => a.workerId === id && a.date <= through).length;
    // Leaves on Thursday 10 September, after the roster was published: it still lists their later shifts.
    const lastDay = `${LEFT_MONTH}-10`;
    const leaver = published.communities[0].workers.map((w) => w.workerId).find((id) => shiftsOf(id, lastDay) > 0 && shiftsOf(id) > shiftsOf(id, lastDay))!;
    expect(leaver).toBeDefined();
    const wAdmin = stack.workers.tokenFor(testPrincipals.cityAdmin());
    expect((await stack.workers.request('POST', `/v1/workers/${leaver}/leave`, { token: wAdmin, body: { date: lastDay, reason: '个人原因辞职' } })).status).toBeLessThan(300);
    await recordedChange(stack.payroll, admin, leaver, 'worker.left', lastDay);

    const run = await stack.payroll.request('POST', '/v1/runs', { token: admin, body: { period: LEFT_MONTH, type: 'REGULAR', scope: stack.street } });
    expect(run.status).toBe(201);
    const done = await computedRun(stack.payroll, admin, run.body.id);
    expect(done.progress.failed).toBe(0);
    const item = (await runPayslips(stack.payroll, admin, run.body.id, 100)).find((s) => s.workerId === leaver)!;
    const lines: Line[] = (await stack.payroll.request('GET', `/v1/payslips/${item.id}`, { token: admin })).body.lines;
    expect(lines.find((l) => l.code === 'BASE')!.rule).toMatch(/_PRO_RATED$/);

    // The shift allowance counts the shifts through the 10th (the roster's own list), not the month's.
    const shift = await policyInForce<{ code: string; perShift: string; maxShiftsPerMonth: number }>(stack.payroll, admin, 'ALLOWANCE', LEFT_MONTH, (r) => r.data.kind === 'SHIFT');
    const shiftLine = lines.find((l) => l.rule === 'PER_SHIFT');
    const served = Math.min(shiftsOf(leaver, lastDay), shift.maxShiftsPerMonth);
    expect(shiftLine && parseMoney(shiftLine.amount)).toBe(parseMoney(shift.perShift) * BigInt(served));
    // Overtime: a line for each kind the days served hold, none for a kind only the later days would.
    const cut = (await stack.scheduler.request('GET', `/v1/hours?month=${LEFT_MONTH}&community=${stack.community}&worker=${leaver}&through=${lastDay}`, { token: hr })).body.communities[0].workers[0];
    expect(cut.shifts.total).toBe(shiftsOf(leaver, lastDay));
    for (const k of OVERTIME_KINDS) expect({ code: k.code, paid: lines.some((l) => l.code === k.code) }).toEqual({ code: k.code, paid: k.minutes(cut) > 0 });
    // The others of the roster are paid its whole month.
    const other = published.communities[0].workers.find((w) => w.workerId !== leaver && w.shifts.total > 0)!;
    const otherItem = (await runPayslips(stack.payroll, admin, run.body.id, 100)).find((s) => s.workerId === other.workerId)!;
    const otherLines: Line[] = (await stack.payroll.request('GET', `/v1/payslips/${otherItem.id}`, { token: admin })).body.lines;
    expect(parseMoney(otherLines.find((l) => l.rule === 'PER_SHIFT')!.amount)).toBe(parseMoney(shift.perShift) * BigInt(Math.min(other.shifts.total, shift.maxShiftsPerMonth)));
  }, 400_000);

  it('pays a worker transferred mid-month each community’s roster on the days they served there, though the first roster still lists them after the transfer', async () => {
    const hr = stack.scheduler.tokenFor(testPrincipals.districtHr(XIHU));
    const admin = stack.payroll.tokenFor(testPrincipals.cityAdmin());
    const wAdmin = stack.workers.tokenFor(testPrincipals.cityAdmin());
    const first = await publishRoster(stack.scheduler, hr, stack.community, MOVED_MONTH);
    const roster = (await stack.scheduler.request('GET', `/v1/rosters/${first.communities[0].rosterId}`, { token: hr })).body;
    const shiftsIn = (r: { assignments: Array<{ workerId: number; date: string }> }, id: number, from: string, through: string) =>
      r.assignments.filter((a) => a.workerId === id && a.date >= from && a.date <= through).length;
    // Transferred on Sunday 16 August to another community of the street, recorded after the first roster was published.
    const day = `${MOVED_MONTH}-16`;
    const candidates = first.communities[0].workers.map((w) => w.workerId).filter((id) => shiftsIn(roster, id, `${MOVED_MONTH}-01`, `${MOVED_MONTH}-15`) > 0 && shiftsIn(roster, id, day, `${MOVED_MONTH}-31`) > 0);
    let mover = 0;
    let detail: { status: string; appointments: Array<{ id: number; to: string | null }> } | undefined;
    for (const id of candidates) {
      detail = (await stack.workers.request('GET', `/v1/workers/${id}`, { token: wAdmin })).body;
      if (detail!.status !== 'LEFT') { mover = id; break; } // the spec above made one leave
    }
    expect(mover).toBeGreaterThan(0);
    for (const post of detail!.appointments) {
      if (post.to === null || post.to >= day) expect((await stack.workers.request('POST', `/v1/appointments/${post.id}/end`, { token: wAdmin, body: { to: `${MOVED_MONTH}-15`, reason: '调动' } })).status).toBeLessThan(300);
    }
    const others = (await stack.workers.request('GET', `/v1/communities?street=${stack.street}`, { token: wAdmin })).body as Array<{ code: string }>;
    const target = others.map((c) => c.code).find((c) => c !== stack.community)!;
    const moved = await stack.workers.request('PATCH', `/v1/workers/${mover}`, { token: wAdmin, body: { communityCode: target, transferDate: day } });
    expect([moved.status, moved.body.code]).toEqual([200, undefined]);
    // The new community's roster, solved after the transfer, has the worker from the 16th only.
    const second = await publishRoster(stack.scheduler, hr, target, MOVED_MONTH);
    const there = (await stack.scheduler.request('GET', `/v1/rosters/${second.communities[0].rosterId}`, { token: hr })).body;
    expect(shiftsIn(there, mover, `${MOVED_MONTH}-01`, `${MOVED_MONTH}-15`)).toBe(0);
    const served = shiftsIn(roster, mover, `${MOVED_MONTH}-01`, `${MOVED_MONTH}-15`) + shiftsIn(there, mover, day, `${MOVED_MONTH}-31`);
    // The first roster still lists the worker after the transfer: the check says so.
    const conflicts = (await stack.scheduler.request('GET', `/v1/rosters/${first.communities[0].rosterId}/conflicts`, { token: hr })).body.conflicts as Array<{ workerId: number; date: string }>;
    expect(conflicts.filter((c) => c.workerId === mover).map((c) => c.date)).toEqual(roster.assignments.filter((a: { workerId: number; date: string }) => a.workerId === mover && a.date >= day).map((a: { date: string }) => a.date).sort());

    const run = await stack.payroll.request('POST', '/v1/runs', { token: admin, body: { period: MOVED_MONTH, type: 'REGULAR', scope: stack.street } });
    expect(run.status).toBe(201);
    const done = await computedRun(stack.payroll, admin, run.body.id);
    expect(done.progress.failed).toBe(0);
    const item = (await runPayslips(stack.payroll, admin, run.body.id, 100)).find((s) => s.workerId === mover)!;
    expect(item.communityCode).toBe(target);
    const lines: Line[] = (await stack.payroll.request('GET', `/v1/payslips/${item.id}`, { token: admin })).body.lines;
    const shift = await policyInForce<{ perShift: string; maxShiftsPerMonth: number }>(stack.payroll, admin, 'ALLOWANCE', MOVED_MONTH, (r) => r.data.kind === 'SHIFT');
    // 1–15 August from the first community's roster, 16–31 from the second's: neither roster's whole month, nor one only.
    expect(parseMoney(lines.find((l) => l.rule === 'PER_SHIFT')!.amount)).toBe(parseMoney(shift.perShift) * BigInt(Math.min(served, shift.maxShiftsPerMonth)));
    expect(served).not.toBe(shiftsIn(roster, mover, `${MOVED_MONTH}-01`, `${MOVED_MONTH}-31`));
  }, 400_000);

  it('pays a worker transferred to another street and leaving in the same month once, in the run of their last place, each roster on the days served', async () => {
    const hr = stack.scheduler.tokenFor(testPrincipals.districtHr(XIHU));
    const admin = stack.payroll.tokenFor(testPrincipals.cityAdmin());
    const wAdmin = stack.workers.tokenFor(testPrincipals.cityAdmin());
    const M = MOVED_AND_LEFT_MONTH;
    const published = await publishRoster(stack.scheduler, hr, stack.community, M);
    const roster = (await stack.scheduler.request('GET', `/v1/rosters/${published.communities[0].rosterId}`, { token: hr })).body;
    const shiftsIn = (id: number, from: string, through: string) =>
      roster.assignments.filter((a: { workerId: number; date: string }) => a.workerId === id && a.date >= from && a.date <= through).length;
    // Transferred on Monday 12 October to a community of another street, then leaving there on the 22nd.
    const day = `${M}-12`;
    const lastDay = `${M}-22`;
    let mover = 0;
    for (const w of published.communities[0].workers) {
      const detail = (await stack.workers.request('GET', `/v1/workers/${w.workerId}`, { token: wAdmin })).body;
      // still in the roster's community (the specs above made one leave and moved others on)
      if (detail.status === 'LEFT' || detail.communityCode !== stack.community || shiftsIn(w.workerId, `${M}-01`, `${M}-11`) === 0 || shiftsIn(w.workerId, day, `${M}-31`) === 0) continue;
      for (const post of detail.appointments as Array<{ id: number; to: string | null }>) {
        if (post.to === null || post.to >= day) expect((await stack.workers.request('POST', `/v1/appointments/${post.id}/end`, { token: wAdmin, body: { to: `${M}-11`, reason: '调动' } })).status).toBeLessThan(300);
      }
      mover = w.workerId;
      break;
    }
    expect(mover).toBeGreaterThan(0);
    const communities = (await stack.workers.request('GET', `/v1/communities?district=${XIHU}`, { token: wAdmin })).body as Array<{ code: string; streetCode: string }>;
    const target = communities.find((c) => c.streetCode !== stack.street)!;
    expect(target).toBeDefined();
    const moved = await stack.workers.request('PATCH', `/v1/workers/${mover}`, { token: wAdmin, body: { communityCode: target.code, transferDate: day } });
    expect([moved.status, moved.body.code]).toEqual([200, undefined]);
    expect((await stack.workers.request('POST', `/v1/workers/${mover}/leave`, { token: wAdmin, body: { date: lastDay, reason: '个人原因辞职' } })).status).toBeLessThan(300);
    await recordedChange(stack.payroll, admin, mover, 'worker.left', lastDay);

    const runOf = async (scope: string) => {
      const run = await stack.payroll.request('POST', '/v1/runs', { token: admin, body: { period: M, type: 'REGULAR', scope } });
      expect(run.status).toBe(201);
      const done = await computedRun(stack.payroll, admin, run.body.id);
      expect(done.progress.failed).toBe(0);
      return { run: done, item: (await runPayslips(stack.payroll, admin, run.body.id, 100)).find((s) => s.workerId === mover) };
    };
    // The street of their first place does not pay them: they served their last day in another.
    expect((await runOf(stack.street)).item).toBeUndefined();
    const { run, item } = await runOf(target.streetCode);
    expect(item?.communityCode).toBe(target.code);
    expect(run.inputs!.hours).toBe('SCHEDULER'); // the new street has no roster; the mover's days in the old one count
    // The income-tax declaration names them by their resident ID, read as of their last day too.
    const iit = await fetch(`${stack.payroll.baseUrl}/v1/runs/${run.id}/declarations/iit.xlsx`, { headers: { authorization: `Bearer ${admin}` } });
    expect(iit.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await iit.arrayBuffer());
    const rows: Array<[number, unknown]> = [];
    book.getWorksheet('正常工资薪金所得')!.eachRow((r, i) => i > 1 && rows.push([Number(r.getCell(1).value), r.getCell(4).value]));
    const residentId = (await stack.workers.request('GET', `/v1/workers/${mover}/pii`, { token: wAdmin })).body.residentId;
    expect(rows.find(([id]) => id === mover)?.[1]).toBe(residentId);
    const lines: Line[] = (await stack.payroll.request('GET', `/v1/payslips/${item!.id}`, { token: admin })).body.lines;
    expect(lines.find((l) => l.code === 'BASE')!.rule).toMatch(/_PRO_RATED$/);
    // 1–11 October from the first community's roster; the new community has none.
    const shift = await policyInForce<{ perShift: string; maxShiftsPerMonth: number }>(stack.payroll, admin, 'ALLOWANCE', M, (r) => r.data.kind === 'SHIFT');
    const served = shiftsIn(mover, `${M}-01`, `${M}-11`);
    expect(parseMoney(lines.find((l) => l.rule === 'PER_SHIFT')!.amount)).toBe(parseMoney(shift.perShift) * BigInt(Math.min(served, shift.maxShiftsPerMonth)));
  }, 400_000);

  it('a transfer back-dated into a paid month claws back, in the next run, the roster pay of the days after it', async () => {
    const hr = stack.scheduler.tokenFor(testPrincipals.districtHr(XIHU));
    const admin = stack.payroll.tokenFor(testPrincipals.cityAdmin());
    const finance = stack.payroll.tokenFor(testPrincipals.finance());
    const wAdmin = stack.workers.tokenFor(testPrincipals.cityAdmin());
    const published = await publishRoster(stack.scheduler, hr, stack.community, PAID_MONTH);
    const roster = (await stack.scheduler.request('GET', `/v1/rosters/${published.communities[0].rosterId}`, { token: hr })).body;
    const day = `${PAID_MONTH}-16`;
    const later = (id: number) => roster.assignments.filter((a: { workerId: number; date: string }) => a.workerId === id && a.date >= day).length;
    let mover = 0;
    for (const w of published.communities[0].workers) {
      const detail = (await stack.workers.request('GET', `/v1/workers/${w.workerId}`, { token: wAdmin })).body;
      // still in the roster's community (the specs above made one leave and moved another on in August)
      if (detail.status === 'LEFT' || detail.communityCode !== stack.community || later(w.workerId) === 0 || w.shifts.total === later(w.workerId)) continue;
      // posts end before the move (and before June is paid, so June's pay already knows it)
      for (const post of detail.appointments as Array<{ id: number; to: string | null }>) {
        if (post.to === null || post.to >= day) expect((await stack.workers.request('POST', `/v1/appointments/${post.id}/end`, { token: wAdmin, body: { to: `${PAID_MONTH}-15`, reason: '调动' } })).status).toBeLessThan(300);
      }
      mover = w.workerId;
      break;
    }
    expect(mover).toBeGreaterThan(0);
    // June is paid with the whole roster
    const june = await stack.payroll.request('POST', '/v1/runs', { token: admin, body: { period: PAID_MONTH, type: 'REGULAR', scope: stack.street } });
    expect(june.status).toBe(201);
    await computedRun(stack.payroll, admin, june.body.id);
    expect((await stack.payroll.request('POST', `/v1/runs/${june.body.id}/submit`, { token: admin })).status).toBe(200);
    expect((await stack.payroll.request('POST', `/v1/runs/${june.body.id}/approve`, { token: finance })).status).toBe(200);
    const juneItem = (await runPayslips(stack.payroll, admin, june.body.id, 100)).find((x) => x.workerId === mover)!;
    const juneLines: Line[] = (await stack.payroll.request('GET', `/v1/payslips/${juneItem.id}`, { token: admin })).body.lines;

    // then the transfer is recorded, from 16 June, to another community of the street (which has no June roster)
    const others = (await stack.workers.request('GET', `/v1/communities?street=${stack.street}`, { token: wAdmin })).body as Array<{ code: string }>;
    const target = others.map((c) => c.code).find((c) => c !== stack.community)!;
    expect((await stack.workers.request('PATCH', `/v1/workers/${mover}`, { token: wAdmin, body: { communityCode: target, transferDate: day } })).status).toBe(200);
    await recordedChange(stack.payroll, admin, mover, 'worker.changed', day);

    // July's run takes back the roster pay of 16–30 June, referencing June
    const july = await stack.payroll.request('POST', '/v1/runs', { token: admin, body: { period: NEXT_MONTH, type: 'REGULAR', scope: stack.street } });
    expect(july.status).toBe(201);
    await computedRun(stack.payroll, admin, july.body.id);
    const julyItem = (await runPayslips(stack.payroll, admin, july.body.id, 100)).find((x) => x.workerId === mover)!;
    const arrears = ((await stack.payroll.request('GET', `/v1/payslips/${julyItem.id}`, { token: admin })).body.lines as Array<Line & { refPeriod?: string }>).filter((l) => l.code === 'ARREARS');
    expect(arrears.map((l) => l.refPeriod)).toEqual([PAID_MONTH]);
    // expected: the roster pay of the days kept (to the 15th) less the whole month's, each at June's rates
    const overtime = await policyInForce<OvertimeRule>(stack.payroll, admin, 'OVERTIME', PAID_MONTH);
    const shift = await policyInForce<{ perShift: string; maxShiftsPerMonth: number }>(stack.payroll, admin, 'ALLOWANCE', PAID_MONTH, (r) => r.data.kind === 'SHIFT');
    const base = overtimeMonthlyBase(juneLines, overtime)!;
    expect(base).not.toBeNull();
    const rosterPay = (h: { shifts: { total: number }; overtimeMinutes: { workday150: number; restDay200: number; holiday300: number } }) =>
      parseMoney(shift.perShift) * BigInt(Math.min(h.shifts.total, shift.maxShiftsPerMonth)) + OVERTIME_KINDS.reduce((sum, k) => sum + overtimePay(base, k.minutes(h as never), k.kind, overtime), 0n);
    const whole = published.communities[0].workers.find((w) => w.workerId === mover)!;
    const kept = (await stack.scheduler.request('GET', `/v1/hours?month=${PAID_MONTH}&community=${stack.community}&worker=${mover}&through=${PAID_MONTH}-15`, { token: hr })).body.communities[0].workers[0];
    expect(kept.shifts.total).toBe(whole.shifts.total - later(mover));
    expect(arrears[0].amount).toBe(formatMoney(rosterPay(kept) - rosterPay(whole)));
    expect(parseMoney(arrears[0].amount, { allowNegative: true })).toBeLessThan(0n);
  }, 400_000);
});
