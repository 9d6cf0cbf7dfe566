import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, type Principal } from '@cws/kernel';
import { inTransaction } from '@cws/persistence';
import { AuditService } from '@cws/platform';
import { centreConfigIssues, defaultCentreConfig, type CentreConfig } from '@cws/scheduler-solver';
import { WorkforceClient } from '../workforce/workforce.client';
import { ServiceCentreRepository } from './service-centre.repository';
import type { ServiceCentreView } from '@cws/scheduler-contracts';

/** A community's service centre: opening windows, coverage profile, roles on duty, shift templates. */
@Injectable()
export class CentresService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly centres: ServiceCentreRepository,
    private readonly workforce: WorkforceClient,
    private readonly audit: AuditService,
  ) {}

  /** The stored set-up, or the notice's default for a community that has none (still 404 outside the caller's scope). */
  async get(p: Principal, token: string | undefined, community: string): Promise<ServiceCentreView> {
    const stored = await this.centres.find(this.dataSource.manager, community, p.scope);
    if (stored) return { ...stored, isDefault: false };
    const place = await this.workforce.community(community, token);
    return { communityCode: place.code, districtCode: place.districtCode, streetCode: place.streetCode, config: defaultCentreConfig(), updatedAt: null, updatedBy: null, isDefault: true };
  }

  async put(p: Principal, token: string | undefined, community: string, config: CentreConfig): Promise<ServiceCentreView> {
    const issues = centreConfigIssues(config);
    if (issues.length) throw new DomainError('VALIDATION', 'CENTRE_CONFIG_INVALID', 'The centre configuration is not valid', issues);
    const place = await this.workforce.community(community, token);
    const clean: CentreConfig = {
      openingWindows: config.openingWindows, coverage: config.coverage, roles: config.roles, templates: config.templates, restDaysPer7: config.restDaysPer7,
    };
    // the row lock makes the audit's CREATE / UPDATE exact; two first saves deadlock on it, and the loser runs again
    await inTransaction(this.dataSource, async (m) => {
      const before = await this.centres.find(m, community, null, { lock: true });
      await this.centres.upsert(m, { communityCode: place.code, districtCode: place.districtCode, streetCode: place.streetCode, config: clean, updatedBy: p.name });
      await this.audit.record(m, { entity: 'service_centre', entityId: community, action: before ? 'UPDATE' : 'CREATE', before: before?.config ?? null, after: clean, districtCode: place.districtCode }, p);
    });
    return this.get(p, token, community);
  }

  /** For the solver: the stored config or the default. */
  async configFor(community: string): Promise<CentreConfig> {
    return (await this.centres.find(this.dataSource.manager, community, null))?.config ?? defaultCentreConfig();
  }
}
