import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction } from '@cws/persistence';
import { conflict, districtOf, notFound, scopeCovers, type Principal } from '@cws/kernel';
import { bullConnection, type JobEnvelope } from '@cws/messaging';
import { AuditService, requestContext, SERVICE_CONFIG, type ServiceConfig } from '@cws/platform';
import { FinishGenerationJob, SolveRosterJob, type GenerationPublishedView, type GenerationView } from '@cws/scheduler-contracts';
import { FlowProducer } from 'bullmq';
import { WorkforceClient } from '../workforce/workforce.client';
import { RosterGenerationRepository, type GenerationRow } from './roster-generation.repository';
import { retryTakenVersion, RosterRepository } from './roster.repository';
import { RostersService } from './rosters.service';

/**
 * City-wide generation as a BullMQ flow: one child job per centre on the rosters queue (any number
 * of scheduler processes consume it, each solving one centre at a time per slot of concurrency), and
 * a parent that runs when every child has finished. Progress is read from the roster rows.
 */
@Injectable()
export class GenerationsService implements OnApplicationShutdown {
  private flows?: FlowProducer;

  constructor(
    private readonly dataSource: DataSource,
    private readonly rosters: RosterRepository,
    private readonly generations: RosterGenerationRepository,
    private readonly workforce: WorkforceClient,
    private readonly audit: AuditService,
    private readonly versions: RostersService,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  /** Closed last, after in-flight requests and jobs (which may still add a flow) have finished. */
  async onApplicationShutdown(): Promise<void> {
    await this.flows?.close();
  }

  /** Queues a new version for every active community in `scope` (a district or street code within the caller's scope; default: all of it). */
  async generate(p: Principal, token: string | undefined, month: string, requested?: string): Promise<GenerationView> {
    if (requested && !covers(p, requested)) throw notFound('scope', requested);
    const scope = requested ?? (p.scope.level === 'STREET' ? p.scope.street : p.scope.level === 'DISTRICT' ? p.scope.district : undefined);
    const communities = await this.workforce.communities(token, scope);
    const id = await inTransaction(this.dataSource, async (m) => {
      // One generation of a month and place in flight at a time: a double click, or a second city-wide run
      // while the first is solving, would solve every centre twice. The month lock makes the check exact.
      await this.generations.lockMonth(m, month);
      const busy = await this.rosters.firstWithQueued(m, await this.generations.running(m, month, scope ?? null));
      if (busy !== null) throw conflict('GENERATION_IN_PROGRESS', `generation ${busy} of ${month} is still solving centres in this scope; follow it, or generate again when it is done`, { generationId: busy });
      const gid = await this.generations.insert(m, { month, scopeCode: scope ?? null, total: communities.length, createdBy: p.name });
      const versions = await this.rosters.maxVersions(m, month, communities.map((c) => c.code));
      await this.rosters.insertMany(m, communities.map((c) => ({
        communityCode: c.code, districtCode: c.districtCode, streetCode: c.streetCode, month, reason: 'GENERATE' as const, basedOnId: null,
        generationId: gid, seed: 1, swap: null, createdBy: p.name, version: (versions.get(c.code) ?? 0) + 1,
      })));
      await this.audit.record(m, { entity: 'roster_generation', entityId: gid, action: 'QUEUE', after: { month, scope: scope ?? null, centres: communities.length } }, p);
      return gid;
    }, retryTakenVersion); // a single community's new version (RostersService) can still take a number first
    const ids = await this.rosters.idsOfGeneration(this.dataSource.manager, id);
    const meta = { requestId: requestContext.requestId() };
    const envelope = <P>(payload: P): JobEnvelope<P> => ({ payload, meta });
    this.flows ??= new FlowProducer({ connection: bullConnection(this.config.redisUrl) as never, prefix: this.config.queuePrefix });
    await this.flows.add({
      name: FinishGenerationJob.name,
      queueName: FinishGenerationJob.queue,
      data: envelope({ generationId: id }),
      opts: { jobId: `generation-${id}`, removeOnComplete: { age: 24 * 3600 } },
      children: ids.map((rosterId) => ({
        name: SolveRosterJob.name,
        queueName: SolveRosterJob.queue,
        data: envelope({ rosterId }),
        // Retries ride out a busy or rate-limited workers service (2 s … ≈ 4 min apart); a centre that still fails is
        // marked FAILED on its row and must not hold the parent back.
        opts: { jobId: `roster-${rosterId}`, attempts: 8, backoff: { type: 'exponential', delay: 2000 }, ignoreDependencyOnFailure: true, removeOnComplete: { age: 24 * 3600 }, removeOnFail: { age: 7 * 24 * 3600 } },
      })),
    });
    return this.get(p, id);
  }

  /** Publishes the drafts a finished generation made in the caller's scope (404 outside it; 409 while it still solves). */
  async publish(p: Principal, id: number): Promise<GenerationPublishedView> {
    const g = await this.get(p, id);
    if (g.status !== 'DONE') throw conflict('GENERATION_IN_PROGRESS', `generation ${id} still has centres to solve: publish its drafts when it is done`, { generationId: id });
    return this.versions.publishGeneration(p, id);
  }

  async get(p: Principal, id: number): Promise<GenerationView> {
    const m = this.dataSource.manager;
    const g = await this.generations.find(m, id);
    if (!g || !visible(p, g)) throw notFound('generation', id);
    const counts = await this.rosters.countByStatus(m, id);
    const queued = counts.QUEUED ?? 0;
    const failed = counts.FAILED ?? 0;
    const solved = g.total - queued - failed;
    return {
      id: g.id, month: g.month, scope: g.scopeCode, status: g.status, total: g.total, queued, solved, failed,
      progress: g.total === 0 ? 100 : Math.floor(((solved + failed) * 100) / g.total),
    };
  }
}

/** A district (6 digits) or street (9 digits) code inside the caller's scope. */
const covers = (p: Principal, code: string): boolean => scopeCovers(p.scope, districtOf(code), code.length === 9 ? code : null);

function visible(p: Principal, g: GenerationRow): boolean {
  return g.scopeCode ? covers(p, g.scopeCode) : p.scope.level === 'CITY';
}
