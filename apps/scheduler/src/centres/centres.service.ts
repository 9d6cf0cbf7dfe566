import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, type Principal } from '@cws/kernel';
import { inTransaction } from '@cws/persistence';
import { assertIfMatch, AuditService, etagOf } from '@cws/platform';
import { centreConfigIssues, defaultCentreConfig, type CentreConfig } from '@cws/scheduler-solver';
import { WorkforceClient } from '../workforce/workforce.client';
import { ServiceCentreRepository } from './service-centre.repository';
import type { ServiceCentreView } from '@cws/scheduler-contracts';

/**
 * A centre's entity tag: a hash of its stored set-up with `updatedAt`, so every save changes it; the
 * default shown for a community with none stored has its own tag, which a first save replaces.
 */
export const centreEtag = (c: { config: CentreConfig; updatedAt: string | null } | null): string => (c ? etagOf({ config: c.config, updatedAt: c.updatedAt }) : DEFAULT_ETAG);
const DEFAULT_ETAG = etagOf('default');

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

  /** `ifMatch` (optional): the ETag of the set-up as read (the default's, before a first save); stale → 412, nothing written. */
  async put(p: Principal, token: string | undefined, community: string, config: CentreConfig, ifMatch?: string): Promise<ServiceCentreView> {
    const issues = centreConfigIssues(config);
    if (issues.length) throw new DomainError('VALIDATION', 'CENTRE_CONFIG_INVALID', 'The centre configuration is not valid', issues);
    const place = await this.workforce.community(community, token);
    const clean: CentreConfig = {
      openingWindows: config.openingWindows, coverage: config.coverage, roles: config.roles, templates: config.templates, restDaysPer7: config.restDaysPer7,
    };
    // the row lock makes the audit's CREATE / UPDATE exact; two first saves deadlock on it, and the loser runs again
    await inTransaction(this.dataSource, async (m) => {
      const before = await this.centres.find(m, community, null, { lock: true });
      assertIfMatch(ifMatch, centreEtag(before), 'centre', community);
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
