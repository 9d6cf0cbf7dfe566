import { Body, Controller, Get, Headers, Param, Post, Query } from '@nestjs/common';
import { Allocation, AllocationPage } from '@cws/budget-contracts';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cws/kernel';
import { apiSchema, CurrentPrincipal, etagOf, IdParam, withEtag } from '@cws/platform';
import { CanPost, CanRead, Idempotent } from '../common/access';
import { AllocationQueryDto, CreateAllocationDto } from './allocations.dto';
import { AllocationsService } from './allocations.service';

@ApiTags('allocations')
@Controller('v1/allocations')
export class AllocationsController {
  constructor(private readonly allocations: AllocationsService) {}

  @Get()
  @ApiOperation({ summary: '分配列表（游标分页）' })
  @CanRead()
  @ApiOkResponse({ schema: apiSchema(AllocationPage) })
  list(@CurrentPrincipal() p: Principal, @Query() q: AllocationQueryDto) {
    return this.allocations.list(p, q);
  }

  @Get(':id')
  @ApiOperation({ summary: '查看一项分配' })
  @CanRead()
  @ApiOkResponse({ schema: apiSchema(Allocation) })
  async get(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam) {
    const a = await this.allocations.get(p, id);
    return withEtag(a, etagOf(a));
  }

  @Post()
  @CanPost()
  @Idempotent()
  @ApiOperation({ summary: '将已生效预算分配到街道或社区', description: 'Allocate part of an enacted appropriation to a street or community (never more than is unallocated: 409)' })
  @ApiCreatedResponse({ schema: apiSchema(Allocation) })
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateAllocationDto, @Headers('idempotency-key') key?: string) {
    return this.allocations.create(p, dto, key);
  }
}
