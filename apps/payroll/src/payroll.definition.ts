/** Everything that defines the payroll service: its module, entities, migrations and the jobs it consumes. */
import { Module } from '@nestjs/common';
import { MESSAGING_ENTITIES, MessagingModule } from '@cws/messaging';
import { PlatformModule, type ServiceConfig, type ServiceDefinition } from '@cws/platform';
import {
  AppointmentEndedEvent, AppointmentStartedEvent, GradeChangedEvent, SecondmentEndedEvent, SecondmentStartedEvent, TrainingCompletedEvent,
  WorkerChangedEvent, WorkerCreatedEvent, WorkerLeftEvent,
} from '@cws/workers-contracts';
import { BenchmarkController } from './benchmark/benchmark.controller';
import { BenchmarkResultEntity, TopUpLineEntity } from './benchmark/benchmark-result.entities';
import { BenchmarkService } from './benchmark/benchmark.service';
import { NoPaidRunsReader, PaidPayReader } from './benchmark/paid-pay.reader';
import { BudgetClient } from './benchmark/budget.client';
import { FundingRequirementService } from './benchmark/funding-requirement.service';
import { WorkforceClient } from './benchmark/workforce.client';
import { BaseTables1764150000000 } from './migrations/1764150000000-base-tables';
import { PolicyAndBenchmark1764300000000 } from './migrations/1764300000000-policy-and-benchmark';
import { WorkforceChanges1764500000000 } from './migrations/1764500000000-workforce-changes';
import { PolicyController } from './policy/policy.controller';
import { PolicyRowEntity } from './policy/policy-row.entity';
import { PolicyService } from './policy/policy.service';
import { SimulationsController } from './simulations/simulations.controller';
import { SimulationsService } from './simulations/simulations.service';
import { WorkforceChangeEntity } from './workforce-changes/workforce-change.entity';
import { WorkforceChangeJobs } from './workforce-changes/workforce-changes.job';
import { WorkforceChangesController } from './workforce-changes/workforce-changes.controller';
import { WorkforceChangesService } from './workforce-changes/workforce-changes.service';

export const PAYROLL_ENTITIES = [...MESSAGING_ENTITIES, BenchmarkResultEntity, PolicyRowEntity, TopUpLineEntity, WorkforceChangeEntity];

export const PAYROLL_MIGRATIONS = [BaseTables1764150000000, PolicyAndBenchmark1764300000000, WorkforceChanges1764500000000];

/** Every event on the workers service's `workers-events` queue: each becomes a workforce_change row (workforce-changes/). */
export const PAYROLL_JOBS = [
  WorkerCreatedEvent, WorkerChangedEvent, WorkerLeftEvent, AppointmentStartedEvent, AppointmentEndedEvent,
  SecondmentStartedEvent, SecondmentEndedEvent, TrainingCompletedEvent, GradeChangedEvent,
];

export function payrollService(config: ServiceConfig): ServiceDefinition {
  @Module({
    controllers: [BenchmarkController, PolicyController, SimulationsController, WorkforceChangesController],
    imports: [
      MessagingModule.forRoot(config, { consumes: PAYROLL_JOBS }),
      PlatformModule.forRoot(config, { entities: PAYROLL_ENTITIES, migrations: PAYROLL_MIGRATIONS }),
    ],
    providers: [
      BenchmarkService, BudgetClient, FundingRequirementService, { provide: PaidPayReader, useClass: NoPaidRunsReader }, PolicyService, SimulationsService, WorkforceChangeJobs, WorkforceChangesService, WorkforceClient,
    ],
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
