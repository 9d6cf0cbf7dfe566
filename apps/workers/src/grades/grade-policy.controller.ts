import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cws/kernel';
import { apiArraySchema, apiSchema, CurrentPrincipal, Roles } from '@cws/platform';
import { READ_ROLES } from '../common/access';
import { GradePolicyQueryDto, GradePolicyRowDto } from './grade-policy.dto';
import { GradePolicyService } from './grade-policy.service';
import { GradePolicyRow, GradePolicyRowAdded } from '@cws/workers-contracts';

@ApiTags('grades')
@ApiBearerAuth()
@Controller('v1')
export class GradePolicyController {
  constructor(private readonly policy: GradePolicyService) {}

  @Get('grade-policy') @Roles(...READ_ROLES)
  @ApiOperation({ summary: '某日生效的等级政策', description: 'The grade policy rows in force on a date (entry grades, band ranges, progression step), with their sources' })
  @ApiOkResponse({ schema: apiArraySchema(GradePolicyRow) })
  rows(@Query() q: GradePolicyQueryDto) {
    return this.policy.rowsOn(q.date);
  }

  @Post('grade-policy') @Roles('CITY_ADMIN')
  @ApiOperation({ summary: '新增等级政策行', description: 'Add a grade policy row from a date; the row of the same key in force then closes the day before' })
  @ApiCreatedResponse({ schema: apiSchema(GradePolicyRowAdded) })
  add(@CurrentPrincipal() p: Principal, @Body() dto: GradePolicyRowDto) {
    return this.policy.add(p, dto);
  }
}
