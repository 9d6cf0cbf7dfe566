import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import type { Principal } from '@cws/kernel';
import { CurrentPrincipal } from '@cws/platform';
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
}
