import { Body, Controller, Get, Headers, Param, Post, Query } from '@nestjs/common';
import { Posting, UnmatchedPostingPage } from '@cws/budget-contracts';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cws/kernel';
import { Answers, Creates, CurrentPrincipal, IdParam } from '@cws/platform';
import { CanPost, CanRead, Idempotent } from '../common/access';

import { ResolveUnmatchedDto, UnmatchedQueryDto } from './unmatched-postings.dto';
import { UnmatchedPostingsService } from './unmatched-postings.service';

@ApiTags('postings')
@Controller('v1/unmatched-postings')
export class UnmatchedPostingsController {
  constructor(private readonly unmatched: UnmatchedPostingsService) {}

  @Get()
  @CanRead()
  @Answers(UnmatchedPostingPage, '未能入账的费用记账队列', 'Queue postings (payroll, training) that could not be booked, with the reason')
  list(@CurrentPrincipal() p: Principal, @Query() q: UnmatchedQueryDto) {
    return this.unmatched.list(p, q);
  }

  @Post(':id/resolve')
  @CanPost()
  @Idempotent()
  @Creates(Posting, '将挂起的费用记入指定分配', 'Book a parked cost posting on a chosen allocation')
  resolve(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam, @Body() dto: ResolveUnmatchedDto, @Headers('idempotency-key') key?: string) {
    return this.unmatched.resolve(p, id, dto, key);
  }
}
