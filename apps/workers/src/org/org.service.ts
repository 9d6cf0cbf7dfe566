import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { conflict, notFound, placeOfCode, streetOf, validationError, type Principal } from '@cws/kernel';
import { assertIfMatch, AuditService, etagOf } from '@cws/platform';
import { type CommunityDetailView, type FacilityItemView, formatRate } from '@cws/workers-contracts';
import { bodyName } from '@cws/workers-core';
import { AppointmentRepository } from '../appointments/appointment.repository';
import { auditHistory } from '../common/audit-history.reader';
import { ElectionRepository } from '../elections/election.repository';
import { VacancyRepository } from '../recruitment/vacancy.repository';
import { TrainingClassRepository } from '../training/training-class.repository';
import { WorkerPlaceRepository } from '../workers/worker-place.repository';
import { WorkerRepository } from '../workers/worker.repository';
import { CommunityBodyRepository } from './community-body.repository';
import { CommunityRepository } from './community.repository';
import { DistrictRepository } from './district.repository';
import { FacilityItemRepository } from './facility-item.repository';
import { StreetRepository } from './street.repository';
import type { CreateCommunityDto, UpdateCommunityDto } from './org.dto';
import { CommunityEntity, DistrictEntity, StreetEntity } from './org.entities';

@Injectable()
export class OrgService {
  constructor(
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  listDistricts(principal: Principal): Promise<DistrictEntity[]> {
    return DistrictRepository.listInScope(this.dataSource.manager, principal.scope);
  }

  listStreets(principal: Principal, district?: string): Promise<StreetEntity[]> {
    return StreetRepository.listInScope(this.dataSource.manager, principal.scope, district);
  }

  listCommunities(principal: Principal, filter: { district?: string; street?: string }): Promise<CommunityEntity[]> {
    return CommunityRepository.listInScope(this.dataSource.manager, principal.scope, filter);
  }

  async getCommunity(principal: Principal, code: string, m: EntityManager = this.dataSource.manager): Promise<CommunityDetailView> {
    const community = await this.communityEntity(m, principal, code);
    const bodies = await CommunityBodyRepository.ofCommunity(m, code);
    const items = await FacilityItemRepository.requiredActive(m);
    const present = new Set(community.facilities ?? []);
    return { ...community, bodies, ...activityShare(community), missingFacilities: items.filter((i) => !present.has(i.code)).map((i) => i.code) };
  }

  private async communityEntity(m: EntityManager, principal: Principal, code: string, lock = false): Promise<CommunityEntity> {
    const community = await CommunityRepository.inScope(m, principal.scope, code, { lock });
    if (!community) throw notFound('community', code);
    return community;
  }

  facilityItems(): Promise<FacilityItemView[]> {
    return FacilityItemRepository.all(this.dataSource.manager);
  }

  /** A new community with its three bodies (三位一体). */
  async createCommunity(principal: Principal, dto: CreateCommunityDto): Promise<CommunityDetailView> {
    // the street row is locked first (READ COMMITTED), so this serialises with the street's deactivation
    return this.dataSource.transaction('READ COMMITTED', async (m) => {
      const streetCode = placeOfCode(dto.code).street!; // a community code (12 digits, DTO-checked) names its street
      const street = await StreetRepository.inScope(m, principal.scope, streetCode, { lock: true });
      if (!street) throw notFound('street', streetCode);
      if (!street.active) throw conflict('STREET_INACTIVE', `street ${streetCode} is deactivated`);
      await this.checkFacilities(m, dto.facilities);
      this.checkAreas(dto.floorArea ?? '0', dto.activityArea ?? '0');
      if (await CommunityRepository.exists(m, dto.code)) throw conflict('COMMUNITY_EXISTS', `community ${dto.code} exists`);
      await CommunityRepository.insert(m, {
        code: dto.code, name: dto.name, streetCode, districtCode: street.districtCode, households: dto.households ?? 0, population: dto.population ?? 0,
        floorArea: dto.floorArea ?? '0.00', activityArea: dto.activityArea ?? '0.00', facilities: dto.facilities ?? [],
      });
      await CommunityBodyRepository.insertMany(m, (['PARTY', 'COMMITTEE', 'STATION'] as const).map((kind) => ({ communityCode: dto.code, kind, name: bodyName(dto.name, kind) })));
      const after = await this.getCommunity(principal, dto.code, m);
      await this.audit.record(m, { entity: 'community', entityId: dto.code, action: 'CREATE', after, districtCode: street.districtCode });
      return after;
    });
  }

  /** `ifMatch` (optional) is checked against the locked row's version before anything is written. */
  async updateCommunity(principal: Principal, code: string, dto: UpdateCommunityDto, ifMatch?: string): Promise<CommunityDetailView> {
    return this.dataSource.transaction(async (m) => {
      const before = await this.communityEntity(m, principal, code, true);
      assertIfMatch(ifMatch, etagOf(before.version), 'community', code);
      if (before.version !== dto.version) throw conflict('STALE_VERSION', `community ${code} was changed by someone else (version ${before.version})`);
      await this.checkFacilities(m, dto.facilities);
      this.checkAreas(dto.floorArea ?? before.floorArea, dto.activityArea ?? before.activityArea);
      const { version: _v, facilities, ...rest } = dto;
      await CommunityRepository.update(m, code, { ...rest, ...(facilities ? { facilities } : {}) }, before.version + 1);
      const after = await this.communityEntity(m, principal, code);
      await this.audit.record(m, { entity: 'community', entityId: code, action: 'UPDATE', before, after, districtCode: before.districtCode });
      return this.getCommunity(principal, code, m);
    });
  }

  async setActive(principal: Principal, code: string, active: boolean, ifMatch?: string): Promise<CommunityDetailView> {
    return this.dataSource.transaction('READ COMMITTED', async (m) => {
      if (active) {
        // parent first, as createCommunity does: a community comes back only under an active street
        const streetCode = streetOf(code);
        const streetActive = streetCode ? await StreetRepository.lockActive(m, streetCode) : null;
        if (streetActive === false) throw conflict('STREET_INACTIVE', `street ${streetCode} is deactivated`);
      }
      const before = await this.communityEntity(m, principal, code, true);
      assertIfMatch(ifMatch, etagOf(before.version), 'community', code);
      if (!active) {
        // a worker planned to arrive would be moved into a community no longer in use: the plans go first
        const planned = await WorkerPlaceRepository.countPlannedInto(m, code);
        if (planned > 0) throw conflict('COMMUNITY_HAS_PLANNED_TRANSFERS', `${planned} workers are planned to transfer into community ${code}: cancel their transfers first`, { plannedTransfers: planned });
      }
      await CommunityRepository.setActive(m, code, active);
      await this.audit.record(m, { entity: 'community', entityId: code, action: active ? 'REACTIVATE' : 'DEACTIVATE', before: { active: before.active }, after: { active }, districtCode: before.districtCode });
      return this.getCommunity(principal, code, m);
    });
  }

  /** Deleting is only for a community created by mistake: once it has had workers it is deactivated instead. */
  async deleteCommunity(principal: Principal, code: string) {
    return this.dataSource.transaction(async (m) => {
      const before = await this.communityEntity(m, principal, code, true);
      // workers placed there now, and those who served there and were transferred out (their place history names it)
      const workers = (await WorkerRepository.countInCommunity(m, code)) + (await WorkerPlaceRepository.countInCommunity(m, code));
      const posts = await AppointmentRepository.countInCommunity(m, code);
      if (workers > 0 || posts > 0) throw conflict('COMMUNITY_HAS_WORKERS', 'This community has workers on record: deactivate it instead');
      // only a community created by mistake goes: any record naming it keeps it (deactivate instead); an election
      // row would otherwise fail the body's foreign key (a 500), a vacancy or a charged class be left pointing nowhere.
      // Their writes hold the community row shared (communityInScope `share`), so one in flight is counted here.
      const uses = { elections: await ElectionRepository.countInCommunity(m, code), vacancies: await VacancyRepository.countInCommunity(m, code), trainingClasses: await TrainingClassRepository.countChargedTo(m, code) };
      if (Object.values(uses).some((n) => n > 0)) throw conflict('COMMUNITY_IN_USE', 'Records name this community (elections, vacancies or training charged to it): deactivate it instead', { uses });
      await CommunityBodyRepository.deleteOfCommunity(m, code);
      await CommunityRepository.delete(m, code);
      await this.audit.record(m, { entity: 'community', entityId: code, action: 'DELETE', before, districtCode: before.districtCode });
    });
  }

  /** The community's change history, from the audit log. */
  async history(principal: Principal, code: string) {
    const c = await this.communityEntity(this.dataSource.manager, principal, code);
    return auditHistory(this.dataSource, 'community', c.code);
  }

  private async checkFacilities(m: EntityManager, codes?: string[]) {
    if (!codes?.length) return;
    const known = await FacilityItemRepository.codes(m);
    const i = codes.findIndex((c) => !known.has(c));
    if (i >= 0) throw validationError('UNKNOWN_FACILITY', `facilities[${i}]`, 'is not a configured facility item');
  }

  private checkAreas(floor: string, activity: string) {
    if (Number(activity) > Number(floor)) throw validationError('ACTIVITY_AREA_TOO_LARGE', 'activityArea', 'must not exceed the floor area');
  }
}

/** The notice asks that ≥ 60 % of the service centre serve residents' activities. */
export function activityShare(c: { floorArea: string; activityArea: string }): { activityShare: string; activityShareBelowTarget: boolean } {
  const floor = Math.round(Number(c.floorArea) * 100);
  const activity = Math.round(Number(c.activityArea) * 100);
  return { activityShare: formatRate(activity, floor), activityShareBelowTarget: floor === 0 || activity * 100 < floor * 60 };
}
