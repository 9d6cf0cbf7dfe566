/**
 * Districts and streets: create, edit (optimistic version), deactivate/reactivate, delete only while
 * unused, history from the audit log. Each write locks the parent row first, then the row itself,
 * at READ COMMITTED (docs/CONVENTIONS.md), so a child created concurrently with a deactivation is
 * either seen by it or refused.
 */
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { conflict, DomainError, notFound, type Principal } from '@cws/kernel';
import { rethrowDuplicate } from '@cws/persistence';
import { AuditService } from '@cws/platform';
import { auditHistory } from '../common/audit-history.reader';
import type { CreateDistrictDto, CreateStreetDto, UpdateDistrictDto, UpdateStreetDto } from './org.dto';
import { CommunityRepository } from './community.repository';
import type { DistrictEntity, StreetEntity } from './org.entities';
import { DistrictRepository } from './district.repository';
import { StreetRepository } from './street.repository';

const view = <T extends { active: unknown }>(row: T): T => ({ ...row, active: !!Number(row.active) });

@Injectable()
export class OrgTreeService {
  constructor(
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  private tx<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('READ COMMITTED', fn);
  }

  // ---- districts (CITY_ADMIN; scope-filtered, so a district-scoped admin sees only its own) ----

  async district(p: Principal, code: string, m: EntityManager = this.dataSource.manager, lock = false): Promise<DistrictEntity> {
    const row = await DistrictRepository.inScope(m, p.scope, code, { lock });
    if (!row) throw notFound('district', code);
    return view(row);
  }

  createDistrict(p: Principal, dto: CreateDistrictDto) {
    if (p.scope.level !== 'CITY') throw new DomainError('FORBIDDEN', 'CITY_SCOPE_REQUIRED', 'Only the city creates districts');
    const exists = () => conflict('DISTRICT_EXISTS', `district ${dto.code} exists`);
    // a concurrent create of the same code may get there first (no parent row serialises districts): the same 409
    return this.tx(async (m) => {
      if (await DistrictRepository.lockIfExists(m, dto.code)) throw exists();
      await DistrictRepository.insert(m, dto.code, { name: dto.name, kind: dto.kind ?? 'DISTRICT' });
      const after = await this.district(p, dto.code, m);
      await this.audit.record(m, { entity: 'district', entityId: dto.code, action: 'CREATE', after, districtCode: dto.code });
      return after;
    }).catch((e) => rethrowDuplicate(e, exists(), 'PRIMARY'));
  }

  updateDistrict(p: Principal, code: string, dto: UpdateDistrictDto) {
    return this.tx(async (m) => {
      const before = await this.district(p, code, m, true);
      if (before.version !== dto.version) throw conflict('STALE_VERSION', `district ${code} was changed by someone else (version ${before.version})`);
      await DistrictRepository.update(m, code, { name: dto.name ?? before.name, kind: dto.kind ?? before.kind });
      const after = await this.district(p, code, m);
      await this.audit.record(m, { entity: 'district', entityId: code, action: 'UPDATE', before, after, districtCode: code });
      return after;
    });
  }

  /** A district is deactivated once all its streets are; reactivating needs nothing. */
  setDistrictActive(p: Principal, code: string, active: boolean) {
    return this.tx(async (m) => {
      const before = await this.district(p, code, m, true);
      if (!active) {
        const n = await StreetRepository.countInDistrict(m, code, { activeOnly: true });
        if (n > 0) throw conflict('DISTRICT_HAS_ACTIVE_STREETS', `district ${code} still has ${n} active streets: deactivate them first`, { activeStreets: n });
      }
      await DistrictRepository.setActive(m, code, active);
      const after = await this.district(p, code, m);
      await this.audit.record(m, { entity: 'district', entityId: code, action: active ? 'REACTIVATE' : 'DEACTIVATE', before, after, districtCode: code });
      return after;
    });
  }

  /** Only a district created by mistake (no streets) can be deleted. */
  deleteDistrict(p: Principal, code: string) {
    return this.tx(async (m) => {
      const before = await this.district(p, code, m, true);
      if ((await StreetRepository.countInDistrict(m, code)) > 0) throw conflict('DISTRICT_HAS_STREETS', `district ${code} has streets: deactivate it instead`);
      await DistrictRepository.delete(m, code);
      await this.audit.record(m, { entity: 'district', entityId: code, action: 'DELETE', before, districtCode: code });
    });
  }

  async districtHistory(p: Principal, code: string) {
    await this.district(p, code);
    return auditHistory(this.dataSource, 'district', code);
  }

  // ---- streets (CITY_ADMIN, DISTRICT_HR in scope; reads also by STREET_HR of the street) ----

  async street(p: Principal, code: string, m: EntityManager = this.dataSource.manager, lock = false): Promise<StreetEntity> {
    const row = await StreetRepository.inScope(m, p.scope, code, { lock });
    if (!row) throw notFound('street', code);
    return view(row);
  }

  createStreet(p: Principal, dto: CreateStreetDto) {
    return this.tx(async (m) => {
      const districtCode = dto.code.slice(0, 6);
      if (p.scope.level === 'STREET') throw notFound('district', districtCode);
      const district = await this.district(p, districtCode, m, true); // parent first: serialises with its deactivation
      if (!district.active) throw conflict('DISTRICT_INACTIVE', `district ${districtCode} is deactivated`);
      if (await StreetRepository.exists(m, dto.code)) throw conflict('STREET_EXISTS', `street ${dto.code} exists`);
      await StreetRepository.insert(m, dto.code, districtCode, { name: dto.name, kind: dto.kind ?? 'STREET' });
      const after = await this.street(p, dto.code, m);
      await this.audit.record(m, { entity: 'street', entityId: dto.code, action: 'CREATE', after, districtCode });
      return after;
    });
  }

  updateStreet(p: Principal, code: string, dto: UpdateStreetDto) {
    return this.tx(async (m) => {
      const before = await this.streetForWrite(m, p, code);
      if (before.version !== dto.version) throw conflict('STALE_VERSION', `street ${code} was changed by someone else (version ${before.version})`);
      await StreetRepository.update(m, code, { name: dto.name ?? before.name, kind: dto.kind ?? before.kind });
      const after = await this.street(p, code, m);
      await this.audit.record(m, { entity: 'street', entityId: code, action: 'UPDATE', before, after, districtCode: before.districtCode });
      return after;
    });
  }

  /** A street is deactivated once all its communities are; reactivating needs an active district. */
  setStreetActive(p: Principal, code: string, active: boolean) {
    return this.tx(async (m) => {
      const districtCode = code.slice(0, 6);
      if (active) {
        const district = await this.district(p, districtCode, m, true);
        if (!district.active) throw conflict('DISTRICT_INACTIVE', `district ${districtCode} is deactivated`);
      }
      const before = await this.streetForWrite(m, p, code);
      if (!active) {
        const n = await CommunityRepository.countInStreet(m, code, { activeOnly: true });
        if (n > 0) throw conflict('STREET_HAS_ACTIVE_COMMUNITIES', `street ${code} still has ${n} active communities: deactivate them first`, { activeCommunities: n });
      }
      await StreetRepository.setActive(m, code, active);
      const after = await this.street(p, code, m);
      await this.audit.record(m, { entity: 'street', entityId: code, action: active ? 'REACTIVATE' : 'DEACTIVATE', before, after, districtCode: before.districtCode });
      return after;
    });
  }

  /** Only a street created by mistake (no communities) can be deleted. */
  deleteStreet(p: Principal, code: string) {
    return this.tx(async (m) => {
      const before = await this.streetForWrite(m, p, code);
      if ((await CommunityRepository.countInStreet(m, code)) > 0) throw conflict('STREET_HAS_COMMUNITIES', `street ${code} has communities: deactivate it instead`);
      await StreetRepository.delete(m, code);
      await this.audit.record(m, { entity: 'street', entityId: code, action: 'DELETE', before, districtCode: before.districtCode });
    });
  }

  async streetHistory(p: Principal, code: string) {
    await this.street(p, code);
    return auditHistory(this.dataSource, 'street', code);
  }

  /** Street writes are for city and district HR; a street-scoped caller does not see it as writable (404). */
  private streetForWrite(m: EntityManager, p: Principal, code: string) {
    if (p.scope.level === 'STREET') throw notFound('street', code);
    return this.street(p, code, m, true);
  }
}
