import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { EffectivePolicy, PolicyRow } from '@cws/payroll-contracts';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cws/kernel';
import { apiArraySchema, ApiIfMatch, apiSchema, CurrentPrincipal, etagOf, IdParam, IsCalendarDate, withEtag } from '@cws/platform';
import { CanEditPolicy, CanRead } from '../common/access';
import { CreatePolicyRowDto, EffectivePolicyQueryDto, PolicyRowQueryDto } from './policy.dto';
import { PolicyService } from './policy.service';
import { policyToJson } from '@cws/payroll-engine';

class ClosePolicyRowDto {
  @ApiProperty({ example: '2026-12-31', description: 'last day in force' }) @IsCalendarDate() validTo!: string;
}

@ApiTags('policy')
@Controller('v1/policy')
export class PolicyController {
  constructor(private readonly policy: PolicyService) {}

  @Get('rows')
  @CanRead()
  @ApiOperation({ summary: '薪酬政策行列表', description: 'Policy rows: open rows by default, rows in force on asOf, or the whole history' })
  @ApiOkResponse({ schema: apiArraySchema(PolicyRow) })
  list(@Query() q: PolicyRowQueryDto) {
    return this.policy.list(q);
  }

  @Get('rows/:id')
  @ApiOperation({ summary: '查看一条政策行' })
  @CanRead()
  @ApiOkResponse({ schema: apiSchema(PolicyRow) })
  async get(@Param() { id }: IdParam) {
    const row = await this.policy.get(id);
    return withEtag(row, etagOf(row));
  }

  @Post('rows')
  @CanEditPolicy()
  @ApiOperation({ summary: '新增政策行（同键旧行自动截止）', description: 'Add a policy row; the open row of the same kind and key is closed the day before validFrom (history is never overwritten). Audited.' })
  @ApiCreatedResponse({ schema: apiSchema(PolicyRow) })
  @ApiIfMatch()
  async create(@CurrentPrincipal() p: Principal, @Body() dto: CreatePolicyRowDto, @Headers('if-match') ifMatch?: string) {
    const row = await this.policy.create(p, dto, ifMatch);
    return withEtag(row, etagOf(row));
  }

  @Post('rows/:id/close')
  @HttpCode(200)
  @CanEditPolicy()
  @ApiOperation({ summary: '截止一条政策行', description: 'End an open row without a successor. Audited.' })
  @ApiOkResponse({ schema: apiSchema(PolicyRow) })
  @ApiIfMatch()
  async close(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam, @Body() dto: ClosePolicyRowDto, @Headers('if-match') ifMatch?: string) {
    const row = await this.policy.close(p, id, dto.validTo, ifMatch);
    return withEtag(row, etagOf(row));
  }

  @Get('effective')
  @CanRead()
  @ApiOperation({ summary: '某日生效的全部政策', description: "The engine's policy object for a payroll year, built from the rows that apply (amounts as decimal strings)" })
  @ApiOkResponse({ schema: apiSchema(EffectivePolicy) })
  async effective(@Query() q: EffectivePolicyQueryDto) {
    return policyToJson(await this.policy.policyFor(q.year, q.asOf));
  }
}
