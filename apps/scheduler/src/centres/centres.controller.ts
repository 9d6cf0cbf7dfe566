import { Body, Controller, Get, Headers, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cws/kernel';
import { Answers, ApiIfMatch, BearerToken, CurrentPrincipal, withEtag } from '@cws/platform';
import { CanPlan, CanRead } from '../common/access';
import { CommunityParam } from '../common/params';
import { PutCentreDto } from './centres.dto';
import { centreEtag, CentresService } from './centres.service';
import { ServiceCentre } from '@cws/scheduler-contracts';

@ApiTags('centres')
@Controller('v1/centres')
export class CentresController {
  constructor(private readonly centres: CentresService) {}

  @Get(':community')
  @CanRead()
  @Answers(ServiceCentre, '服务中心排班设置', 'A service centre’s set-up (the default when the community has none stored)')
  async get(@CurrentPrincipal() p: Principal, @BearerToken() token: string | undefined, @Param() { community }: CommunityParam) {
    const c = await this.centres.get(p, token, community);
    return withEtag(c, centreEtag(c.isDefault ? null : c));
  }

  @Put(':community')
  @CanPlan()
  @Answers(ServiceCentre, '设置服务中心开放时段、在岗要求与班次', 'Replace a service centre’s opening windows, coverage profile, roles on duty and shift templates')
  @ApiIfMatch()
  async put(
    @CurrentPrincipal() p: Principal,
    @BearerToken() token: string | undefined,
    @Param() { community }: CommunityParam,
    @Body() dto: PutCentreDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    const c = await this.centres.put(p, token, community, dto, ifMatch);
    return withEtag(c, centreEtag(c));
  }
}
