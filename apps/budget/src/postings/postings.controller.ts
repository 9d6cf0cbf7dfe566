import { Body, Controller, Get, Headers, Param, Post, Query } from '@nestjs/common';
import { Posting, PostingPage } from '@cws/budget-contracts';
import { ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cws/kernel';
import { Answers, Creates, CurrentPrincipal, IdParam } from '@cws/platform';
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
  @Creates(Posting, '承诺（冻结）一笔分配资金', 'Commit money on an allocation (a contract, an order); it stops being available')
  @OVERSPEND
  commit(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam, @Body() dto: CreatePostingDto, @Headers('idempotency-key') key?: string) {
    return this.postings.commit(p, id, dto, key);
  }

  @Post('allocations/:id/expenditures')
  @CanPost()
  @Idempotent()
  @Creates(Posting, '登记支出（需幂等键）', 'Spend on an allocation, optionally settling a commitment')
  @OVERSPEND
  expend(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam, @Body() dto: CreateExpenditureDto, @Headers('idempotency-key') key?: string) {
    return this.postings.expend(p, id, dto, key);
  }

  @Post('postings/:id/reversal')
  @CanPost()
  @Idempotent()
  @Creates(Posting, '冲销支出或释放承诺余额', 'Reverse an expenditure, or release what is left of a commitment (postings are never edited or deleted)')
  reverse(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam, @Body() dto: ReversalDto, @Headers('idempotency-key') key?: string) {
    return this.postings.reverse(p, id, dto, key);
  }

  @Post('transfers')
  @CanPost()
  @Idempotent()
  @Creates(Posting, '经费划转（费随事转）', 'Move allocated money to another allocation of the same funder and year, following a task (费随事转)')
  transfer(@CurrentPrincipal() p: Principal, @Body() dto: TransferDto, @Headers('idempotency-key') key?: string) {
    return this.postings.transfer(p, dto, key);
  }

  @Get('postings')
  @CanRead()
  @Answers(PostingPage, '记账列表（游标分页）')
  list(@CurrentPrincipal() p: Principal, @Query() q: PostingQueryDto) {
    return this.postings.list(p, q);
  }

  @Get('postings/:id')
  @CanRead()
  @Answers(Posting, '查看一笔记账')
  get(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam) {
    return this.postings.get(p, id);
  }
}
