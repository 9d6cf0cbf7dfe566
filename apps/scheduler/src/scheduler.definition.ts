/** Everything that defines the scheduler service: its module, entities, migrations and jobs. */
import { Module } from '@nestjs/common';
import { MESSAGING_ENTITIES, MessagingModule } from '@cws/messaging';
import { PlatformModule, type ServiceConfig, type ServiceDefinition } from '@cws/platform';
import { FinishGenerationJob, SCHEDULER_EVENTS_QUEUE, SolveRosterJob } from '@cws/scheduler-contracts';
import { WORKERS_EVENTS_SCHEDULER_COPY } from '@cws/workers-contracts';
import { CalendarController } from './calendar/calendar.controller';
import { CalendarService } from './calendar/calendar.service';
import { HolidayCalendarRepository } from './calendar/holiday-calendar.repository';
import { CentresController } from './centres/centres.controller';
import { CentresService } from './centres/centres.service';
import { ServiceCentreRepository } from './centres/service-centre.repository';
import { HoursController } from './hours/hours.controller';
import { HoursService } from './hours/hours.service';
import { BaseTables1764150000000 } from './migrations/1764150000000-base-tables';
import { AuditAppendOnly1767700000000 } from './migrations/1767700000000-audit-append-only';
import { RosterTables1765400000000 } from './migrations/1765400000000-roster-tables';
import { AuditStreet1765000000100 } from './migrations/1765000000100-audit-street';
import { RosterMonth1767500000000 } from './migrations/1767500000000-roster-month';
import { RosterCheck1768500000000 } from './migrations/1768500000000-roster-check';
import { RosterPublishedIndex1768600000000 } from './migrations/1768600000000-roster-published-index';
import { RosterWorker1768700000000 } from './migrations/1768700000000-roster-worker';
import { GenerationsService } from './rosters/generations.service';
import { CHECK_PUBLISHED_ROSTERS_SCHEDULE, CheckPublishedRostersHandler, CheckPublishedRostersJob, REGISTER_CHANGE_EVENTS } from './rosters/roster-check.job';
import { RosterChecksService } from './rosters/roster-checks.service';
import { RosterGenerationRepository } from './rosters/roster-generation.repository';
import { RosterSolvingService } from './rosters/roster-solving.service';
import { RosterRepository } from './rosters/roster.repository';
import { RostersController } from './rosters/rosters.controller';
import { RostersService } from './rosters/rosters.service';
import { WorkerRequestRepository } from './rosters/worker-request.repository';
import { WorkforceClient } from './workforce/workforce.client';

export const SCHEDULER_ENTITIES = [...MESSAGING_ENTITIES];

export const SCHEDULER_MIGRATIONS = [BaseTables1764150000000, AuditStreet1765000000100, RosterTables1765400000000, RosterMonth1767500000000, AuditAppendOnly1767700000000, RosterCheck1768500000000, RosterPublishedIndex1768600000000, RosterWorker1768700000000];

export const SCHEDULER_JOBS = [FinishGenerationJob, SolveRosterJob, CheckPublishedRostersJob, ...REGISTER_CHANGE_EVENTS];

export function schedulerService(config: ServiceConfig): ServiceDefinition {
  @Module({
    controllers: [CalendarController, CentresController, HoursController, RostersController],
    imports: [
      // Solving is CPU-bound (tens of ms per centre) after I/O-bound input gathering: a few jobs per process overlap the I/O; add processes to go faster.
      MessagingModule.forRoot(config, {
        consumes: SCHEDULER_JOBS, producesTo: [SCHEDULER_EVENTS_QUEUE], concurrency: 4,
        // register changes one at a time: their checks are paced anyway, and one worker's events are checked in order
        queueConcurrency: { [WORKERS_EVENTS_SCHEDULER_COPY]: 1 },
        schedules: [CHECK_PUBLISHED_ROSTERS_SCHEDULE],
      }),
      PlatformModule.forRoot(config, { entities: SCHEDULER_ENTITIES, migrations: SCHEDULER_MIGRATIONS }),
    ],
    providers: [
      CalendarService,
      CentresService,
      CheckPublishedRostersHandler,
      GenerationsService,
      HolidayCalendarRepository,
      HoursService,
      RosterGenerationRepository,
      RosterChecksService,
      RosterRepository,
      RosterSolvingService,
      RostersService,
      ServiceCentreRepository,
      WorkerRequestRepository,
      WorkforceClient,
    ],
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
