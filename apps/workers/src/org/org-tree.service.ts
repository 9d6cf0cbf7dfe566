/**
 * Districts and streets: create, edit (optimistic version), deactivate/reactivate, delete only while
 * unused, history from the audit log. Each write locks the parent row first, then the row itself,
 * at READ COMMITTED (docs/CONVENTIONS.md), so a child created concurrently with a deactivation is
 * either seen by it or refused.
 */
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { conflict, DomainError, notFound, type Principal } from '@cws/kernel';
import { applyScope } from '@cws/persistence';
import { AuditService } from '@cws/platform';
import { auditHistory } from '../common/audit-history.reader';
import type { CreateDistrictDto, CreateStreetDto, UpdateDistrictDto, UpdateStreetDto } from './org.dto';
import { DistrictEntity, StreetEntity } from './org.entities';

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
    const qb = m.getRepository(DistrictEntity).createQueryBuilder('d').where('d.code = :code', { code });
    if (lock) qb.setLock('pessimistic_write');
    const row = await applyScope(qb, p.scope, { district: 'd.code' }).getOne();
    if (!row) throw notFound('district', code);
    return view(row);
  }

  createDistrict(p: Principal, dto: CreateDistrictDto) {
    if (p.scope.level !== 'CITY') throw new DomainError('FORBIDDEN', 'CITY_SCOPE_REQUIRED', 'Only the city creates districts');
    return this.tx(async (m) => {
      const [exists] = await m.query('SELECT code FROM district WHERE code = ? FOR UPDATE', [dto.code]);
      if (exists) throw conflict('DISTRICT_EXISTS', `district ${dto.code} exists`);
      await m.query('INSERT INTO district (code, name, kind) VALUES (?,?,?)', [dto.code, dto.name, dto.kind ?? 'DISTRICT']);
      const after = await this.district(p, dto.code, m);
      await this.audit.record(m, { entity: 'district', entityId: dto.code, action: 'CREATE', after, districtCode: dto.code });
      return after;
    });
  }

  updateDistrict(p: Principal, code: string, dto: UpdateDistrictDto) {
    return this.tx(async (m) => {
      const before = await this.district(p, code, m, true);
      if (before.version !== dto.version) throw conflict('STALE_VERSION', `district ${code} was changed by someone else (version ${before.version})`);
      await m.query('UPDATE district SET name = ?, kind = ?, version = version + 1 WHERE code = ?', [dto.name ?? before.name, dto.kind ?? before.kind, code]);
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
        const [{ n }] = await m.query('SELECT COUNT(*) AS n FROM street WHERE district_code = ? AND active = 1', [code]);
        if (Number(n) > 0) throw conflict('DISTRICT_HAS_ACTIVE_STREETS', `district ${code} still has ${n} active streets: deactivate them first`, { activeStreets: Number(n) });
      }
      await m.query('UPDATE district SET active = ?, version = version + 1 WHERE code = ?', [active ? 1 : 0, code]);
      const after = await this.district(p, code, m);
      await this.audit.record(m, { entity: 'district', entityId: code, action: active ? 'REACTIVATE' : 'DEACTIVATE', before, after, districtCode: code });
      return after;
    });
  }

  /** Only a district created by mistake (no streets) can be deleted. */
  deleteDistrict(p: Principal, code: string) {
    return this.tx(async (m) => {
      const before = await this.district(p, code, m, true);
      const [{ n }] = await m.query('SELECT COUNT(*) AS n FROM street WHERE district_code = ?', [code]);
      if (Number(n) > 0) throw conflict('DISTRICT_HAS_STREETS', `district ${code} has streets: deactivate it instead`);
      await m.query('DELETE FROM district WHERE code = ?', [code]);
      await this.audit.record(m, { entity: 'district', entityId: code, action: 'DELETE', before, districtCode: code });
    });
  }

  async districtHistory(p: Principal, code: string) {
    await this.district(p, code);
    return auditHistory(this.dataSource, 'district', code);
  }

  // ---- streets (CITY_ADMIN, DISTRICT_HR in scope; reads also by STREET_HR of the street) ----

  async street(p: Principal, code: string, m: EntityManager = this.dataSource.manager, lock = false): Promise<StreetEntity> {
    const qb = m.getRepository(StreetEntity).createQueryBuilder('s').where('s.code = :code', { code });
    if (lock) qb.setLock('pessimistic_write');
    const row = await applyScope(qb, p.scope, { district: 's.districtCode', street: 's.code' }).getOne();
    if (!row) throw notFound('street', code);
    return view(row);
  }

  createStreet(p: Principal, dto: CreateStreetDto) {
    return this.tx(async (m) => {
      const districtCode = dto.code.slice(0, 6);
      if (p.scope.level === 'STREET') throw notFound('district', districtCode);
      const district = await this.district(p, districtCode, m, true); // parent first: serialises with its deactivation
      if (!district.active) throw conflict('DISTRICT_INACTIVE', `district ${districtCode} is deactivated`);
      const [exists] = await m.query('SELECT code FROM street WHERE code = ?', [dto.code]);
      if (exists) throw conflict('STREET_EXISTS', `street ${dto.code} exists`);
      await m.query('INSERT INTO street (code, name, district_code, kind) VALUES (?,?,?,?)', [dto.code, dto.name, districtCode, dto.kind ?? 'STREET']);
      const after = await this.street(p, dto.code, m);
      await this.audit.record(m, { entity: 'street', entityId: dto.code, action: 'CREATE', after, districtCode });
      return after;
    });
  }

  updateStreet(p: Principal, code: string, dto: UpdateStreetDto) {
    return this.tx(async (m) => {
      const before = await this.streetForWrite(m, p, code);
      if (before.version !== dto.version) throw conflict('STALE_VERSION', `street ${code} was changed by someone else (version ${before.version})`);
      await m.query('UPDATE street SET name = ?, kind = ?, version = version + 1 WHERE code = ?', [dto.name ?? before.name, dto.kind ?? before.kind, code]);
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
        const [{ n }] = await m.query('SELECT COUNT(*) AS n FROM community WHERE street_code = ? AND active = 1', [code]);
        if (Number(n) > 0) throw conflict('STREET_HAS_ACTIVE_COMMUNITIES', `street ${code} still has ${n} active communities: deactivate them first`, { activeCommunities: Number(n) });
      }
      await m.query('UPDATE street SET active = ?, version = version + 1 WHERE code = ?', [active ? 1 : 0, code]);
      const after = await this.street(p, code, m);
      await this.audit.record(m, { entity: 'street', entityId: code, action: active ? 'REACTIVATE' : 'DEACTIVATE', before, after, districtCode: before.districtCode });
      return after;
    });
  }

  /** Only a street created by mistake (no communities) can be deleted. */
  deleteStreet(p: Principal, code: string) {
    return this.tx(async (m) => {
      const before = await this.streetForWrite(m, p, code);
      const [{ n }] = await m.query('SELECT COUNT(*) AS n FROM community WHERE street_code = ?', [code]);
      if (Number(n) > 0) throw conflict('STREET_HAS_COMMUNITIES', `street ${code} has communities: deactivate it instead`);
      await m.query('DELETE FROM street WHERE code = ?', [code]);
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
