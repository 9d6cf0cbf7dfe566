/** Everything that defines the budget service: its module, entities, migrations and jobs. */
import { Module } from '@nestjs/common';
import { PostExpenditureJob } from '@cws/budget-contracts';
import { MESSAGING_ENTITIES, MessagingModule } from '@cws/messaging';
import { PlatformModule, type ServiceConfig, type ServiceDefinition } from '@cws/platform';
import { AllocationEntity } from './allocations/allocation.entity';
import { AllocationRepository } from './allocations/allocation.repository';
import { AllocationsController } from './allocations/allocations.controller';
import { AllocationsService } from './allocations/allocations.service';
import { AppropriationEntity } from './appropriations/appropriation.entity';
import { AppropriationRepository } from './appropriations/appropriation.repository';
import { AppropriationsController } from './appropriations/appropriations.controller';
import { AppropriationsService } from './appropriations/appropriations.service';
import { RunningColumnsReader } from './books/running-columns.reader';
import { BooksController } from './books/books.controller';
import { BooksService } from './books/books.service';
import { CloseBooksHandler, CloseBooksJob, closeBooksSchedule } from './books/close-books.job';
import { LedgerCloseRepository } from './books/ledger-close.repository';
import { FiscalYearEntity } from './fiscal-years/fiscal-year.entity';
import { FiscalYearRepository } from './fiscal-years/fiscal-year.repository';
import { FiscalYearsController } from './fiscal-years/fiscal-years.controller';
import { FiscalYearsService } from './fiscal-years/fiscal-years.service';
import { IdempotencyKeyEntity } from './idempotency/idempotency-key.entity';
import { IdempotencyKeyRepository } from './idempotency/idempotency-key.repository';
import { IdempotencyPruneHandler, PRUNE_IDEMPOTENCY_KEYS_SCHEDULE, PruneIdempotencyKeysJob } from './idempotency/idempotency-prune.job';
import { IdempotencyService } from './idempotency/idempotency.service';
import { LedgerEntryEntity } from './ledger/ledger-entry.entity';
import { LedgerEntryRepository } from './ledger/ledger-entry.repository';
import { LedgerController } from './ledger/ledger.controller';
import { LedgerService } from './ledger/ledger.service';
import { BaseTables1764150000000 } from './migrations/1764150000000-base-tables';
import { AuditAppendOnly1767700000000 } from './migrations/1767700000000-audit-append-only';
import { BudgetLedger1764160000000 } from './migrations/1764160000000-budget-ledger';
import { PostingSourceRef1765200000000 } from './migrations/1765200000000-posting-source-ref';
import { LedgerCloses1768000000000 } from './migrations/1768000000000-ledger-closes';
import { CloseAppropriations1768100000000 } from './migrations/1768100000000-close-appropriations';
import { AuditStreet1765000000100 } from './migrations/1765000000100-audit-street';
import { PostingEntity } from './postings/posting.entity';
import { PostingRepository } from './postings/posting.repository';
import { PostingsController } from './postings/postings.controller';
import { PostingsService } from './postings/postings.service';
import { PostExpenditureHandler } from './postings-queue/post-expenditure.job';
import { UnmatchedPostingEntity } from './postings-queue/unmatched-posting.entity';
import { UnmatchedPostingRepository } from './postings-queue/unmatched-posting.repository';
import { UnmatchedPostingsController } from './postings-queue/unmatched-postings.controller';
import { UnmatchedPostingsService } from './postings-queue/unmatched-postings.service';
import { FundingStandardEntity, HouseholdCountEntity } from './reports/household.entities';
import { HouseholdRepository } from './reports/household.repository';
import { ReportsController } from './reports/reports.controller';
import { ReportsService } from './reports/reports.service';
import { BudgetStreamRepository } from './streams/budget-stream.repository';
import { StreamEntity } from './streams/stream.entity';
import { StreamsController } from './streams/streams.controller';

export const BUDGET_ENTITIES = [
  ...MESSAGING_ENTITIES,
  AllocationEntity,
  AppropriationEntity,
  FiscalYearEntity,
  FundingStandardEntity,
  HouseholdCountEntity,
  IdempotencyKeyEntity,
  LedgerEntryEntity,
  PostingEntity,
  StreamEntity,
  UnmatchedPostingEntity,
];

export const BUDGET_MIGRATIONS = [BaseTables1764150000000, BudgetLedger1764160000000, AuditStreet1765000000100, PostingSourceRef1765200000000, AuditAppendOnly1767700000000, LedgerCloses1768000000000, CloseAppropriations1768100000000];

export const BUDGET_JOBS = [CloseBooksJob, PostExpenditureJob, PruneIdempotencyKeysJob];

export function budgetService(config: ServiceConfig): ServiceDefinition {
  @Module({
    controllers: [
      AllocationsController,
      AppropriationsController,
      BooksController,
      FiscalYearsController,
      LedgerController,
      PostingsController,
      ReportsController,
      StreamsController,
      UnmatchedPostingsController,
    ],
    imports: [
      MessagingModule.forRoot(config, { consumes: BUDGET_JOBS, schedules: [PRUNE_IDEMPOTENCY_KEYS_SCHEDULE, closeBooksSchedule(config)] }),
      PlatformModule.forRoot(config, { entities: BUDGET_ENTITIES, migrations: BUDGET_MIGRATIONS }),
    ],
    providers: [
      RunningColumnsReader,
      AllocationRepository,
      AllocationsService,
      AppropriationRepository,
      AppropriationsService,
      BooksService,
      BudgetStreamRepository,
      CloseBooksHandler,
      FiscalYearRepository,
      FiscalYearsService,
      HouseholdRepository,
      IdempotencyKeyRepository,
      IdempotencyService,
      IdempotencyPruneHandler,
      LedgerCloseRepository,
      LedgerEntryRepository,
      LedgerService,
      PostExpenditureHandler,
      PostingRepository,
      PostingsService,
      ReportsService,
      UnmatchedPostingRepository,
      UnmatchedPostingsService,
    ],
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
