import { Injectable } from '@nestjs/common';
import type { BalanceView } from '@cws/budget-contracts';
import { cityToday, formatMoney, parseMoney, type Fen, type Principal } from '@cws/kernel';
import { fundingRequirement, type ProjectedWorker } from '@cws/payroll-engine';
import type { FundingRequirementLine, FundingRequirementReport } from '@cws/payroll-contracts';
import { PolicyService } from '../policy/policy.service';
import { BenchmarkService } from './benchmark.service';
import { BudgetClient } from './budget.client';
import type { FundingRequirementQueryDto } from './benchmark.dto';
import { WorkforceClient } from './workforce.client';

/** The streams COST_STREAM rows in force on `date` name (the budget streams that hold pay). */
export function payStreams(rows: Array<{ kind: string; validFrom: string; validTo: string | null; data: Record<string, unknown> }>, date: string): string[] {
  const streams = rows
    .filter((r) => r.kind === 'COST_STREAM' && r.validFrom <= date && (r.validTo === null || r.validTo >= date))
    .map((r) => String(r.data.stream));
  return [...new Set(streams)].sort();
}

/** Months employed per district and per street ("330106", "330106/330106001"). */
export function monthsByPlace(workers: ProjectedWorker[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const w of workers) {
    const months = w.worker.headcountMonths ?? 0;
    out.set(w.worker.district, (out.get(w.worker.district) ?? 0) + months);
    const street = `${w.worker.district}/${w.worker.street}`;
    out.set(street, (out.get(street) ?? 0) + months);
  }
  return out;
}

/** Allocated money in the pay streams per district and per street (rows of communities add to their street). */
export function budgetedByPlace(balances: BalanceView[], streams: string[]): Map<string, Fen> {
  const out = new Map<string, Fen>();
  const add = (k: string, v: Fen) => out.set(k, (out.get(k) ?? 0n) + v);
  for (const b of balances) {
    if (!streams.includes(b.stream) || !b.streetCode || !b.districtCode) continue;
    const allocated = parseMoney(b.allocated);
    add(b.districtCode, allocated);
    add(`${b.districtCode}/${b.streetCode}`, allocated);
  }
  return out;
}

/**
 * The 核定 report: per district and street, the year's requirement — average headcount ×
 * (W(Y−1) + employer insurance and housing fund) — against what the budget service holds in the pay
 * streams for the place, and the shortfall. Headcount counts as the benchmark does (paid months by
 * employment, the rest projected; seconded-in cadres and host-paid secondees excluded).
 */
@Injectable()
export class FundingRequirementService {
  constructor(
    private readonly benchmark: BenchmarkService,
    private readonly budget: BudgetClient,
    private readonly policy: PolicyService,
    private readonly workforce: WorkforceClient,
  ) {}

  async report(p: Principal, token: string | undefined, q: FundingRequirementQueryDto): Promise<FundingRequirementReport> {
    const asOf = clamp(q.asOf ?? cityToday(), q.year);
    const loaded = await this.benchmark.load(p, q.year, q.scope, asOf, `${q.year}-01-01`);
    const streams = payStreams(await this.policy.rowsFor(q.year), `${q.year}-01-01`);
    const [balances, names] = await Promise.all([this.budget.balances(q.year, loaded.scope, token), this.workforce.districtNames(token)]);
    const months = monthsByPlace(loaded.projected);
    const budgeted = budgetedByPlace(balances, streams);
    const keys = [...months.keys()].sort();
    const required = fundingRequirement(keys.map((key) => ({ key, monthsEmployed: months.get(key)! })), loaded.policy, loaded.w1);
    const totals = { requirement: 0n, budgeted: 0n, shortfall: 0n };
    const lines: FundingRequirementLine[] = required.map((r) => {
      const [district, street] = r.key.split('/');
      const held = budgeted.get(r.key) ?? 0n;
      const shortfall = r.requirementFen > held ? r.requirementFen - held : 0n;
      if (!street) {
        totals.requirement += r.requirementFen;
        totals.budgeted += held;
        totals.shortfall += shortfall;
      }
      return {
        level: street ? 'STREET' : 'DISTRICT',
        districtCode: district,
        districtName: names.get(district) ?? null,
        streetCode: street ?? null,
        headcount: r.headcount,
        workerMonths: r.monthsEmployed,
        wages: formatMoney(r.wagesFen),
        employerContributions: formatMoney(r.employerContributionsFen),
        requirement: formatMoney(r.requirementFen),
        budgeted: formatMoney(held),
        shortfall: formatMoney(shortfall),
      };
    });
    return {
      year: q.year, scope: loaded.scope, asOf, benchmark: formatMoney(loaded.w1), streams, paidThrough: loaded.paidThrough, lines,
      totals: { requirement: formatMoney(totals.requirement), budgeted: formatMoney(totals.budgeted), shortfall: formatMoney(totals.shortfall) },
      illustrative: loaded.policy.illustrative,
    };
  }
}

function clamp(date: string, year: number): string {
  if (date < `${year}-01-01`) return `${year}-01-01`;
  return date > `${year}-12-31` ? `${year}-12-31` : date;
}
