import { Body, Controller, Get, Headers, Param, Post, Query } from '@nestjs/common';
import { Posting, PostingPage } from '@cws/budget-contracts';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cws/kernel';
import { apiSchema, CurrentPrincipal, IdParam } from '@cws/platform';
import { CanPost, CanRead, Idempotent } from '../common/access';
import { CreateExpenditureDto, CreatePostingDto, PostingQueryDto, ReversalDto, TransferDto } from './postings.dto';
import { PostingsService } from './postings.service';

const OVERSPEND = ApiConflictResponse({
  description: 'INSUFFICIENT_FUNDS (with the available amount) or FISCAL_YEAR_CLOSED',
  schema: { example: { code: 'INSUFFICIENT_FUNDS', message: 'Only 100.00 is available on allocation 40; 250.00 was requested', details: [], available: '100.00', requested: '250.00', allocationId: '40' } },
});

@ApiTags('postings')
@Controller('v1')
export class PostingsController {
  constructor(private readonly postings: PostingsService) {}

  @Post('allocations/:id/commitments')
  @CanPost()
  @Idempotent()
  @ApiOperation({ summary: '承诺（冻结）一笔分配资金', description: 'Commit money on an allocation (a contract, an order); it stops being available' })
  @ApiCreatedResponse({ schema: apiSchema(Posting) })
  @OVERSPEND
  commit(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam, @Body() dto: CreatePostingDto, @Headers('idempotency-key') key?: string) {
    return this.postings.commit(p, id, dto, key);
  }

  @Post('allocations/:id/expenditures')
  @CanPost()
  @Idempotent()
  @ApiOperation({ summary: '登记支出（需幂等键）', description: 'Spend on an allocation, optionally settling a commitment' })
  @ApiCreatedResponse({ schema: apiSchema(Posting) })
  @OVERSPEND
  expend(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam, @Body() dto: CreateExpenditureDto, @Headers('idempotency-key') key?: string) {
    return this.postings.expend(p, id, dto, key);
  }

  @Post('postings/:id/reversal')
  @CanPost()
  @Idempotent()
  @ApiOperation({ summary: '冲销支出或释放承诺余额', description: 'Reverse an expenditure, or release what is left of a commitment (postings are never edited or deleted)' })
  @ApiCreatedResponse({ schema: apiSchema(Posting) })
  reverse(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam, @Body() dto: ReversalDto, @Headers('idempotency-key') key?: string) {
    return this.postings.reverse(p, id, dto, key);
  }

  @Post('transfers')
  @CanPost()
  @Idempotent()
  @ApiOperation({ summary: '经费划转（费随事转）', description: 'Move allocated money to another allocation of the same funder and year, following a task (费随事转)' })
  @ApiCreatedResponse({ schema: apiSchema(Posting) })
  transfer(@CurrentPrincipal() p: Principal, @Body() dto: TransferDto, @Headers('idempotency-key') key?: string) {
    return this.postings.transfer(p, dto, key);
  }

  @Get('postings')
  @ApiOperation({ summary: '记账列表（游标分页）' })
  @CanRead()
  @ApiOkResponse({ schema: apiSchema(PostingPage) })
  list(@CurrentPrincipal() p: Principal, @Query() q: PostingQueryDto) {
    return this.postings.list(p, q);
  }

  @Get('postings/:id')
  @ApiOperation({ summary: '查看一笔记账' })
  @CanRead()
  @ApiOkResponse({ schema: apiSchema(Posting) })
  get(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam) {
    return this.postings.get(p, id);
  }
}
