import { Injectable } from '@nestjs/common';
import { DomainError } from '@cws/kernel';
import { simulateYear, validateSimulationRequest, type SimulationRequest } from '@cws/payroll-engine';
import type { SimulationOutput } from '@cws/payroll-contracts';
import { PolicyService } from '../policy/policy.service';

/** What-if cumulative withholding over the tax tables in the policy; touches no payroll run. */
@Injectable()
export class SimulationsService {
  constructor(private readonly policy: PolicyService) {}

  async simulate(body: unknown): Promise<SimulationOutput> {
    const year = (body as { year?: unknown } | null)?.year;
    const yearOk = typeof year === 'number' && Number.isInteger(year) && year >= 2019 && year <= 9999; // the engine's own bounds
    const tables = yearOk ? await this.policy.taxTablesFor(year) : undefined;
    const errors = validateSimulationRequest(body, tables);
    const bonus = (body as { bonus?: { method?: unknown } }).bonus;
    if (tables && bonus?.method === 'SEPARATE' && (year as number) < tables.bonusTax.allowedFromYear && !errors.some((e) => e.path === 'bonus.method')) {
      errors.push({ path: 'bonus.method', code: 'BONUS_SEPARATE_NOT_YET', issue: `separate taxation of a year-end bonus is allowed from ${tables.bonusTax.allowedFromYear}` });
    }
    if (errors.length) {
      throw new DomainError('VALIDATION', 'VALIDATION_FAILED', `Invalid request: ${errors.map((e) => `${e.path} ${e.issue}`).join('; ')}`, errors);
    }
    const result = simulateYear(body as SimulationRequest, tables);
    return {
      ...result,
      tables: { tax: { id: tables!.tax.id, source: tables!.tax.source }, bonusTax: { id: tables!.bonusTax.id, source: tables!.bonusTax.source } },
    };
  }
}
