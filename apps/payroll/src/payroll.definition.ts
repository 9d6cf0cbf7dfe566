/** Everything that defines the payroll service: its module, entities, migrations and the jobs it consumes. */
import { Module } from '@nestjs/common';
import { BUDGET_POSTINGS_QUEUE } from '@cws/budget-contracts';
import { MESSAGING_ENTITIES, MessagingModule } from '@cws/messaging';
import { PlatformModule, type ServiceConfig, type ServiceDefinition } from '@cws/platform';
import {
  AppointmentEndedEvent, AppointmentStartedEvent, GradeChangedEvent, SecondmentEndedEvent, SecondmentStartedEvent, TrainingCompletedEvent,
  WorkerChangedEvent, WorkerCreatedEvent, WorkerLeftEvent,
} from '@cws/workers-contracts';
import { ComputeRunChunkJob, ComputeRunJob, FinishRunJob, NightlyRecomputeJob, PayDayJob, PAYROLL_RUNS_QUEUE, ReencryptPayrollPiiJob } from '@cws/payroll-contracts';
import { RosterHoursPublishedEvent } from '@cws/scheduler-contracts';
import { BenchmarkController } from './benchmark/benchmark.controller';
import { BenchmarkResultEntity, TopUpLineEntity } from './benchmark/benchmark-result.entities';
import { BenchmarkResultRepository } from './benchmark/benchmark-result.repository';
import { BenchmarkService } from './benchmark/benchmark.service';
import { TopUpLineRepository } from './benchmark/top-up-line.repository';
import { PaidPayReader } from './benchmark/paid-pay.reader';
import { RunsPaidPayReader } from './benchmark/runs-paid-pay.reader';
import { BudgetClient } from './benchmark/budget.client';
import { FundingRequirementService } from './benchmark/funding-requirement.service';
import { WorkforceClient } from './benchmark/workforce.client';
import { BaseTables1764150000000 } from './migrations/1764150000000-base-tables';
import { AuditAppendOnly1767700000000 } from './migrations/1767700000000-audit-append-only';
import { PolicyAndBenchmark1764300000000 } from './migrations/1764300000000-policy-and-benchmark';
import { WorkforceChanges1764500000000 } from './migrations/1764500000000-workforce-changes';
import { PayrollRuns1765100000000 } from './migrations/1765100000000-payroll-runs';
import { RunChunkTimings1765100000001 } from './migrations/1765100000001-run-chunk-timings';
import { TopUpLineNames1766600000000 } from './migrations/1766600000000-top-up-line-names';
import { CorrectionSlips1766500000000 } from './migrations/1766500000000-correction-slips';
import { RunCostPostingsService } from './run-outputs/run-cost-postings.service';
import { RunOutputsController } from './run-outputs/run-outputs.controller';
import { RunOutputsService } from './run-outputs/run-outputs.service';
import { RunSlipsReader } from './run-outputs/run-slips.reader';
import { AuditStreet1765000000100 } from './migrations/1765000000100-audit-street';
import { PayrollPiiReencryption } from './maintenance/pii-reencryption.job';
import { PolicyController } from './policy/policy.controller';
import { PolicyRowEntity } from './policy/policy-row.entity';
import { PolicyRowRepository } from './policy/policy-row.repository';
import { PolicyService } from './policy/policy.service';
import { ArrearsService } from './runs/arrears.service';
import { CorrectionComputeService } from './runs/correction-compute.service';
import { CorrectionRunsRules } from './runs/correction-runs.rules';
import { nightlyRecomputeSchedule, payDaySchedule } from './runs/payroll-nightly.scheduler';
import { PayrollRunComputeQueue } from './runs/payroll-run-compute.queue';
import { PayrollRunComputeService } from './runs/payroll-run-compute.service';
import { PayrollRunJobs } from './runs/payroll-run.jobs';
import { PayrollRunsService } from './runs/payroll-runs.service';
import { RunInputsSource } from './runs/run-inputs.source';
import { PayrollRunChunkRepository } from './runs/payroll-run-chunk.repository';
import { PayrollPeriodEntity, PayrollRunChunkEntity, PayrollRunEntity, PayslipEntity } from './runs/payroll-run.entities';
import { PayrollRunReadsService } from './runs/payroll-run-reads.service';
import { PayrollRunRepository } from './runs/payroll-run.repository';
import { PayrollRunsController } from './runs/payroll-runs.controller';
import { PayslipRepository } from './runs/payslip.repository';
import { PayslipsController } from './runs/payslips.controller';
import { RunPaidHook } from './runs/run-paid.hook';
import { SimulationsController } from './simulations/simulations.controller';
import { SimulationsService } from './simulations/simulations.service';
import { WorkforceChangeRepository } from './workforce-changes/workforce-change.repository';
import { DeclaredBaseEntity } from './contribution-bases/declared-base.entity';
import { DeclaredBaseRepository } from './contribution-bases/declared-base.repository';
import { DeclaredBasesController } from './contribution-bases/declared-bases.controller';
import { DeclaredBasesService } from './contribution-bases/declared-bases.service';
import { DeclaredContributionBases1767800000000 } from './migrations/1767800000000-declared-contribution-bases';
import { ScheduledPayments1767900000000 } from './migrations/1767900000000-scheduled-payments';
import { WorkforceChangeEntity } from './workforce-changes/workforce-change.entity';
import { WorkforceChangeJobs } from './workforce-changes/workforce-changes.job';
import { RosterHoursJobs } from './workforce-changes/roster-hours.job';
import { WorkforceChangesController } from './workforce-changes/workforce-changes.controller';
import { WorkforceChangesService } from './workforce-changes/workforce-changes.service';

export const PAYROLL_ENTITIES = [
  ...MESSAGING_ENTITIES, BenchmarkResultEntity, DeclaredBaseEntity, PayrollPeriodEntity, PayrollRunChunkEntity, PayrollRunEntity, PayslipEntity, PolicyRowEntity, TopUpLineEntity,
  WorkforceChangeEntity,
];

export const PAYROLL_MIGRATIONS = [BaseTables1764150000000, PolicyAndBenchmark1764300000000, WorkforceChanges1764500000000, AuditStreet1765000000100, PayrollRuns1765100000000, RunChunkTimings1765100000001, CorrectionSlips1766500000000, TopUpLineNames1766600000000, AuditAppendOnly1767700000000, DeclaredContributionBases1767800000000, ScheduledPayments1767900000000];

/**
 * Every event on the workers service's `workers-events` queue (each becomes a workforce_change row,
 * workforce-changes/), the scheduler's `roster.hours-published` (late hours of a paid month become
 * rows too, roster-hours.job.ts), and the payroll service's own run computations (runs/).
 */
export const PAYROLL_JOBS = [
  WorkerCreatedEvent, WorkerChangedEvent, WorkerLeftEvent, AppointmentStartedEvent, AppointmentEndedEvent,
  SecondmentStartedEvent, SecondmentEndedEvent, TrainingCompletedEvent, GradeChangedEvent, RosterHoursPublishedEvent,
  ComputeRunJob, ComputeRunChunkJob, FinishRunJob, NightlyRecomputeJob, PayDayJob, ReencryptPayrollPiiJob,
];

export function payrollService(config: ServiceConfig): ServiceDefinition {
  @Module({
    controllers: [BenchmarkController, DeclaredBasesController, PayrollRunsController, PayslipsController, PolicyController, RunOutputsController, SimulationsController, WorkforceChangesController],
    imports: [
      // Run chunks are CPU-bound: one at a time per process (more processes share a run's chunks).
      MessagingModule.forRoot(config, {
        consumes: PAYROLL_JOBS, producesTo: [BUDGET_POSTINGS_QUEUE], queueConcurrency: { [PAYROLL_RUNS_QUEUE]: 1 }, schedules: [nightlyRecomputeSchedule(config), payDaySchedule(config)],
      }),
      PlatformModule.forRoot(config, { entities: PAYROLL_ENTITIES, migrations: PAYROLL_MIGRATIONS }),
    ],
    providers: [
      ArrearsService, BenchmarkResultRepository, BenchmarkService, CorrectionComputeService, CorrectionRunsRules, BudgetClient, DeclaredBaseRepository, DeclaredBasesService, FundingRequirementService, { provide: PaidPayReader, useClass: RunsPaidPayReader }, PayrollPiiReencryption,
      PayrollRunChunkRepository, PayrollRunComputeQueue, PayrollRunComputeService, PayrollRunJobs, PayrollRunReadsService, PayrollRunRepository,
      PayrollRunsService, PayslipRepository, PolicyRowRepository, PolicyService, RunCostPostingsService, RunInputsSource, RunOutputsService, RunPaidHook, RosterHoursJobs, RunSlipsReader, SimulationsService, TopUpLineRepository, WorkforceChangeJobs, WorkforceChangeRepository,
      WorkforceChangesService, WorkforceClient,
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
