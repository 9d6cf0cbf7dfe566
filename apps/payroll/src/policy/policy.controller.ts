import { Body, Controller, Get, Headers, Param, Post, Query } from '@nestjs/common';
import { EffectivePolicy, PolicyGaps, PolicyRow } from '@cws/payroll-contracts';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cws/kernel';
import { Answers, ApiIfMatch, Creates, CurrentPrincipal, etagOf, IdParam, IsCalendarDate, withEtag } from '@cws/platform';
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
  @Answers([PolicyRow], '薪酬政策行列表', 'Policy rows: open rows by default, rows in force on asOf, or the whole history')
  list(@Query() q: PolicyRowQueryDto) {
    return this.policy.list(q);
  }

  @Get('rows/:id')
  @CanRead()
  @Answers(PolicyRow, '查看一条政策行')
  async get(@Param() { id }: IdParam) {
    const row = await this.policy.get(id);
    return withEtag(row, etagOf(row));
  }

  @Post('rows')
  @CanEditPolicy()
  @Creates(
    PolicyRow,
    '新增政策行（同键旧行自动截止）',
    'Add a policy row; the open row of the same kind and key is closed the day before validFrom (history is never overwritten). If-Match: the open row as read; If-None-Match: * for the first row of a new key (412 when the key has an open row by then). Audited.',
  )
  @ApiIfMatch({ create: true })
  async create(
    @CurrentPrincipal() p: Principal,
    @Body() dto: CreatePolicyRowDto,
    @Headers('if-match') ifMatch?: string,
    @Headers('if-none-match') ifNoneMatch?: string,
  ) {
    const row = await this.policy.create(p, dto, { ifMatch, ifNoneMatch });
    return withEtag(row, etagOf(row));
  }

  @Post('rows/:id/close')
  @CanEditPolicy()
  @Answers(PolicyRow, '截止一条政策行', 'End an open row without a successor. Audited.')
  @ApiIfMatch()
  async close(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam, @Body() dto: ClosePolicyRowDto, @Headers('if-match') ifMatch?: string) {
    const row = await this.policy.close(p, id, dto.validTo, ifMatch);
    return withEtag(row, etagOf(row));
  }

  @Get('gaps')
  @CanRead()
  @Answers(
    PolicyGaps,
    '某年度薪酬政策的缺口',
    "The policy tables a payroll year has no row in force for (as a run of that year would name them in 422 POLICY_INCOMPLETE), answered 200: empty when complete. The dashboard asks it for this year and, in December, the next",
  )
  gaps(@Query() q: EffectivePolicyQueryDto) {
    return this.policy.gaps(q.year, q.asOf);
  }

  @Get('effective')
  @CanRead()
  @Answers(EffectivePolicy, '某日生效的全部政策', "The engine's policy object for a payroll year, built from the rows that apply (amounts as decimal strings)")
  async effective(@Query() q: EffectivePolicyQueryDto) {
    return policyToJson(await this.policy.policyFor(q.year, q.asOf));
  }
}
