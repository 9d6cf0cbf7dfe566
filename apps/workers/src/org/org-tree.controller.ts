import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { District, OrgHistoryEntry, Street } from '@cws/workers-contracts';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cws/kernel';
import { apiArraySchema, apiSchema, CurrentPrincipal, Roles } from '@cws/platform';
import { CreateDistrictDto, CreateStreetDto, UpdateDistrictDto, UpdateStreetDto } from './org.dto';
import { OrgTreeService } from './org-tree.service';

/** Districts (CITY_ADMIN) and streets (CITY_ADMIN, DISTRICT_HR in scope): edits with history; out of scope = 404. */
@ApiTags('org')
@ApiBearerAuth()
@Controller('v1')
export class OrgTreeController {
  constructor(private readonly tree: OrgTreeService) {}

  @Get('districts/:code')
  @ApiOperation({ summary: '查看区县' })
  @ApiOkResponse({ schema: apiSchema(District) })
  district(@CurrentPrincipal() p: Principal, @Param('code') code: string) {
    return this.tree.district(p, code);
  }

  @Post('districts') @Roles('CITY_ADMIN')
  @ApiOperation({ summary: '新建区县', description: 'Create a district (city scope)' }) @ApiCreatedResponse({ schema: apiSchema(District) })
  createDistrict(@CurrentPrincipal() p: Principal, @Body() dto: CreateDistrictDto) {
    return this.tree.createDistrict(p, dto);
  }

  @Patch('districts/:code') @Roles('CITY_ADMIN')
  @ApiOperation({ summary: '修改区县', description: 'Rename / edit a district (optimistic version)' }) @ApiOkResponse({ schema: apiSchema(District) })
  updateDistrict(@CurrentPrincipal() p: Principal, @Param('code') code: string, @Body() dto: UpdateDistrictDto) {
    return this.tree.updateDistrict(p, code, dto);
  }

  @Post('districts/:code/deactivate') @HttpCode(200) @Roles('CITY_ADMIN')
  @ApiOperation({ summary: '停用区县', description: 'Deactivate a district (all its streets must be inactive)' }) @ApiOkResponse({ schema: apiSchema(District) })
  deactivateDistrict(@CurrentPrincipal() p: Principal, @Param('code') code: string) {
    return this.tree.setDistrictActive(p, code, false);
  }

  @Post('districts/:code/reactivate') @HttpCode(200) @Roles('CITY_ADMIN')
  @ApiOperation({ summary: '重新启用区县' })
  @ApiOkResponse({ schema: apiSchema(District) })
  reactivateDistrict(@CurrentPrincipal() p: Principal, @Param('code') code: string) {
    return this.tree.setDistrictActive(p, code, true);
  }

  @Delete('districts/:code') @HttpCode(204) @Roles('CITY_ADMIN')
  @ApiOperation({ summary: '删除误建的区县', description: 'Delete a district created by mistake (only without streets)' }) @ApiNoContentResponse()
  async deleteDistrict(@CurrentPrincipal() p: Principal, @Param('code') code: string) {
    await this.tree.deleteDistrict(p, code);
  }

  @Get('districts/:code/history')
  @ApiOperation({ summary: '区县变更历史' })
  @ApiOkResponse({ schema: apiArraySchema(OrgHistoryEntry) })
  districtHistory(@CurrentPrincipal() p: Principal, @Param('code') code: string) {
    return this.tree.districtHistory(p, code);
  }

  @Get('streets/:code')
  @ApiOperation({ summary: '查看街道' })
  @ApiOkResponse({ schema: apiSchema(Street) })
  street(@CurrentPrincipal() p: Principal, @Param('code') code: string) {
    return this.tree.street(p, code);
  }

  @Post('streets') @Roles('CITY_ADMIN', 'DISTRICT_HR')
  @ApiOperation({ summary: '新建街道', description: 'Create a street in an active district of your scope' }) @ApiCreatedResponse({ schema: apiSchema(Street) })
  createStreet(@CurrentPrincipal() p: Principal, @Body() dto: CreateStreetDto) {
    return this.tree.createStreet(p, dto);
  }

  @Patch('streets/:code') @Roles('CITY_ADMIN', 'DISTRICT_HR')
  @ApiOperation({ summary: '修改街道', description: 'Rename / edit a street (optimistic version)' }) @ApiOkResponse({ schema: apiSchema(Street) })
  updateStreet(@CurrentPrincipal() p: Principal, @Param('code') code: string, @Body() dto: UpdateStreetDto) {
    return this.tree.updateStreet(p, code, dto);
  }

  @Post('streets/:code/deactivate') @HttpCode(200) @Roles('CITY_ADMIN', 'DISTRICT_HR')
  @ApiOperation({ summary: '停用街道', description: 'Deactivate a street (all its communities must be inactive)' }) @ApiOkResponse({ schema: apiSchema(Street) })
  deactivateStreet(@CurrentPrincipal() p: Principal, @Param('code') code: string) {
    return this.tree.setStreetActive(p, code, false);
  }

  @Post('streets/:code/reactivate') @HttpCode(200) @Roles('CITY_ADMIN', 'DISTRICT_HR')
  @ApiOperation({ summary: '重新启用街道' })
  @ApiOkResponse({ schema: apiSchema(Street) })
  reactivateStreet(@CurrentPrincipal() p: Principal, @Param('code') code: string) {
    return this.tree.setStreetActive(p, code, true);
  }

  @Delete('streets/:code') @HttpCode(204) @Roles('CITY_ADMIN', 'DISTRICT_HR')
  @ApiOperation({ summary: '删除误建的街道', description: 'Delete a street created by mistake (only without communities)' }) @ApiNoContentResponse()
  async deleteStreet(@CurrentPrincipal() p: Principal, @Param('code') code: string) {
    await this.tree.deleteStreet(p, code);
  }

  @Get('streets/:code/history')
  @ApiOperation({ summary: '街道变更历史' })
  @ApiOkResponse({ schema: apiArraySchema(OrgHistoryEntry) })
  streetHistory(@CurrentPrincipal() p: Principal, @Param('code') code: string) {
    return this.tree.streetHistory(p, code);
  }
}
