import { Body, Controller, Get, Headers, Param, Post, Query } from '@nestjs/common';
import { Allocation, AllocationPage } from '@cws/budget-contracts';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cws/kernel';
import { Answers, Creates, CurrentPrincipal, etagOf, IdParam, withEtag } from '@cws/platform';
import { CanPost, CanRead, Idempotent } from '../common/access';
import { AllocationQueryDto, CreateAllocationDto } from './allocations.dto';
import { AllocationsService } from './allocations.service';

@ApiTags('allocations')
@Controller('v1/allocations')
export class AllocationsController {
  constructor(private readonly allocations: AllocationsService) {}

  @Get()
  @CanRead()
  @Answers(AllocationPage, '分配列表（游标分页）')
  list(@CurrentPrincipal() p: Principal, @Query() q: AllocationQueryDto) {
    return this.allocations.list(p, q);
  }

  @Get(':id')
  @CanRead()
  @Answers(Allocation, '查看一项分配')
  async get(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam) {
    const a = await this.allocations.get(p, id);
    return withEtag(a, etagOf(a));
  }

  @Post()
  @CanPost()
  @Idempotent()
  @Creates(Allocation, '将已生效预算分配到街道或社区', 'Allocate part of an enacted appropriation to a street or community (never more than is unallocated: 409)')
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateAllocationDto, @Headers('idempotency-key') key?: string) {
    return this.allocations.create(p, dto, key);
  }
}
