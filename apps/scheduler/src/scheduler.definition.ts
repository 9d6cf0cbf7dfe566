/** Everything that defines the scheduler service: its module, entities and migrations. */
import { Module } from '@nestjs/common';
import { MESSAGING_ENTITIES, MessagingModule } from '@cws/messaging';
import { PlatformModule, type ServiceConfig, type ServiceDefinition } from '@cws/platform';
import { BaseTables1764150000000 } from './migrations/1764150000000-base-tables';

export const SCHEDULER_ENTITIES = [...MESSAGING_ENTITIES];

export const SCHEDULER_MIGRATIONS = [BaseTables1764150000000];

export const SCHEDULER_JOBS = [];

export function schedulerService(config: ServiceConfig): ServiceDefinition {
  @Module({
    controllers: [],
    imports: [
      MessagingModule.forRoot(config, { consumes: SCHEDULER_JOBS }),
      PlatformModule.forRoot(config, { entities: SCHEDULER_ENTITIES, migrations: SCHEDULER_MIGRATIONS }),
    ],
    providers: [],
  })
  class SchedulerModule {}

  return {
    config,
    module: SchedulerModule,
    title: 'Community Workforce Suite — scheduler',
    description: 'Staggered shift rosters keeping every community service centre staffed 08:00–21:00.',
    entities: SCHEDULER_ENTITIES,
    migrations: SCHEDULER_MIGRATIONS,
  };
}
