import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cws/kernel';
import { Answers, attachment, BearerToken, Creates, CurrentPrincipal, Downloads, NoContent } from '@cws/platform';
import { CanPlan, CanRead } from '../common/access';
import { CommunityParam, IdParam } from '../common/params';
import { GenerationsService } from './generations.service';
import { RosterChecksService } from './roster-checks.service';
import { CreateRosterDto, GenerateDto, RequestParam, RequestsQueryDto, RosterListQueryDto, SwapDto, WorkerRequestDto, WorkerShiftsQueryDto } from './rosters.dto';
import { RostersService } from './rosters.service';
import { Coverage, Generation, GenerationPublished, Roster, RosterConflicts, RostersToReplan, RosterSummaryPage, WorkerRequest, WorkerRosterMonth } from '@cws/scheduler-contracts';

@ApiTags('rosters')
@Controller('v1')
export class RostersController {
  constructor(
    private readonly rosters: RostersService,
    private readonly generations: GenerationsService,
    private readonly checks: RosterChecksService,
  ) {}

  @Post('rosters')
  @CanPlan()
  @Creates(Roster, '为社区某月生成新排班版本', 'Queue a new roster version for a community’s month (solved in the background)', { returns: 'The queued version: poll GET /rosters/{id} until status is DRAFT' })
  create(@CurrentPrincipal() p: Principal, @BearerToken() token: string | undefined, @Body() dto: CreateRosterDto) {
    return this.rosters.create(p, token, dto.community, dto.month, dto.seed);
  }

  @Get('rosters')
  @CanRead()
  @Answers(RosterSummaryPage, '排班版本列表', 'Roster versions in scope, newest first (keyset pages), by month, community, status or generation: each with its shift and gap counts, not its shifts')
  list(@CurrentPrincipal() p: Principal, @Query() q: RosterListQueryDto) {
    const filter = { month: q.month, community: q.community, status: q.status, generationId: q.generation ? Number(q.generation) : undefined };
    return this.rosters.list(p, filter, { limit: q.limit ?? 50, after: q.after });
  }

  @Post('rosters/generate')
  @CanPlan()
  @Creates(Generation, '全市（或区、街道）批量排班', 'City-wide (or district / street) generation: a BullMQ flow with one child job per centre')
  @ApiConflictResponse({ description: 'GENERATION_IN_PROGRESS (generationId): a generation of the month overlapping this scope still has centres to solve' })
  generate(@CurrentPrincipal() p: Principal, @BearerToken() token: string | undefined, @Body() dto: GenerateDto) {
    return this.generations.generate(p, token, dto.month, dto.scope);
  }

  @Get('rosters/generations/:id')
  @CanRead()
  @Answers(Generation, '批量排班进度', 'Progress of a generation: centres queued, solved and failed')
  generation(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam) {
    return this.generations.get(p, Number(id));
  }

  @Post('rosters/generations/:id/publish')
  @CanPlan()
  @Answers(GenerationPublished, '发布批量生成的全部草稿', 'Publish every draft a finished generation made in your scope, each as POST /rosters/{id}/publish does; a draft that publish refuses is listed with its code, the others are published')
  @ApiConflictResponse({ description: 'GENERATION_IN_PROGRESS: the generation still has centres to solve' })
  publishGeneration(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam) {
    return this.generations.publish(p, Number(id));
  }

  // before rosters/:id, which would take the word for an id
  @Get('rosters/to-replan')
  @CanRead()
  @Answers(RostersToReplan, '需要重新排班的已发布排班', 'Published versions of this month and later whose shifts ahead the register now contradicts (a leaver, a transfer out, leave, a day asked off), as last checked: every hour, and whenever a version’s conflicts are read')
  toReplan(@CurrentPrincipal() p: Principal) {
    return this.checks.toReplan(p);
  }

  @Get('rosters/:id')
  @CanRead()
  @Answers(Roster, '查看一个排班版本')
  get(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam) {
    return this.rosters.get(p, Number(id));
  }

  @Get('rosters/:id/roster.xlsx')
  @CanRead()
  @Downloads('xlsx', '下载排班表（xlsx）', 'The version as the 排班表 a centre posts: sheet 排班表 a row per worker (name as the register shows it to you, id, each day’s shift code, shifts, hours, overtime by rate) under a title with the centre, month, version and status; sheet 班次 the shift templates; sheet 缺口 the ranges left uncovered and why')
  async workbook(@CurrentPrincipal() p: Principal, @BearerToken() token: string | undefined, @Param() { id }: IdParam) {
    return attachment(await this.rosters.workbook(p, token, Number(id)));
  }

  @Get('rosters/:id/coverage')
  @CanRead()
  @Answers(Coverage, '排班覆盖热力图数据', 'Heatmap data: staff needed and on duty for every 30-minute slot, with the reason for each gap')
  coverage(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam) {
    return this.rosters.coverage(p, Number(id));
  }

  @Get('rosters/:id/conflicts')
  @CanRead()
  @Answers(RosterConflicts, '按当前人事档案核对排班', 'The version’s shifts today’s register and requests contradict (a leaver, a transfer, a leave or secondment recorded since, a day requested off): when a published roster needs a re-plan')
  conflicts(@CurrentPrincipal() p: Principal, @BearerToken() token: string | undefined, @Param() { id }: IdParam) {
    return this.checks.conflicts(p, token, Number(id));
  }

  @Post('rosters/:id/publish')
  @CanPlan()
  @Answers(Roster, '发布排班', 'Publish a solved draft: immutable from then on; the hours go to payroll')
  @ApiConflictResponse({ description: 'ROSTER_PUBLISHED, ROSTER_NOT_SOLVED, ROSTER_OUTDATED' })
  publish(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam) {
    return this.rosters.publish(p, Number(id));
  }

  @Post('rosters/:id/replan')
  @CanPlan()
  @Creates(Roster, '按当前可用人员重新排班', 'Re-plan a published roster with current availability, changing as little as possible (a new version)')
  replan(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam) {
    return this.rosters.replan(p, Number(id));
  }

  @Post('rosters/:id/swaps')
  @CanPlan()
  @Creates(Roster, '登记换班', 'Record a swap both workers accepted: a new version, repaired with least change if a rule breaks')
  swap(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam, @Body() dto: SwapDto) {
    return this.rosters.swap(p, Number(id), { date: dto.date, workerId: dto.workerId, withWorkerId: dto.withWorkerId });
  }

  @Get('workers/:id/shifts')
  @CanRead()
  @Answers(WorkerRosterMonth, '某人某月的班次', 'A worker’s shifts of a month in the published rosters you may see (two rosters across a transfer within the month), with their hours in each; none outside your scope')
  workerShifts(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam, @Query() q: WorkerShiftsQueryDto) {
    return this.rosters.workerMonth(p, Number(id), q.month);
  }

  @Post('centres/:community/requests')
  @CanPlan()
  @Creates(WorkerRequest, '登记个人不可排班或排班意愿', 'A worker’s declared unavailability (binding) or preference (day off, a shift) for a day, or for each day of date…until (at most 31; all recorded and audited, or none). Replaces what the worker had on those days.')
  request(@CurrentPrincipal() p: Principal, @BearerToken() token: string | undefined, @Param() { community }: CommunityParam, @Body() dto: WorkerRequestDto) {
    return this.rosters.request(p, token, community, dto);
  }

  @Get('centres/:community/requests')
  @CanRead()
  @Answers([WorkerRequest], '某月的人员请求', 'The month’s requests of the community’s workers, by day: what the next solve binds to (UNAVAILABLE) or prefers')
  @ApiNotFoundResponse({ description: 'a community outside your scope' })
  requests(@BearerToken() token: string | undefined, @Param() { community }: CommunityParam, @Query() q: RequestsQueryDto) {
    return this.rosters.requestsOf(token, community, q.month);
  }

  @Delete('centres/:community/requests/:workerId/:date')
  @CanPlan()
  @NoContent('撤回人员请求', 'Withdraw a worker’s request for a day (a leave cancelled, a wish taken back); a roster already solved keeps it until re-planned. Audited (DELETE).')
  @ApiNotFoundResponse({ description: 'no such request, or a community outside your scope' })
  withdrawRequest(@CurrentPrincipal() p: Principal, @BearerToken() token: string | undefined, @Param() r: RequestParam) {
    return this.rosters.withdrawRequest(p, token, r.community, Number(r.workerId), r.date);
  }
}
