import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { notFound, type Principal } from '@cws/kernel';
import { applyScope } from '@cws/persistence';
import { CommunityBodyEntity, CommunityEntity, DistrictEntity, StreetEntity } from './org.entities';

@Injectable()
export class OrgService {
  constructor(private readonly dataSource: DataSource) {}

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

  async getCommunity(principal: Principal, code: string): Promise<CommunityEntity & { bodies: CommunityBodyEntity[] }> {
    const qb = this.dataSource.getRepository(CommunityEntity).createQueryBuilder('c').where('c.code = :code', { code });
    const community = await applyScope(qb, principal.scope, { district: 'c.districtCode', street: 'c.streetCode' }).getOne();
    if (!community) throw notFound('community', code);
    const bodies = await this.dataSource.getRepository(CommunityBodyEntity).find({ where: { communityCode: code }, order: { id: 'ASC' } });
    return { ...community, bodies };
  }
}
