import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import type { BalanceView } from '@cws/budget-contracts';
import { DomainError } from '@cws/kernel';
import { ServiceClient } from '@cws/platform';

/**
 * The budget as the budget service serves it, with the caller's token forwarded (so the budget
 * service applies the caller's scope too). Payroll never reads the budget schema.
 */
@Injectable()
export class BudgetClient {
  constructor(private readonly client: ServiceClient) {}

  /** Balance rows of a fiscal year within a district (6 digits), a street (9) or the whole city (null). */
  async balances(fiscalYear: number, scope: string | null, token: string | undefined): Promise<BalanceView[]> {
    const q = new URLSearchParams({ fiscalYear: String(fiscalYear) });
    if (scope?.length === 6) q.set('district', scope);
    if (scope?.length === 9) q.set('street', scope);
    try {
      const res = await this.client.call<{ items: BalanceView[] }>('budget', `/v1/balances?${q}`, { token, timeoutMs: 30_000 });
      return res.items;
    } catch (e) {
      if (e instanceof DomainError) throw e;
      throw new ServiceUnavailableException({ code: 'BUDGET_UNAVAILABLE', message: `the budget service could not be reached: ${(e as Error).message}`, details: [] });
    }
  }
}
