/**
 * Test-only: the payroll service for integration tests — its own specs, which read the workforce, the
 * roster hours and the budget from real services, and other services' (a second service sharing the
 * token keys). Lint allows only specs and testing libs to import it.
 */
import { parseMoney, parseRatio, roundFen, type Fen } from '@cws/kernel';
import type { PayslipListItem, RunView, WorkforceChangeView } from '@cws/payroll-contracts';
import type { WorkerMonthHours } from '@cws/scheduler-contracts';
import type { ServiceConfig, ServiceName } from '@cws/platform';
import { startSeededBudget } from '@cws/budget-testing';
import { startSchedulerOverWorkers } from '@cws/scheduler-testing';
import { callingApps, eventually, startSeededApp, startStack, testConfig, tokensOf, until, type TestApp, type TestTokens } from '@cws/testing';
import { startSeededWorkers } from '@cws/workers-testing';
import { DataSource } from 'typeorm';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { payrollService } from '../../../../apps/payroll/src/payroll.definition';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { seedPayrollService } from '../../../../apps/payroll/src/seed/seed';

// eslint-disable-next-line @nx/enforce-module-boundaries
export { payrollService } from '../../../../apps/payroll/src/payroll.definition';
// eslint-disable-next-line @nx/enforce-module-boundaries
export { seedPayrollService } from '../../../../apps/payroll/src/seed/seed';

/**
 * Starts payroll on its own throwaway schema (`config`, default `testConfig('payroll')`), pointed at the
 * running services in `calls`, and seeds its policy tables. `close()` stops it and drops the schema.
 */
export function startSeededPayroll(opts: { config?: ServiceConfig; calls?: Partial<Record<ServiceName, TestApp>> } = {}): Promise<TestApp> {
  return startSeededApp(payrollService, callingApps(opts.config ?? testConfig('payroll'), opts.calls ?? {}), (app) => seedPayrollService(app.app.get(DataSource)));
}

/** `sharedQueue`: every app on the workers service's queue prefix, so payroll hears the others' events. */
export interface PayrollStackOptions {
  sharedQueue?: boolean;
}

export interface PayrollOverWorkers {
  workers: TestApp;
  payroll: TestApp;
  /** The test principals' tokens (signed by payroll; every app of the file takes them). */
  tokens: TestTokens;
  /** Closes the apps in the reverse order of their start. */
  close(): Promise<void>;
}

/** A workers service with `workers` seeded workers (the demo city) and a seeded payroll reading it. */
export async function startPayrollOverWorkers(opts: PayrollStackOptions & { workers: number }): Promise<PayrollOverWorkers> {
  return startStack(async (stack) => {
    const workersConfig = testConfig('workers');
    const queue = opts.sharedQueue ? { queuePrefix: workersConfig.queuePrefix } : {};
    const workers = await stack.add(startSeededWorkers({ workers: opts.workers, config: workersConfig }));
    const payroll = await stack.add(startSeededPayroll({ config: testConfig('payroll', queue), calls: { workers } }));
    return { workers, payroll, tokens: tokensOf(payroll) };
  });
}

/** As {@link startPayrollOverWorkers}, with a seeded budget service (the demo city's allocations) that payroll posts to. */
export async function startPayrollWithBudget(opts: PayrollStackOptions & { workers: number }): Promise<PayrollOverWorkers & { budget: TestApp }> {
  return startStack(async (stack) => {
    const workersConfig = testConfig('workers');
    const queue = opts.sharedQueue ? { queuePrefix: workersConfig.queuePrefix } : {};
    const workers = await stack.add(startSeededWorkers({ workers: opts.workers, config: workersConfig }));
    const budget = await stack.add(startSeededBudget({ config: testConfig('budget', queue) }));
    const payroll = await stack.add(startSeededPayroll({ config: testConfig('payroll', queue), calls: { workers, budget } }));
    return { workers, budget, payroll, tokens: tokensOf(payroll) };
  });
}

export interface PayrollOverRosters extends PayrollOverWorkers {
  scheduler: TestApp;
  /** The demo service centre's community, and its street. */
  community: string;
  street: string;
}

/**
 * Workers (432, the demo centre's size), a scheduler seeded over them (`@cws/scheduler-testing`) and a
 * seeded payroll reading both: the roster-hours specs.
 */
export async function startPayrollOverRosters(opts: PayrollStackOptions = {}): Promise<PayrollOverRosters> {
  return startStack(async (stack) => {
    const { workers, scheduler, communities, community } = await stack.add(startSchedulerOverWorkers(opts));
    const queue = opts.sharedQueue ? { queuePrefix: workers.config.queuePrefix } : {};
    const payroll = await stack.add(startSeededPayroll({ config: testConfig('payroll', queue), calls: { workers, scheduler } }));
    const street = communities.find((c) => c.code === community)!.streetCode;
    return { workers, scheduler, payroll, community, street, tokens: tokensOf(payroll) };
  });
}

/**
 * Waits for run `id`'s computation to finish (polled every 100 ms, up to `ms`) and returns the run as
 * `GET /v1/runs/:id` answers `token`'s user. A FAILED computation throws with its error, so a spec
 * fails on the cause and not on a timeout or a later total.
 */
export async function computedRun(payroll: TestApp, token: string, id: string, ms = 120_000): Promise<RunView> {
  const run = await until(
    `run ${id}'s computation`,
    async () => (await payroll.request('GET', `/v1/runs/${id}`, { token })).body as RunView,
    (r) => r.computation?.state === 'DONE' || r.computation?.state === 'FAILED',
    ms,
    100,
  );
  if (run.computation.state === 'FAILED') throw new Error(`run ${id} failed: ${run.computation.error}`);
  return run;
}

/** Every payslip of run `id` as `token`'s user lists them, `pageSize` a page; a page answered with anything but a 200 throws. */
export async function runPayslips(payroll: TestApp, token: string, id: string, pageSize = 500): Promise<PayslipListItem[]> {
  const items: PayslipListItem[] = [];
  let after: string | null = null;
  do {
    const page = await payroll.request('GET', `/v1/runs/${id}/payslips?limit=${pageSize}${after ? `&after=${after}` : ''}`, { token });
    if (page.status !== 200) throw new Error(`payslips of run ${id}: ${page.status} ${JSON.stringify(page.body)}`);
    items.push(...page.body.items);
    after = page.body.nextAfter;
  } while (after);
  return items;
}

/**
 * Waits until payroll has recorded worker `workerId`'s `eventName` effective `effectiveDate` (the event
 * crossed the queue from the workers service) and returns the record; throws when it does not come.
 */
export function recordedChange(payroll: TestApp, token: string, workerId: number, eventName: string, effectiveDate: string, ms = 60_000): Promise<WorkforceChangeView> {
  return eventually(`payroll's ${eventName} of worker ${workerId} from ${effectiveDate}`, async () => {
    const changes = (await payroll.request('GET', `/v1/workforce-changes?workerId=${workerId}`, { token })).body.items as WorkforceChangeView[];
    return changes.find((c) => c.eventName === eventName && c.effectiveDate === effectiveDate);
  }, ms);
}

/**
 * The data of the `kind` policy row in force in `month` (YYYY-MM) as `GET /v1/policy/rows` lists it to
 * `token`'s user; `pick` chooses among a kind's keys (e.g. the SHIFT allowance). Throws when none is.
 */
export async function policyInForce<T>(payroll: TestApp, token: string, kind: string, month: string, pick: (row: { key: string; data: Record<string, unknown> }) => boolean = () => true): Promise<T> {
  const rows = (await payroll.request('GET', `/v1/policy/rows?kind=${kind}`, { token })).body as Array<{ key: string; validFrom: string; validTo: string | null; data: Record<string, unknown> }>;
  const row = rows.find((r) => pick(r) && r.validFrom <= `${month}-31` && (!r.validTo || r.validTo >= `${month}-01`));
  if (!row) throw new Error(`no ${kind} policy row in force in ${month}`);
  return row.data as T;
}

/** An OVERTIME policy row's data. */
export interface OvertimeRule {
  multipliers: Record<string, string>;
  hoursPerDay: number;
  hourlyBase?: 'MONTHLY_WAGE' | 'BASE_PAY';
}

/** The earnings of a monthly wage (DOMAIN §5): base pay and the monthly allowances; not shift pay, one-offs or overtime. */
const MONTHLY_WAGE_CODES = ['BASE', 'QUALIFICATION', 'LONG_SERVICE', 'CROSS_APPOINTMENT', 'SECONDED_IN'];

/**
 * The specs' own reading of the monthly amount overtime is paid on, from a full month's payslip lines:
 * the BASE line, plus the monthly allowances when the rule takes the monthly wage. Null for a
 * pro-rated month, whose lines are not the full month's.
 */
export function overtimeMonthlyBase(lines: Array<{ code: string; amount: string; rule: string }>, rule: OvertimeRule): Fen | null {
  const codes = rule.hourlyBase === 'MONTHLY_WAGE' ? MONTHLY_WAGE_CODES : ['BASE'];
  const wage = lines.filter((l) => codes.includes(l.code)); // earning codes only
  if (!wage.some((l) => l.code === 'BASE') || wage.some((l) => l.rule.endsWith('_PRO_RATED'))) return null;
  return wage.reduce((sum, l) => sum + parseMoney(l.amount), 0n);
}

/** The overtime kinds of a month of roster hours (scheduler): each one's payslip line and its minutes. */
export const OVERTIME_KINDS = [
  { code: 'OVERTIME_WORKDAY', kind: 'WORKDAY', minutes: (w: WorkerMonthHours) => w.overtimeMinutes.workday150 },
  { code: 'OVERTIME_REST_DAY', kind: 'REST_DAY', minutes: (w: WorkerMonthHours) => w.overtimeMinutes.restDay200 },
  { code: 'OVERTIME_HOLIDAY', kind: 'HOLIDAY', minutes: (w: WorkerMonthHours) => w.overtimeMinutes.holiday300 },
] as const;

/**
 * The specs' own sum, not the engine's: `minutes` of overtime of `kind` at the monthly `base` (overtimeMonthlyBase) ÷ 21.75 ÷
 * the rule's hours a day, × the kind's multiplier, rounded once to the fen.
 */
export function overtimePay(base: Fen, minutes: number, kind: string, rule: OvertimeRule): Fen {
  const rate = parseRatio(rule.multipliers[kind]);
  const days = parseRatio('21.75');
  return roundFen(base * rate.num * BigInt(minutes) * days.den, rate.den * 60n * days.num * BigInt(rule.hoursPerDay));
}
