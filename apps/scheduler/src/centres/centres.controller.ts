import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cws/kernel';
import { apiSchema, BearerToken, CurrentPrincipal } from '@cws/platform';
import { CanPlan, CanRead } from '../common/access';
import { CommunityParam } from '../common/params';
import { PutCentreDto } from './centres.dto';
import { CentresService } from './centres.service';
import { ServiceCentre } from '@cws/scheduler-contracts';

@ApiTags('centres')
@Controller('v1/centres')
export class CentresController {
  constructor(private readonly centres: CentresService) {}

  @Get(':community')
  @CanRead()
  @ApiOperation({ summary: '服务中心排班设置', description: 'A service centre’s set-up (the default when the community has none stored)' })
  @ApiOkResponse({ schema: apiSchema(ServiceCentre) })
  get(@CurrentPrincipal() p: Principal, @BearerToken() token: string | undefined, @Param() { community }: CommunityParam) {
    return this.centres.get(p, token, community);
  }

  @Put(':community')
  @CanPlan()
  @ApiOperation({ summary: '设置服务中心开放时段、在岗要求与班次', description: 'Replace a service centre’s opening windows, coverage profile, roles on duty and shift templates' })
  @ApiOkResponse({ schema: apiSchema(ServiceCentre) })
  put(@CurrentPrincipal() p: Principal, @BearerToken() token: string | undefined, @Param() { community }: CommunityParam, @Body() dto: PutCentreDto) {
    return this.centres.put(p, token, community, dto);
  }
}
