import { Body, Controller, Delete, Get, Headers, Param, Patch, Post, Query } from '@nestjs/common';
import {
  Community, CommunityDetail, District, FacilityItem, OrgHistoryEntry, Street, type CommunityView, type DistrictView, type StreetView,
} from '@cws/workers-contracts';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cws/kernel';
import { Answers, ApiIfMatch, Creates, CurrentPrincipal, DistrictFilter, etagOf, NoContent, Roles, StreetFilter, withEtag } from '@cws/platform';
import { CreateCommunityDto, UpdateCommunityDto } from './org.dto';
import { OrgService } from './org.service';

export class OrgFilterDto {
  @DistrictFilter() district?: string;
  @StreetFilter() street?: string;
}

@ApiTags('org')
@ApiBearerAuth()
@Controller('v1')
export class OrgController {
  constructor(private readonly org: OrgService) {}

  @Get('districts')
  @Answers([District], '区县列表')
  districts(@CurrentPrincipal() p: Principal): Promise<DistrictView[]> {
    return this.org.listDistricts(p);
  }

  @Get('streets')
  @Answers([Street], '街道列表')
  streets(@CurrentPrincipal() p: Principal, @Query() f: OrgFilterDto): Promise<StreetView[]> {
    return this.org.listStreets(p, f.district);
  }

  @Get('communities')
  @Answers([Community], '社区列表')
  communities(@CurrentPrincipal() p: Principal, @Query() f: OrgFilterDto): Promise<CommunityView[]> {
    return this.org.listCommunities(p, f);
  }

  /** ETag is the community's version: send it back in If-Match to edit safely. */
  @Get('communities/:code')
  @Answers(CommunityDetail, '查看社区')
  async community(@CurrentPrincipal() p: Principal, @Param('code') code: string) {
    const c = await this.org.getCommunity(p, code);
    return withEtag(c, etagOf(c.version));
  }

  @Get('facility-items')
  @Answers([FacilityItem], '社区设施项目列表')
  facilityItems() {
    return this.org.facilityItems();
  }

  @Post('communities')
  @Roles('CITY_ADMIN', 'DISTRICT_HR')
  @Creates(CommunityDetail, '新建社区')
  createCommunity(@CurrentPrincipal() p: Principal, @Body() dto: CreateCommunityDto) {
    return this.org.createCommunity(p, dto);
  }

  @Patch('communities/:code')
  @Roles('CITY_ADMIN', 'DISTRICT_HR', 'STREET_HR')
  @Answers(CommunityDetail, '修改社区')
  @ApiIfMatch()
  async updateCommunity(@CurrentPrincipal() p: Principal, @Param('code') code: string, @Body() dto: UpdateCommunityDto, @Headers('if-match') ifMatch?: string) {
    const c = await this.org.updateCommunity(p, code, dto, ifMatch);
    return withEtag(c, etagOf(c.version));
  }

  @Post('communities/:code/deactivate')
  @Roles('CITY_ADMIN', 'DISTRICT_HR')
  @Answers(CommunityDetail, '停用社区', 'Deactivate a community (409 COMMUNITY_HAS_PLANNED_TRANSFERS while transfers are planned into it)')
  @ApiIfMatch()
  async deactivate(@CurrentPrincipal() p: Principal, @Param('code') code: string, @Headers('if-match') ifMatch?: string) {
    const c = await this.org.setActive(p, code, false, ifMatch);
    return withEtag(c, etagOf(c.version));
  }

  @Post('communities/:code/reactivate')
  @Roles('CITY_ADMIN', 'DISTRICT_HR')
  @Answers(CommunityDetail, '重新启用社区')
  @ApiIfMatch()
  async reactivate(@CurrentPrincipal() p: Principal, @Param('code') code: string, @Headers('if-match') ifMatch?: string) {
    const c = await this.org.setActive(p, code, true, ifMatch);
    return withEtag(c, etagOf(c.version));
  }

  @Delete('communities/:code')
  @Roles('CITY_ADMIN', 'DISTRICT_HR')
  @NoContent('删除误建的社区')
  async remove(@CurrentPrincipal() p: Principal, @Param('code') code: string) {
    await this.org.deleteCommunity(p, code);
  }

  @Get('communities/:code/history')
  @Answers([OrgHistoryEntry], '社区变更历史')
  history(@CurrentPrincipal() p: Principal, @Param('code') code: string) {
    return this.org.history(p, code);
  }
}
