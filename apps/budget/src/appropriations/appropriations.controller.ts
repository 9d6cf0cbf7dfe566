import { Body, Controller, Get, Headers, Param, Post, Query } from '@nestjs/common';
import { Appropriation, AppropriationPage } from '@cws/budget-contracts';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cws/kernel';
import { Answers, Creates, CurrentPrincipal, IdParam } from '@cws/platform';
import { CanPost, CanRead, Idempotent } from '../common/access';
import { AppropriationQueryDto, CreateAppropriationDto } from './appropriations.dto';
import { AppropriationsService } from './appropriations.service';

@ApiTags('appropriations')
@Controller('v1/appropriations')
export class AppropriationsController {
  constructor(private readonly appropriations: AppropriationsService) {}

  @Get()
  @CanRead()
  @Answers(AppropriationPage, '预算（拨款）列表（游标分页）')
  list(@CurrentPrincipal() p: Principal, @Query() q: AppropriationQueryDto) {
    return this.appropriations.list(p, q);
  }

  @Get(':id')
  @CanRead()
  @Answers(Appropriation, '查看一项预算')
  get(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam) {
    return this.appropriations.get(p, id);
  }

  @Post()
  @CanPost()
  @Idempotent()
  @Creates(Appropriation, '录入预算（年初或追加），保存为草稿', 'Record an appropriation (original or supplementary) as DRAFT; it moves no money until enacted')
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateAppropriationDto, @Headers('idempotency-key') key?: string) {
    return this.appropriations.create(p, dto, key);
  }

  @Post(':id/enact')
  @CanPost()
  @Idempotent()
  @Answers(Appropriation, '批准草稿预算生效（双人复核）', 'Enact a DRAFT appropriation; the approver must not be its creator (four-eyes)')
  enact(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam, @Headers('idempotency-key') key?: string) {
    return this.appropriations.enact(p, id, key);
  }
}
