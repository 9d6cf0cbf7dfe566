/** Everything that defines the budget service: its module, entities and migrations. */
import { Module } from '@nestjs/common';
import { MESSAGING_ENTITIES, MessagingModule } from '@cws/messaging';
import { PlatformModule, type ServiceConfig, type ServiceDefinition } from '@cws/platform';
import { BaseTables1764150000000 } from './migrations/1764150000000-base-tables';

export const BUDGET_ENTITIES = [...MESSAGING_ENTITIES];

export const BUDGET_MIGRATIONS = [BaseTables1764150000000];

export const BUDGET_JOBS = [];

export function budgetService(config: ServiceConfig): ServiceDefinition {
  @Module({
    controllers: [],
    imports: [
      MessagingModule.forRoot(config, { consumes: BUDGET_JOBS }),
      PlatformModule.forRoot(config, { entities: BUDGET_ENTITIES, migrations: BUDGET_MIGRATIONS }),
    ],
    providers: [],
  })
  class BudgetModule {}

  return {
    config,
    module: BudgetModule,
    title: 'Community Workforce Suite — budget',
    description: 'The four funding streams: appropriations, allocations, an exact ledger, and the finance-bureau API.',
    entities: BUDGET_ENTITIES,
    migrations: BUDGET_MIGRATIONS,
  };
}
