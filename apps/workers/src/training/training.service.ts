import { Injectable } from '@nestjs/common';
import { CITY_FUNDER, PostExpenditureJob, type CostPosting } from '@cws/budget-contracts';
import { conflict, formatMoney, notFound, parseMoney, validationError, type Principal } from '@cws/kernel';
import { OutboxService } from '@cws/messaging';
import { inTransaction, rethrowDuplicate } from '@cws/persistence';
import { AuditService } from '@cws/platform';
import {
  type CreatedTrainingClassView, type RecordedTrainingResultView, TrainingCompletedEvent, type ShortfallReportView, type TrainingClassView, type TrainingCourseView, type TrainingPostingStatus,
  type TrainingPostingView, type TrainingProviderView, type TrainingRuleView,
} from '@cws/workers-contracts';
import { formatTenths, parseTenths, trainingOwed } from '@cws/workers-core';
import { DataSource } from 'typeorm';
import { communityInScope } from '../common/org-scope';
import { TrainingClassRepository } from './training-class.repository';
import { TrainingCostPostingRepository } from './training-cost-posting.repository';
import { TrainingCourseRepository } from './training-course.repository';
import { TrainingProviderRepository } from './training-provider.repository';
import { TrainingRecordRepository } from './training-record.repository';
import { TrainingRuleRepository } from './training-rule.repository';
import { TrainingShortfallRepository } from './training-shortfall.repository';
import { refOf, WorkersService } from '../workers/workers.service';
import type { CreateClassDto, CreateCourseDto, CreateProviderDto, RecordTrainingDto, ShortfallQueryDto, TrainingRuleDto } from './training.dto';
import { assertPlaceFilterInScope } from '../common/access';

export const TRAINING_FUND = 'COMMUNITY_WORKER_TRAINING';

/** The budget's stable reference for a class's cost (with source TRAINING, its idempotency key there). */
export const trainingSourceRef = (classId: number) => `training-class:${classId}`;

@Injectable()
export class TrainingService {
  constructor(
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly workers: WorkersService,
  ) {}

  courses(): Promise<TrainingCourseView[]> {
    return TrainingCourseRepository.list(this.dataSource.manager);
  }

  createCourse(dto: CreateCourseDto): Promise<TrainingCourseView> {
    return this.dataSource.transaction(async (m) => {
      const id = await TrainingCourseRepository.insert(m, dto).catch((e) => rethrowDuplicate(e, conflict('COURSE_EXISTS', 'A course with this name exists')));
      await this.audit.record(m, { entity: 'training_course', entityId: id, action: 'CREATE', after: dto });
      return { id, ...dto };
    });
  }

  providers(): Promise<TrainingProviderView[]> {
    return TrainingProviderRepository.list(this.dataSource.manager);
  }

  createProvider(dto: CreateProviderDto): Promise<TrainingProviderView> {
    return this.dataSource.transaction(async (m) => {
      const id = await TrainingProviderRepository.insert(m, { name: dto.name, uscc: dto.uscc ?? null })
        .catch((e) => rethrowDuplicate(e, conflict('PROVIDER_EXISTS', 'A provider with this name exists')));
      await this.audit.record(m, { entity: 'training_provider', entityId: id, action: 'CREATE', after: dto });
      return { id, ...dto };
    });
  }

  /**
   * A class, and its cost posted to the budget service's TRAINING stream, in one transaction: the
   * cost posting row (history, scoped list) and the outbox event for `PostExpenditureJob`. Funder =
   * the organising district (CITY for a city class); the money comes from that funder's TRAINING
   * allocation to the charge community, in the fiscal year the class starts. The budget books it
   * once by (TRAINING, `training-class:<id>`) however often the relay delivers it.
   */
  createClass(p: Principal, dto: CreateClassDto) {
    if (dto.endDate < dto.startDate) throw validationError('CLASS_ENDS_BEFORE_START', 'endDate', 'must not be before startDate');
    const districtCode = dto.districtCode ?? (p.scope.level === 'CITY' ? null : p.scope.district!);
    if (p.scope.level !== 'CITY' && districtCode !== p.scope.district) throw notFound('district', dto.districtCode ?? '');
    const costFen = parseMoney(dto.cost);
    if (costFen > 0n && !dto.chargeCommunityCode) {
      throw validationError('CHARGE_COMMUNITY_REQUIRED', 'chargeCommunityCode', 'a class with a cost names the community whose training allocation pays');
    }
    return this.dataSource.transaction(async (m) => {
      if (!(await TrainingCourseRepository.exists(m, dto.courseId))) throw validationError('COURSE_NOT_FOUND', 'courseId', 'does not exist');
      if (!(await TrainingProviderRepository.exists(m, dto.providerId))) throw validationError('PROVIDER_NOT_FOUND', 'providerId', 'does not exist');
      const charge = dto.chargeCommunityCode ? await communityInScope(m, p, dto.chargeCommunityCode, { share: true }) : null;
      if (charge && districtCode && charge.districtCode !== districtCode) {
        throw validationError('CHARGE_COMMUNITY_OUTSIDE_DISTRICT', 'chargeCommunityCode', `must be a community of the organising district ${districtCode}`);
      }
      const id = await TrainingClassRepository.insert(m, {
        courseId: dto.courseId, providerId: dto.providerId, title: dto.title, startDate: dto.startDate, endDate: dto.endDate, hours: dto.hours, cost: dto.cost,
        districtCode, chargeCommunityCode: charge?.code ?? null,
      });
      let posting: CreatedTrainingClassView['posting'] = null;
      if (charge && costFen > 0n) {
        const cost: CostPosting = {
          source: 'TRAINING',
          sourceRef: trainingSourceRef(id),
          fiscalYear: Number(dto.startDate.slice(0, 4)),
          funder: districtCode ?? CITY_FUNDER,
          stream: 'TRAINING',
          communityCode: charge.code,
          streetCode: charge.streetCode,
          districtCode: charge.districtCode,
          amount: formatMoney(costFen),
          category: 'TRAINING',
          description: `社区工作者培训：${dto.title}`.slice(0, 200),
        };
        const outboxId = await this.outbox.add(m, PostExpenditureJob, cost);
        await TrainingCostPostingRepository.insert(m, {
          classId: id, fund: TRAINING_FUND, amount: cost.amount, fiscalYear: cost.fiscalYear, funder: cost.funder, stream: cost.stream, districtCode,
          streetCode: charge.streetCode, communityCode: charge.code, idempotencyKey: `workers:training-class:${id}`, sourceRef: cost.sourceRef, outboxEventId: outboxId,
        });
        posting = { sourceRef: cost.sourceRef, fiscalYear: cost.fiscalYear, funder: cost.funder, stream: 'TRAINING', communityCode: charge.code, amount: cost.amount, status: 'PENDING' };
      }
      const after = { ...dto, districtCode, chargeCommunityCode: charge?.code ?? null };
      await this.audit.record(m, { entity: 'training_class', entityId: id, action: 'CREATE', after: { ...after, posting }, districtCode });
      return { id, ...after, posting };
    });
  }

  async classes(p: Principal): Promise<TrainingClassView[]> {
    return TrainingClassRepository.list(this.dataSource.manager, p.scope);
  }

  /** A worker's result in a class; a pass earns the class hours and publishes training.completed. */
  record(p: Principal, classId: number, dto: RecordTrainingDto): Promise<RecordedTrainingResultView> {
    return this.dataSource.transaction(async (m) => {
      const k = await TrainingClassRepository.find(m, classId);
      if (!k || (p.scope.level !== 'CITY' && k.districtCode && k.districtCode !== p.scope.district)) throw notFound('training_class', classId);
      const worker = await this.workers.workerInScope(m, p, dto.workerId);
      const hours = dto.result === 'PASS' ? k.hours : '0.0';
      await TrainingRecordRepository.insert(m, {
        classId, workerId: worker.id, result: dto.result, hours, certificateNo: dto.certificateNo ?? null, completedOn: k.endDate,
      }).catch((e) => rethrowDuplicate(e, conflict('TRAINING_ALREADY_RECORDED', 'This worker already has a result for this class')));
      await this.audit.record(m, { entity: 'training_record', entityId: `${classId}:${worker.id}`, action: 'CREATE', after: { classId, ...dto, hours }, districtCode: worker.districtCode });
      if (dto.result === 'PASS') {
        await this.outbox.add(m, TrainingCompletedEvent, { ...refOf(worker), classId, hours, year: Number(String(k.endDate).slice(0, 4)) });
      }
      return { classId, workerId: worker.id, result: dto.result, hours, certificateNo: dto.certificateNo ?? null };
    });
  }

  async setRule(p: Principal, year: number, dto: TrainingRuleDto): Promise<TrainingRuleView> {
    if (p.scope.level !== 'CITY') throw conflict('CITY_RULE', 'The yearly training requirement is set by the city');
    // locked, so the audit says CREATE once; two first saves of a year deadlock on the lock, and the loser runs again
    return inTransaction(this.dataSource, async (m) => {
      const before = await TrainingRuleRepository.find(m, year, { lock: true });
      await TrainingRuleRepository.upsert(m, { year, requiredHours: dto.requiredHours, source: dto.source });
      await this.audit.record(m, { entity: 'training_rule', entityId: year, action: before ? 'UPDATE' : 'CREATE', before: before ?? null, after: { year, ...dto } });
      return { year, ...dto };
    });
  }

  /** Active workers (employed through the year's end) whose passed hours fall short of the year's rule, grouped by community. */
  async shortfall(p: Principal, q: ShortfallQueryDto): Promise<ShortfallReportView> {
    assertPlaceFilterInScope(p, q.community ?? q.street ?? q.district);
    const rule = await TrainingRuleRepository.find(this.dataSource.manager, q.year);
    if (!rule) throw notFound('training_rule', q.year);
    const requiredHours = String(rule.requiredHours);
    const m = this.dataSource.manager;
    const [members, secondedIn] = await Promise.all([
      TrainingShortfallRepository.fullTimeMembersBelow(m, p.scope, q.year, requiredHours, q),
      TrainingShortfallRepository.secondedInMembers(m, p.scope, q.year, q),
    ]);
    // what each owes: the requirement pro-rated by the months they belonged to the register that year
    const workers = members.flatMap((w) => {
      const owed = trainingOwed(requiredHours, w.hireDate, w.leftDate, q.year);
      const short = parseTenths(owed.owedHours) - parseTenths(w.hours);
      if (short <= 0) return [];
      return [{
        ...w, owedHours: owed.owedHours, shortBy: formatTenths(short), monthsEmployed: owed.months, employedFrom: owed.from, employedTo: owed.to,
        basis: owed.basis, reason: owed.reason,
      }];
    });
    const byCommunity = new Map<string, { districtCode: string; streetCode: string; communityCode: string; short: number }>();
    for (const r of workers) {
      const e = byCommunity.get(r.communityCode) ?? { districtCode: r.districtCode, streetCode: r.streetCode, communityCode: r.communityCode, short: 0 };
      e.short++;
      byCommunity.set(r.communityCode, e);
    }
    return {
      year: q.year, requiredHours, source: rule.source,
      rule: 'owed = requiredHours × months employed in the year ÷ 12 (a month counts when employed on any of its days; tenths, half up); membership by hire and leaving dates, not today\'s status; seconded-in cadres excluded',
      excluded: { secondedIn },
      communities: [...byCommunity.values()],
      workers,
    };
  }

  /** Training cost postings; status is read from the outbox event that carries each one. */
  async postings(p: Principal, status?: TrainingPostingStatus): Promise<TrainingPostingView[]> {
    return TrainingCostPostingRepository.list(this.dataSource.manager, p.scope, status);
  }
}
