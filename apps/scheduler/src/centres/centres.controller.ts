import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cws/kernel';
import { Answers, BearerToken, CurrentPrincipal } from '@cws/platform';
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
  @Answers(ServiceCentre, '服务中心排班设置', 'A service centre’s set-up (the default when the community has none stored)')
  get(@CurrentPrincipal() p: Principal, @BearerToken() token: string | undefined, @Param() { community }: CommunityParam) {
    return this.centres.get(p, token, community);
  }

  @Put(':community')
  @CanPlan()
  @Answers(ServiceCentre, '设置服务中心开放时段、在岗要求与班次', 'Replace a service centre’s opening windows, coverage profile, roles on duty and shift templates')
  put(@CurrentPrincipal() p: Principal, @BearerToken() token: string | undefined, @Param() { community }: CommunityParam, @Body() dto: PutCentreDto) {
    return this.centres.put(p, token, community, dto);
  }
}
