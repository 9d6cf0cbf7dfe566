import { Body, Controller, Delete, Get, Param, Patch, Post } from '@nestjs/common';
import { District, OrgHistoryEntry, Street } from '@cws/workers-contracts';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cws/kernel';
import { Answers, Creates, CurrentPrincipal, NoContent, Roles } from '@cws/platform';
import { CreateDistrictDto, CreateStreetDto, UpdateDistrictDto, UpdateStreetDto } from './org.dto';
import { OrgTreeService } from './org-tree.service';

/** Districts (CITY_ADMIN) and streets (CITY_ADMIN, DISTRICT_HR in scope): edits with history; out of scope = 404. */
@ApiTags('org')
@ApiBearerAuth()
@Controller('v1')
export class OrgTreeController {
  constructor(private readonly tree: OrgTreeService) {}

  @Get('districts/:code')
  @Answers(District, '查看区县')
  district(@CurrentPrincipal() p: Principal, @Param('code') code: string) {
    return this.tree.district(p, code);
  }

  @Post('districts') @Roles('CITY_ADMIN')
  @Creates(District, '新建区县', 'Create a district (city scope)')
  createDistrict(@CurrentPrincipal() p: Principal, @Body() dto: CreateDistrictDto) {
    return this.tree.createDistrict(p, dto);
  }

  @Patch('districts/:code') @Roles('CITY_ADMIN')
  @Answers(District, '修改区县', 'Rename / edit a district (optimistic version)')
  updateDistrict(@CurrentPrincipal() p: Principal, @Param('code') code: string, @Body() dto: UpdateDistrictDto) {
    return this.tree.updateDistrict(p, code, dto);
  }

  @Post('districts/:code/deactivate') @Roles('CITY_ADMIN')
  @Answers(District, '停用区县', 'Deactivate a district (all its streets must be inactive)')
  deactivateDistrict(@CurrentPrincipal() p: Principal, @Param('code') code: string) {
    return this.tree.setDistrictActive(p, code, false);
  }

  @Post('districts/:code/reactivate') @Roles('CITY_ADMIN')
  @Answers(District, '重新启用区县')
  reactivateDistrict(@CurrentPrincipal() p: Principal, @Param('code') code: string) {
    return this.tree.setDistrictActive(p, code, true);
  }

  @Delete('districts/:code') @Roles('CITY_ADMIN')
  @NoContent('删除误建的区县', 'Delete a district created by mistake (only without streets)')
  async deleteDistrict(@CurrentPrincipal() p: Principal, @Param('code') code: string) {
    await this.tree.deleteDistrict(p, code);
  }

  @Get('districts/:code/history')
  @Answers([OrgHistoryEntry], '区县变更历史')
  districtHistory(@CurrentPrincipal() p: Principal, @Param('code') code: string) {
    return this.tree.districtHistory(p, code);
  }

  @Get('streets/:code')
  @Answers(Street, '查看街道')
  street(@CurrentPrincipal() p: Principal, @Param('code') code: string) {
    return this.tree.street(p, code);
  }

  @Post('streets') @Roles('CITY_ADMIN', 'DISTRICT_HR')
  @Creates(Street, '新建街道', 'Create a street in an active district of your scope')
  createStreet(@CurrentPrincipal() p: Principal, @Body() dto: CreateStreetDto) {
    return this.tree.createStreet(p, dto);
  }

  @Patch('streets/:code') @Roles('CITY_ADMIN', 'DISTRICT_HR')
  @Answers(Street, '修改街道', 'Rename / edit a street (optimistic version)')
  updateStreet(@CurrentPrincipal() p: Principal, @Param('code') code: string, @Body() dto: UpdateStreetDto) {
    return this.tree.updateStreet(p, code, dto);
  }

  @Post('streets/:code/deactivate') @Roles('CITY_ADMIN', 'DISTRICT_HR')
  @Answers(Street, '停用街道', 'Deactivate a street (all its communities must be inactive)')
  deactivateStreet(@CurrentPrincipal() p: Principal, @Param('code') code: string) {
    return this.tree.setStreetActive(p, code, false);
  }

  @Post('streets/:code/reactivate') @Roles('CITY_ADMIN', 'DISTRICT_HR')
  @Answers(Street, '重新启用街道')
  reactivateStreet(@CurrentPrincipal() p: Principal, @Param('code') code: string) {
    return this.tree.setStreetActive(p, code, true);
  }

  @Delete('streets/:code') @Roles('CITY_ADMIN', 'DISTRICT_HR')
  @NoContent('删除误建的街道', 'Delete a street created by mistake (only without communities)')
  async deleteStreet(@CurrentPrincipal() p: Principal, @Param('code') code: string) {
    await this.tree.deleteStreet(p, code);
  }

  @Get('streets/:code/history')
  @Answers([OrgHistoryEntry], '街道变更历史')
  streetHistory(@CurrentPrincipal() p: Principal, @Param('code') code: string) {
    return this.tree.streetHistory(p, code);
  }
}
