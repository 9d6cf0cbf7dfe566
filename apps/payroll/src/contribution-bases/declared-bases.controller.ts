import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cws/kernel';
import { DeclaredContributionBasePage, DeclaredContributionBasesResult } from '@cws/payroll-contracts';
import { Answers, Creates, CurrentPrincipal, IdParam, NoContent } from '@cws/platform';
import { CanPrepareRuns, CanRead } from '../common/access';
import { DeclareBasesDto, DeclaredBasesQueryDto } from './declared-bases.dto';
import { DeclaredBasesService } from './declared-bases.service';

/** Contribution bases HR declares: they win over the base payroll computes from the previous year's wages. */
@ApiTags('contribution-bases')
@Controller('v1/contribution-bases')
export class DeclaredBasesController {
  constructor(private readonly bases: DeclaredBasesService) {}

  @Post()
  @CanPrepareRuns()
  @Creates(
    DeclaredContributionBasesResult,
    '申报缴费基数（批量，整批成功或失败）',
    'Declare contribution bases from a month on (the bureau’s figures, or last year’s wages at go-live): each holds to the end of that contribution year and wins over the computed base. A worker’s declaration of the same month is replaced. Every worker must be employed in your scope on the month’s last day. All or nothing; audited.',
  )
  declare(@CurrentPrincipal() p: Principal, @Body() dto: DeclareBasesDto) {
    return this.bases.declare(p, dto);
  }

  @Get()
  @CanRead()
  @Answers(DeclaredContributionBasePage, '申报的缴费基数（游标分页）', 'Declared contribution bases in your scope, newest first, in keyset pages')
  list(@CurrentPrincipal() p: Principal, @Query() q: DeclaredBasesQueryDto) {
    return this.bases.list(p, q);
  }

  @Delete(':id')
  @CanPrepareRuns()
  @NoContent('撤销误申报的缴费基数', 'Withdraw a declaration made in error (the audit log keeps it); runs computed later fall back to the wages')
  withdraw(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam) {
    return this.bases.withdraw(p, id);
  }
}
