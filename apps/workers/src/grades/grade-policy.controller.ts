import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cws/kernel';
import { Answers, Creates, CurrentPrincipal, Roles } from '@cws/platform';
import { READ_ROLES } from '../common/access';
import { GradePolicyHistoryQueryDto, GradePolicyQueryDto, GradePolicyRowDto } from './grade-policy.dto';
import { GradePolicyService } from './grade-policy.service';
import { GradePolicyRow, GradePolicyRowAdded } from '@cws/workers-contracts';

@ApiTags('grades')
@ApiBearerAuth()
@Controller('v1')
export class GradePolicyController {
  constructor(private readonly policy: GradePolicyService) {}

  @Get('grade-policy') @Roles(...READ_ROLES)
  @Answers([GradePolicyRow], '某日生效的等级政策', 'The grade policy rows in force on a date (entry grades, band ranges, progression step), with their sources')
  rows(@Query() q: GradePolicyQueryDto) {
    return this.policy.rowsOn(q.date);
  }

  @Get('grade-policy/history') @Roles(...READ_ROLES)
  @Answers([GradePolicyRow], '等级政策历史', 'Every grade policy row with its dates, closed ones too (each key’s rows in date order), of one kind when given')
  history(@Query() q: GradePolicyHistoryQueryDto) {
    return this.policy.history(q.kind);
  }

  @Post('grade-policy') @Roles('CITY_ADMIN')
  @Creates(GradePolicyRowAdded, '新增等级政策行', 'Add a grade policy row from a date; the row of the same key in force then closes the day before')
  add(@CurrentPrincipal() p: Principal, @Body() dto: GradePolicyRowDto) {
    return this.policy.add(p, dto);
  }
}
