import { Body, Controller, Get, Headers, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cws/kernel';
import { CurrentPrincipal, etagOf, IdParam, withEtag } from '@cws/platform';
import { CanPost, CanRead, Idempotent } from '../common/access';
import { AllocationDoc, AllocationQueryDto, CreateAllocationDto } from './allocations.dto';
import { AllocationsService } from './allocations.service';

class AllocationPageDoc {
  @ApiProperty({ type: [AllocationDoc] }) items!: AllocationDoc[];
  @ApiProperty({ nullable: true, type: String }) nextAfter!: string | null;
}

@ApiTags('allocations')
@Controller('v1/allocations')
export class AllocationsController {
  constructor(private readonly allocations: AllocationsService) {}

  @Get()
  @ApiOperation({ summary: '分配列表（游标分页）' })
  @CanRead()
  @ApiOkResponse({ type: AllocationPageDoc })
  list(@CurrentPrincipal() p: Principal, @Query() q: AllocationQueryDto) {
    return this.allocations.list(p, q);
  }

  @Get(':id')
  @ApiOperation({ summary: '查看一项分配' })
  @CanRead()
  @ApiOkResponse({ type: AllocationDoc })
  async get(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam) {
    const a = await this.allocations.get(p, id);
    return withEtag(a, etagOf(a));
  }

  @Post()
  @CanPost()
  @Idempotent()
  @ApiOperation({ summary: '将已生效预算分配到街道或社区', description: 'Allocate part of an enacted appropriation to a street or community (never more than is unallocated: 409)' })
  @ApiCreatedResponse({ type: AllocationDoc })
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateAllocationDto, @Headers('idempotency-key') key?: string) {
    return this.allocations.create(p, dto, key);
  }
}
