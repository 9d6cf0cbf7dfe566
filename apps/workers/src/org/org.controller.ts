import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  Community, CommunityDetail, District, FacilityItem, OrgHistoryEntry, Street, type CommunityView, type DistrictView, type StreetView,
} from '@cws/workers-contracts';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cws/kernel';
import { apiArraySchema, ApiIfMatch, apiSchema, CurrentPrincipal, DistrictFilter, etagOf, Roles, StreetFilter, withEtag } from '@cws/platform';
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
  @ApiOperation({ summary: '区县列表' })
  @ApiOkResponse({ schema: apiArraySchema(District) })
  districts(@CurrentPrincipal() p: Principal): Promise<DistrictView[]> {
    return this.org.listDistricts(p);
  }

  @Get('streets')
  @ApiOperation({ summary: '街道列表' })
  @ApiOkResponse({ schema: apiArraySchema(Street) })
  streets(@CurrentPrincipal() p: Principal, @Query() f: OrgFilterDto): Promise<StreetView[]> {
    return this.org.listStreets(p, f.district);
  }

  @Get('communities')
  @ApiOperation({ summary: '社区列表' })
  @ApiOkResponse({ schema: apiArraySchema(Community) })
  communities(@CurrentPrincipal() p: Principal, @Query() f: OrgFilterDto): Promise<CommunityView[]> {
    return this.org.listCommunities(p, f);
  }

  /** ETag is the community's version: send it back in If-Match to edit safely. */
  @Get('communities/:code')
  @ApiOperation({ summary: '查看社区' })
  @ApiOkResponse({ schema: apiSchema(CommunityDetail) })
  async community(@CurrentPrincipal() p: Principal, @Param('code') code: string) {
    const c = await this.org.getCommunity(p, code);
    return withEtag(c, etagOf(c.version));
  }

  @Get('facility-items')
  @ApiOperation({ summary: '社区设施项目列表' })
  @ApiOkResponse({ schema: apiArraySchema(FacilityItem) })
  facilityItems() {
    return this.org.facilityItems();
  }

  @Post('communities')
  @ApiOperation({ summary: '新建社区' })
  @Roles('CITY_ADMIN', 'DISTRICT_HR')
  @ApiCreatedResponse({ schema: apiSchema(CommunityDetail) })
  createCommunity(@CurrentPrincipal() p: Principal, @Body() dto: CreateCommunityDto) {
    return this.org.createCommunity(p, dto);
  }

  @Patch('communities/:code')
  @ApiOperation({ summary: '修改社区' })
  @Roles('CITY_ADMIN', 'DISTRICT_HR', 'STREET_HR')
  @ApiIfMatch()
  @ApiOkResponse({ schema: apiSchema(CommunityDetail) })
  async updateCommunity(@CurrentPrincipal() p: Principal, @Param('code') code: string, @Body() dto: UpdateCommunityDto, @Headers('if-match') ifMatch?: string) {
    const c = await this.org.updateCommunity(p, code, dto, ifMatch);
    return withEtag(c, etagOf(c.version));
  }

  @Post('communities/:code/deactivate')
  @ApiOperation({ summary: '停用社区' })
  @HttpCode(200)
  @Roles('CITY_ADMIN', 'DISTRICT_HR')
  @ApiIfMatch()
  @ApiOkResponse({ schema: apiSchema(CommunityDetail) })
  async deactivate(@CurrentPrincipal() p: Principal, @Param('code') code: string, @Headers('if-match') ifMatch?: string) {
    const c = await this.org.setActive(p, code, false, ifMatch);
    return withEtag(c, etagOf(c.version));
  }

  @Post('communities/:code/reactivate')
  @ApiOperation({ summary: '重新启用社区' })
  @HttpCode(200)
  @Roles('CITY_ADMIN', 'DISTRICT_HR')
  @ApiIfMatch()
  @ApiOkResponse({ schema: apiSchema(CommunityDetail) })
  async reactivate(@CurrentPrincipal() p: Principal, @Param('code') code: string, @Headers('if-match') ifMatch?: string) {
    const c = await this.org.setActive(p, code, true, ifMatch);
    return withEtag(c, etagOf(c.version));
  }

  @Delete('communities/:code')
  @ApiOperation({ summary: '删除误建的社区' })
  @HttpCode(204)
  @Roles('CITY_ADMIN', 'DISTRICT_HR')
  async remove(@CurrentPrincipal() p: Principal, @Param('code') code: string) {
    await this.org.deleteCommunity(p, code);
  }

  @Get('communities/:code/history')
  @ApiOperation({ summary: '社区变更历史' })
  @ApiOkResponse({ schema: apiArraySchema(OrgHistoryEntry) })
  history(@CurrentPrincipal() p: Principal, @Param('code') code: string) {
    return this.org.history(p, code);
  }
}
