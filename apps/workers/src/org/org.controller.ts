import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import type { Principal } from '@cws/kernel';
import { CurrentPrincipal, Roles } from '@cws/platform';
import { CreateCommunityDto, UpdateCommunityDto } from './org.dto';
import { OrgService } from './org.service';

export class OrgFilterDto {
  @ApiPropertyOptional({ example: '330106' }) @IsOptional() @Matches(/^\d{6}$/) district?: string;
  @ApiPropertyOptional({ example: '330106001' }) @IsOptional() @Matches(/^\d{9}$/) street?: string;
}

@ApiTags('org')
@ApiBearerAuth()
@Controller('v1')
export class OrgController {
  constructor(private readonly org: OrgService) {}

  @Get('districts')
  districts(@CurrentPrincipal() p: Principal) {
    return this.org.listDistricts(p);
  }

  @Get('streets')
  streets(@CurrentPrincipal() p: Principal, @Query() f: OrgFilterDto) {
    return this.org.listStreets(p, f.district);
  }

  @Get('communities')
  communities(@CurrentPrincipal() p: Principal, @Query() f: OrgFilterDto) {
    return this.org.listCommunities(p, f);
  }

  @Get('communities/:code')
  community(@CurrentPrincipal() p: Principal, @Param('code') code: string) {
    return this.org.getCommunity(p, code);
  }

  @Get('facility-items')
  facilityItems() {
    return this.org.facilityItems();
  }

  @Post('communities')
  @Roles('CITY_ADMIN', 'DISTRICT_HR')
  createCommunity(@CurrentPrincipal() p: Principal, @Body() dto: CreateCommunityDto) {
    return this.org.createCommunity(p, dto);
  }

  @Patch('communities/:code')
  @Roles('CITY_ADMIN', 'DISTRICT_HR', 'STREET_HR')
  updateCommunity(@CurrentPrincipal() p: Principal, @Param('code') code: string, @Body() dto: UpdateCommunityDto) {
    return this.org.updateCommunity(p, code, dto);
  }

  @Post('communities/:code/deactivate')
  @HttpCode(200)
  @Roles('CITY_ADMIN', 'DISTRICT_HR')
  deactivate(@CurrentPrincipal() p: Principal, @Param('code') code: string) {
    return this.org.setActive(p, code, false);
  }

  @Post('communities/:code/reactivate')
  @HttpCode(200)
  @Roles('CITY_ADMIN', 'DISTRICT_HR')
  reactivate(@CurrentPrincipal() p: Principal, @Param('code') code: string) {
    return this.org.setActive(p, code, true);
  }

  @Delete('communities/:code')
  @HttpCode(204)
  @Roles('CITY_ADMIN', 'DISTRICT_HR')
  async remove(@CurrentPrincipal() p: Principal, @Param('code') code: string) {
    await this.org.deleteCommunity(p, code);
  }

  @Get('communities/:code/history')
  history(@CurrentPrincipal() p: Principal, @Param('code') code: string) {
    return this.org.history(p, code);
  }
}
