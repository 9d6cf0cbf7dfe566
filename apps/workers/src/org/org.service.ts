import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { conflict, notFound, placeOfCode, streetOf, validationError, type Principal } from '@cws/kernel';
import { applyScope } from '@cws/persistence';
import { assertIfMatch, AuditService, etagOf } from '@cws/platform';
import { formatRate } from '@cws/workers-contracts';
import { bodyName } from '@cws/workers-core';
import { AppointmentRepository } from '../appointments/appointment.repository';
import { auditHistory } from '../common/audit-history.reader';
import { WorkerRepository } from '../workers/worker.repository';
import { CommunityBodyRepository } from './community-body.repository';
import type { CreateCommunityDto, UpdateCommunityDto } from './org.dto';
import { CommunityEntity, DistrictEntity, StreetEntity } from './org.entities';

@Injectable()
export class OrgService {
  constructor(
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  listDistricts(principal: Principal): Promise<DistrictEntity[]> {
    const qb = this.dataSource.getRepository(DistrictEntity).createQueryBuilder('d').orderBy('d.code');
    return applyScope(qb, principal.scope, { district: 'd.code' }).getMany();
  }

  listStreets(principal: Principal, district?: string): Promise<StreetEntity[]> {
    const qb = this.dataSource.getRepository(StreetEntity).createQueryBuilder('s').orderBy('s.code');
    if (district) qb.andWhere('s.districtCode = :district', { district });
    return applyScope(qb, principal.scope, { district: 's.districtCode', street: 's.code' }).getMany();
  }

  listCommunities(principal: Principal, filter: { district?: string; street?: string }): Promise<CommunityEntity[]> {
    const qb = this.dataSource.getRepository(CommunityEntity).createQueryBuilder('c').orderBy('c.code');
    if (filter.district) qb.andWhere('c.districtCode = :district', { district: filter.district });
    if (filter.street) qb.andWhere('c.streetCode = :street', { street: filter.street });
    return applyScope(qb, principal.scope, { district: 'c.districtCode', street: 'c.streetCode' }).getMany();
  }

  async getCommunity(principal: Principal, code: string, m: EntityManager = this.dataSource.manager) {
    const community = await this.communityEntity(m, principal, code);
    const bodies = await CommunityBodyRepository.ofCommunity(m, code);
    const items: Array<{ code: string; name: string; category: string }> = await m.query('SELECT code, name, category FROM facility_item WHERE active = 1 AND required = 1 ORDER BY sort_order');
    const present = new Set(community.facilities ?? []);
    return { ...community, bodies, ...activityShare(community), missingFacilities: items.filter((i) => !present.has(i.code)).map((i) => i.code) };
  }

  private async communityEntity(m: EntityManager, principal: Principal, code: string, lock = false): Promise<CommunityEntity> {
    const qb = m.getRepository(CommunityEntity).createQueryBuilder('c').where('c.code = :code', { code });
    if (lock) qb.setLock('pessimistic_write');
    const community = await applyScope(qb, principal.scope, { district: 'c.districtCode', street: 'c.streetCode' }).getOne();
    if (!community) throw notFound('community', code);
    return community;
  }

  facilityItems() {
    return this.dataSource.query('SELECT code, name, category, sort_order AS sortOrder, required, active FROM facility_item ORDER BY sort_order');
  }

  /** A new community with its three bodies (三位一体). */
  async createCommunity(principal: Principal, dto: CreateCommunityDto) {
    // the street row is locked first (READ COMMITTED), so this serialises with the street's deactivation
    return this.dataSource.transaction('READ COMMITTED', async (m) => {
      const streetCode = placeOfCode(dto.code).street!; // a community code (12 digits, DTO-checked) names its street
      const qb = m.getRepository(StreetEntity).createQueryBuilder('s').where('s.code = :streetCode', { streetCode }).setLock('pessimistic_write');
      const street = await applyScope(qb, principal.scope, { district: 's.districtCode', street: 's.code' }).getOne();
      if (!street) throw notFound('street', streetCode);
      if (!street.active) throw conflict('STREET_INACTIVE', `street ${streetCode} is deactivated`);
      await this.checkFacilities(m, dto.facilities);
      this.checkAreas(dto.floorArea ?? '0', dto.activityArea ?? '0');
      const [exists] = await m.query('SELECT code FROM community WHERE code = ?', [dto.code]);
      if (exists) throw conflict('COMMUNITY_EXISTS', `community ${dto.code} exists`);
      await m.query(
        'INSERT INTO community (code, name, street_code, district_code, households, population, floor_area, activity_area, facilities) VALUES (?,?,?,?,?,?,?,?,?)',
        [dto.code, dto.name, streetCode, street.districtCode, dto.households ?? 0, dto.population ?? 0, dto.floorArea ?? '0.00', dto.activityArea ?? '0.00', JSON.stringify(dto.facilities ?? [])],
      );
      await CommunityBodyRepository.insertMany(m, (['PARTY', 'COMMITTEE', 'STATION'] as const).map((kind) => ({ communityCode: dto.code, kind, name: bodyName(dto.name, kind) })));
      const after = await this.getCommunity(principal, dto.code, m);
      await this.audit.record(m, { entity: 'community', entityId: dto.code, action: 'CREATE', after, districtCode: street.districtCode });
      return after;
    });
  }

  /** `ifMatch` (optional) is checked against the locked row's version before anything is written. */
  async updateCommunity(principal: Principal, code: string, dto: UpdateCommunityDto, ifMatch?: string) {
    return this.dataSource.transaction(async (m) => {
      const before = await this.communityEntity(m, principal, code, true);
      assertIfMatch(ifMatch, etagOf(before.version), 'community', code);
      if (before.version !== dto.version) throw conflict('STALE_VERSION', `community ${code} was changed by someone else (version ${before.version})`);
      await this.checkFacilities(m, dto.facilities);
      this.checkAreas(dto.floorArea ?? before.floorArea, dto.activityArea ?? before.activityArea);
      const { version: _v, facilities, ...rest } = dto;
      await m.getRepository(CommunityEntity).update({ code }, { ...rest, ...(facilities ? { facilities } : {}), version: before.version + 1 });
      const after = await this.communityEntity(m, principal, code);
      await this.audit.record(m, { entity: 'community', entityId: code, action: 'UPDATE', before, after, districtCode: before.districtCode });
      return this.getCommunity(principal, code, m);
    });
  }

  async setActive(principal: Principal, code: string, active: boolean, ifMatch?: string) {
    return this.dataSource.transaction('READ COMMITTED', async (m) => {
      if (active) {
        // parent first, as createCommunity does: a community comes back only under an active street
        const streetCode = streetOf(code);
        const [street] = streetCode ? await m.query('SELECT active FROM street WHERE code = ? FOR UPDATE', [streetCode]) : [];
        if (street && !Number(street.active)) throw conflict('STREET_INACTIVE', `street ${streetCode} is deactivated`);
      }
      const before = await this.communityEntity(m, principal, code, true);
      assertIfMatch(ifMatch, etagOf(before.version), 'community', code);
      await m.query('UPDATE community SET active = ?, version = version + 1 WHERE code = ?', [active ? 1 : 0, code]);
      await this.audit.record(m, { entity: 'community', entityId: code, action: active ? 'REACTIVATE' : 'DEACTIVATE', before: { active: before.active }, after: { active }, districtCode: before.districtCode });
      return this.getCommunity(principal, code, m);
    });
  }

  /** Deleting is only for a community created by mistake: once it has had workers it is deactivated instead. */
  async deleteCommunity(principal: Principal, code: string) {
    return this.dataSource.transaction(async (m) => {
      const before = await this.communityEntity(m, principal, code, true);
      const workers = await WorkerRepository.countInCommunity(m, code);
      const posts = await AppointmentRepository.countInCommunity(m, code);
      if (workers > 0 || posts > 0) throw conflict('COMMUNITY_HAS_WORKERS', 'This community has workers on record: deactivate it instead');
      await CommunityBodyRepository.deleteOfCommunity(m, code);
      await m.query('DELETE FROM community WHERE code = ?', [code]);
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
    const known = new Set((await m.query('SELECT code FROM facility_item')).map((r: { code: string }) => r.code));
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
