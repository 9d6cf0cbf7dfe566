/** Everything that defines the payroll service: its module, entities and migrations. */
import { Module } from '@nestjs/common';
import { MESSAGING_ENTITIES, MessagingModule } from '@cws/messaging';
import { PlatformModule, type ServiceConfig, type ServiceDefinition } from '@cws/platform';
import { BaseTables1764150000000 } from './migrations/1764150000000-base-tables';

export const PAYROLL_ENTITIES = [...MESSAGING_ENTITIES];

export const PAYROLL_MIGRATIONS = [BaseTables1764150000000];

export const PAYROLL_JOBS = [];

export function payrollService(config: ServiceConfig): ServiceDefinition {
  @Module({
    controllers: [],
    imports: [
      MessagingModule.forRoot(config, { consumes: PAYROLL_JOBS }),
      PlatformModule.forRoot(config, { entities: PAYROLL_ENTITIES, migrations: PAYROLL_MIGRATIONS }),
    ],
    providers: [],
  })
  class PayrollModule {}

  return {
    config,
    module: PayrollModule,
    title: 'Community Workforce Suite — payroll',
    description: 'Pay benchmarked to the city average wage: policy tables, monthly runs, tax and insurance, what-if simulations.',
    entities: PAYROLL_ENTITIES,
    migrations: PAYROLL_MIGRATIONS,
  };
}
