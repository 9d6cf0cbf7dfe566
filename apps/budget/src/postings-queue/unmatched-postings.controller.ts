import { Body, Controller, Get, Headers, Injectable, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, Matches, ValidateNested } from 'class-validator';
import { DataSource } from 'typeorm';
import { conflict, DomainError, notFound, type Principal } from '@cws/kernel';
import { applyScope } from '@cws/persistence';
import { assertVisible, AuditService, CurrentPrincipal, IdParam } from '@cws/platform';
import { lockAllocations } from '../allocations/allocations.service';
import { assertFilterInScope, CanPost, CanRead, canOverride, Idempotent } from '../common/access';
import { PageDto } from '../common/filters.dto';
import { parsePositiveAmount } from '../common/money';
import { OverrideDto, PostingDoc } from '../postings/postings.dto';
import { PostingsService, type PostingView } from '../postings/postings.service';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { UnmatchedPostingEntity } from './unmatched-posting.entity';

export class UnmatchedQueryDto extends PageDto {
  @ApiPropertyOptional({ enum: ['OPEN', 'RESOLVED'], default: 'OPEN' }) @IsOptional() @IsIn(['OPEN', 'RESOLVED']) state?: 'OPEN' | 'RESOLVED';
}

export class ResolveUnmatchedDto {
  @ApiProperty({ example: '40', description: 'the allocation to book the parked cost on' }) @Matches(/^\d{1,19}$/) allocationId!: string;
  @ApiPropertyOptional({ type: OverrideDto }) @IsOptional() @ValidateNested() @Type(() => OverrideDto) override?: OverrideDto;
}

@Injectable()
export class UnmatchedPostingsService {
  constructor(
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
    private readonly postings: PostingsService,
  ) {}

  async list(p: Principal, q: UnmatchedQueryDto) {
    assertFilterInScope(p, q);
    const limit = q.limit ?? 100;
    const qb = this.dataSource.getRepository(UnmatchedPostingEntity).createQueryBuilder('u').orderBy('u.id', 'ASC').take(limit + 1);
    qb.andWhere(q.state === 'RESOLVED' ? 'u.resolvedPostingId IS NOT NULL' : 'u.resolvedPostingId IS NULL');
    if (q.fiscalYear) qb.andWhere('u.fiscalYear = :fy', { fy: q.fiscalYear });
    if (q.funder) qb.andWhere('u.funder = :funder', { funder: q.funder });
    if (q.stream) qb.andWhere('u.stream = :stream', { stream: q.stream });
    if (q.district) qb.andWhere('u.districtCode = :district', { district: q.district });
    if (q.street) qb.andWhere('u.streetCode = :street', { street: q.street });
    if (q.community) qb.andWhere('u.communityCode = :community', { community: q.community });
    if (q.after) qb.andWhere('u.id > :after', { after: q.after });
    const rows = await applyScope(qb, p.scope, { district: 'u.districtCode', street: 'u.streetCode' }).getMany();
    const items = rows.slice(0, limit);
    return { items, nextAfter: rows.length > limit ? items[items.length - 1].id : null };
  }

  /** Books a parked cost on an allocation a person chose (its external key keeps it booked once). */
  async resolve(p: Principal, id: string, dto: ResolveUnmatchedDto, key: string | undefined): Promise<PostingView> {
    if (dto.override && !canOverride(p)) throw new DomainError('FORBIDDEN', 'OVERRIDE_NOT_PERMITTED', 'You may not override an overspend');
    return this.idempotency.execute(p, key, `POST /v1/unmatched-postings/${id}/resolve`, dto, async (m) => {
      const u = await m.getRepository(UnmatchedPostingEntity).createQueryBuilder('u').setLock('pessimistic_write').where('u.id = :id', { id }).getOne();
      if (!u) throw notFound('unmatched_posting', id);
      assertVisible(p, u.districtCode, u.streetCode, 'unmatched_posting', id);
      if (u.resolvedPostingId) throw conflict('ALREADY_RESOLVED', `Unmatched posting ${id} was resolved by posting ${u.resolvedPostingId}`);
      if (u.reason === 'INVALID_POSTING') throw conflict('UNRESOLVABLE', 'A malformed posting must be corrected and re-sent by its source');
      const alloc = (await lockAllocations(m, p, [dto.allocationId])).get(dto.allocationId)!;
      const payload = (typeof u.payload === 'string' ? JSON.parse(u.payload) : u.payload) as { category?: string; description?: string };
      const view = await this.postings.book(m, alloc, {
        kind: 'EXPENDITURE', amount: parsePositiveAmount(u.amount), category: String(payload.category ?? u.source).slice(0, 40),
        description: String(payload.description ?? ''), source: u.source, sourceRef: u.sourceRef, externalKey: u.externalKey,
        overrideReason: dto.override?.reason ?? null,
      }, p);
      await m.query('UPDATE unmatched_posting SET resolved_posting_id = ?, resolved_at = NOW(3) WHERE id = ?', [view.id, id]);
      await this.audit.record(m, { entity: 'unmatched_posting', entityId: id, action: 'RESOLVE', after: { postingId: view.id, allocationId: alloc.id }, districtCode: alloc.districtCode, streetCode: alloc.streetCode });
      return view;
    });
  }
}

@ApiTags('postings')
@Controller('v1/unmatched-postings')
export class UnmatchedPostingsController {
  constructor(private readonly unmatched: UnmatchedPostingsService) {}

  @Get()
  @CanRead()
  @ApiOperation({ summary: 'Queue postings (payroll, training) that could not be booked, with the reason' })
  list(@CurrentPrincipal() p: Principal, @Query() q: UnmatchedQueryDto) {
    return this.unmatched.list(p, q);
  }

  @Post(':id/resolve')
  @CanPost()
  @Idempotent()
  @ApiOperation({ summary: 'Book a parked cost posting on a chosen allocation' })
  @ApiCreatedResponse({ type: PostingDoc })
  resolve(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam, @Body() dto: ResolveUnmatchedDto, @Headers('idempotency-key') key?: string) {
    return this.unmatched.resolve(p, id, dto, key);
  }
}
