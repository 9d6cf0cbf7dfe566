import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { Appropriation, AppropriationPage } from '@cws/budget-contracts';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cws/kernel';
import { apiSchema, CurrentPrincipal, IdParam } from '@cws/platform';
import { CanPost, CanRead, Idempotent } from '../common/access';
import { AppropriationQueryDto, CreateAppropriationDto } from './appropriations.dto';
import { AppropriationsService } from './appropriations.service';

@ApiTags('appropriations')
@Controller('v1/appropriations')
export class AppropriationsController {
  constructor(private readonly appropriations: AppropriationsService) {}

  @Get()
  @ApiOperation({ summary: '预算（拨款）列表（游标分页）' })
  @CanRead()
  @ApiOkResponse({ schema: apiSchema(AppropriationPage) })
  list(@CurrentPrincipal() p: Principal, @Query() q: AppropriationQueryDto) {
    return this.appropriations.list(p, q);
  }

  @Get(':id')
  @ApiOperation({ summary: '查看一项预算' })
  @CanRead()
  @ApiOkResponse({ schema: apiSchema(Appropriation) })
  get(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam) {
    return this.appropriations.get(p, id);
  }

  @Post()
  @CanPost()
  @Idempotent()
  @ApiOperation({ summary: '录入预算（年初或追加），保存为草稿', description: 'Record an appropriation (original or supplementary) as DRAFT; it moves no money until enacted' })
  @ApiCreatedResponse({ schema: apiSchema(Appropriation) })
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateAppropriationDto, @Headers('idempotency-key') key?: string) {
    return this.appropriations.create(p, dto, key);
  }

  @Post(':id/enact')
  @HttpCode(200)
  @CanPost()
  @Idempotent()
  @ApiOperation({ summary: '批准草稿预算生效（双人复核）', description: 'Enact a DRAFT appropriation; the approver must not be its creator (four-eyes)' })
  @ApiOkResponse({ schema: apiSchema(Appropriation) })
  enact(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam, @Headers('idempotency-key') key?: string) {
    return this.appropriations.enact(p, id, key);
  }
}
