/** Everything that defines the workers service: its module, entities and migrations. */
import { Module } from '@nestjs/common';
import { MESSAGING_ENTITIES, MessagingModule } from '@cws/messaging';
import { PlatformModule, type ServiceConfig, type ServiceDefinition } from '@cws/platform';
import { BUDGET_POSTINGS_QUEUE } from '@cws/budget-contracts';
import { ApplyGradeProgressionJob, ApplyStatusCalendarJob, PruneRefreshTokensJob, ReencryptPiiJob, WORKERS_EVENTS_QUEUE, WORKERS_EVENTS_SCHEDULER_COPY } from '@cws/workers-contracts';
import { AppointmentsController } from './appointments/appointments.controller';
import { AppointmentEntity } from './appointments/appointments.entities';
import { AppointmentsService } from './appointments/appointments.service';
import { ElectionsController } from './elections/elections.controller';
import { ElectionsService } from './elections/elections.service';
import { GradePolicyController } from './grades/grade-policy.controller';
import { GradePolicyService } from './grades/grade-policy.service';
import { ApplyGradeProgressionHandler, GRADE_PROGRESSION_SCHEDULE } from './grades/grade-progression.job';
import { GradesService } from './grades/grades.service';
import { AuthController } from './identity/auth.controller';
import { AuthService } from './identity/auth.service';
import { IdentityAdminController } from './identity/identity-admin.controller';
import { IdentityAdminService } from './identity/identity-admin.service';
import { ApiClientEntity, RefreshTokenEntity, UserEntity } from './identity/identity.entities';
import { MachineClientProvisioner } from './identity/machine-clients';
import { PRUNE_REFRESH_TOKENS_SCHEDULE } from './maintenance/maintenance-scheduler';
import { PiiKeysController, PiiReencryption } from './maintenance/pii-reencryption';
import { PruneRefreshTokensHandler } from './maintenance/prune-refresh-tokens.job';
import { ImportExportController } from './import-export/import-export.controller';
import { ImportExportService } from './import-export/import-export.service';
import { IdentityAndOrg1764150000000 } from './migrations/1764150000000-identity-and-org';
import { AuditAppendOnly1767700000000 } from './migrations/1767700000000-audit-append-only';
import { WorkforceRegister1764200000000 } from './migrations/1764200000000-workforce-register';
import { WorkerPlannedTransfer1768400000000 } from './migrations/1768400000000-worker-planned-transfer';
import { TrainingBudgetPostings1764300000000 } from './migrations/1764300000000-training-budget-postings';
import { OrgTreeVersions1764310000000 } from './migrations/1764310000000-org-tree-versions';
import { StatusCalendar1764400000000 } from './migrations/1764400000000-status-calendar';
import { RefreshTokenFamily1765000000000 } from './migrations/1765000000000-refresh-token-family';
import { RecordedGrades1765300000000 } from './migrations/1765300000000-recorded-grades';
import { Elections1765310000000 } from './migrations/1765310000000-elections';
import { RecruitmentNotice1765320000000 } from './migrations/1765320000000-recruitment-notice';
import { WorkerNameGram1766700000000 } from './migrations/1766700000000-worker-name-gram';
import { RegisterCoveringIndexes1767000000000 } from './migrations/1767000000000-register-covering-indexes';
import { WorkerNameGramPlace1767400000000 } from './migrations/1767400000000-worker-name-gram-place';
import { AuditStreet1765000000100 } from './migrations/1765000000100-audit-street';
import { ResidentIdLastFour1765000000200 } from './migrations/1765000000200-resident-id-last-four';
import { QueueBoard } from './queue-board/queue-board';
import { OrgTreeController } from './org/org-tree.controller';
import { OrgTreeService } from './org/org-tree.service';
import { OrgController } from './org/org.controller';
import { CommunityBodyEntity, CommunityEntity, DistrictEntity, StreetEntity } from './org/org.entities';
import { OrgService } from './org/org.service';
import { RecruitmentController } from './recruitment/recruitment.controller';
import { RecruitmentService } from './recruitment/recruitment.service';
import { SecondmentsController } from './secondments/secondments.controller';
import { SecondmentEntity } from './secondments/secondments.entities';
import { SecondmentsService } from './secondments/secondments.service';
import { SnapshotsController } from './snapshots/snapshots.controller';
import { SnapshotsService } from './snapshots/snapshots.service';
import { ApplyStatusCalendarHandler } from './status-calendar/status-calendar.job';
import { STATUS_CALENDAR_SCHEDULE } from './status-calendar/status-calendar.scheduler';
import { TrainingController } from './training/training.controller';
import { TrainingService } from './training/training.service';
import { RegisterCountCache } from './workers/register-count-cache';
import { RegisterGeneration } from './workers/register-generation';
import { WorkersController } from './workers/workers.controller';
import { WorkerEntity, WorkerEventEntity, WorkerLeaveEntity } from './workers/workers.entities';
import { WorkersService } from './workers/workers.service';
import { SpecialDeductionsController } from './special-deductions/special-deductions.controller';
import { SpecialDeductionsService } from './special-deductions/special-deductions.service';
import { TaxDeclarations1767600000000 } from './migrations/1767600000000-tax-declarations';
import { ElectionWithdrawal1768100000000 } from './migrations/1768100000000-election-withdrawal';
import { AppointmentEndReason1768200000000 } from './migrations/1768200000000-appointment-end-reason';
import { WorkerPlaceHistory1768300000000 } from './migrations/1768300000000-worker-place-history';

export const WORKERS_ENTITIES = [
  ...MESSAGING_ENTITIES,
  ApiClientEntity,
  AppointmentEntity,
  CommunityBodyEntity,
  CommunityEntity,
  DistrictEntity,
  RefreshTokenEntity,
  SecondmentEntity,
  StreetEntity,
  UserEntity,
  WorkerEntity,
  WorkerEventEntity,
  WorkerLeaveEntity,
];

export const WORKERS_MIGRATIONS = [
  IdentityAndOrg1764150000000, WorkforceRegister1764200000000, TrainingBudgetPostings1764300000000, OrgTreeVersions1764310000000, StatusCalendar1764400000000,
  RefreshTokenFamily1765000000000, AuditStreet1765000000100, ResidentIdLastFour1765000000200,
  RecordedGrades1765300000000, Elections1765310000000, RecruitmentNotice1765320000000, WorkerNameGram1766700000000,
  RegisterCoveringIndexes1767000000000, WorkerNameGramPlace1767400000000, TaxDeclarations1767600000000, AuditAppendOnly1767700000000,
  ElectionWithdrawal1768100000000, AppointmentEndReason1768200000000, WorkerPlaceHistory1768300000000,
  WorkerPlannedTransfer1768400000000,
];

export const WORKERS_JOBS = [PruneRefreshTokensJob, ApplyStatusCalendarJob, ApplyGradeProgressionJob, ReencryptPiiJob];
/** Periodic work, registered at boot (`jobSchedule`). */
export const WORKERS_SCHEDULES = [PRUNE_REFRESH_TOKENS_SCHEDULE, STATUS_CALENDAR_SCHEDULE, GRADE_PROGRESSION_SCHEDULE];

export function workersService(config: ServiceConfig): ServiceDefinition {
  @Module({
    controllers: [
      AppointmentsController,
      AuthController,
      ElectionsController,
      GradePolicyController,
      IdentityAdminController,
      ImportExportController,
      OrgController,
      OrgTreeController,
      PiiKeysController,
      RecruitmentController,
      SecondmentsController,
      SnapshotsController,
      SpecialDeductionsController,
      TrainingController,
      WorkersController,
    ],
    imports: [
      MessagingModule.forRoot(config, { consumes: WORKERS_JOBS, producesTo: [WORKERS_EVENTS_QUEUE, WORKERS_EVENTS_SCHEDULER_COPY, BUDGET_POSTINGS_QUEUE], schedules: WORKERS_SCHEDULES }),
      PlatformModule.forRoot(config, { entities: WORKERS_ENTITIES, migrations: WORKERS_MIGRATIONS }),
    ],
    providers: [
      ApplyGradeProgressionHandler,
      ApplyStatusCalendarHandler,
      AppointmentsService,
      AuthService,
      ElectionsService,
      GradePolicyService,
      GradesService,
      IdentityAdminService,
      ImportExportService,
      MachineClientProvisioner,
      OrgService,
      OrgTreeService,
      PiiReencryption,
      PruneRefreshTokensHandler,
      QueueBoard,
      RecruitmentService,
      RegisterCountCache,
      RegisterGeneration,
      SecondmentsService,
      SnapshotsService,
      SpecialDeductionsService,
      TrainingService,
      WorkersService,
    ],
  })
  class WorkersModule {}

  return {
    config,
    module: WorkersModule,
    title: 'Community Workforce Suite — workers',
    description: 'The register: org tree, workers, appointments, training, secondments, recruitment; identity and access.',
    entities: WORKERS_ENTITIES,
    migrations: WORKERS_MIGRATIONS,
  };
}
