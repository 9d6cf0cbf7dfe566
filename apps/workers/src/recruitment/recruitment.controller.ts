import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cws/kernel';
import { apiArraySchema, apiSchema, CurrentPrincipal, Roles } from '@cws/platform';
import { READ_ROLES, WRITE_ROLES } from '../common/access';
import {
  CandidateDto, CreateCandidateDto, CreateVacancyDto, HireDto, HireResultDto, ObjectionDto, ResolveObjectionDto, ScoresDto,
  ScoresResultDto, SelectCandidateDto, SelectionDto, VacancyListQueryDto,
} from './recruitment.dto';
import { RecruitmentService } from './recruitment.service';
import { Objection, Ranking, Vacancy, VacancyPage } from '@cws/workers-contracts';

@ApiTags('recruitment')
@ApiBearerAuth()
@Controller('v1')
export class RecruitmentController {
  constructor(private readonly recruitment: RecruitmentService) {}

  @Post('vacancies') @Roles(...WRITE_ROLES)
  @ApiOperation({ summary: '发布招聘岗位' })
  @ApiCreatedResponse({ schema: apiSchema(Vacancy) }) @ApiNotFoundResponse({ description: 'community outside your scope' })
  createVacancy(@CurrentPrincipal() p: Principal, @Body() dto: CreateVacancyDto) {
    return this.recruitment.createVacancy(p, dto);
  }

  @Get('vacancies') @Roles(...READ_ROLES)
  @ApiOkResponse({ schema: apiSchema(VacancyPage) })
  @ApiOperation({ summary: '招聘岗位列表（按新到旧，游标分页）', description: 'Vacancies in your scope, newest first, with their applicant, selected and hired counts; keyset pages { items, nextAfter }' })
  listVacancies(@CurrentPrincipal() p: Principal, @Query() q: VacancyListQueryDto) {
    return this.recruitment.listVacancies(p, q);
  }

  @Post('vacancies/:id/candidates') @Roles(...WRITE_ROLES)
  @ApiOperation({ summary: '登记考生' })
  @ApiCreatedResponse({ type: CandidateDto }) @ApiNotFoundResponse({ description: 'vacancy outside your scope' })
  addCandidate(@CurrentPrincipal() p: Principal, @Param('id', ParseIntPipe) id: number, @Body() dto: CreateCandidateDto) {
    return this.recruitment.addCandidate(p, id, dto);
  }

  @Get('vacancies/:id/ranking') @Roles(...READ_ROLES)
  @ApiOkResponse({ schema: apiSchema(Ranking) }) @ApiNotFoundResponse({ description: 'vacancy outside your scope' })
  @ApiOperation({ summary: '考生综合排名', description: 'Candidates ranked by weighted written and interview scores' })
  ranking(@CurrentPrincipal() p: Principal, @Param('id', ParseIntPipe) id: number) {
    return this.recruitment.ranking(p, id);
  }

  @Patch('candidates/:id/scores') @Roles(...WRITE_ROLES)
  @ApiOperation({ summary: '录入笔试、面试成绩' })
  @ApiOkResponse({ type: ScoresResultDto }) @ApiNotFoundResponse({ description: 'candidate outside your scope' })
  score(@CurrentPrincipal() p: Principal, @Param('id', ParseIntPipe) id: number, @Body() dto: ScoresDto) {
    return this.recruitment.score(p, id, dto);
  }

  @Post('candidates/:id/select') @Roles(...WRITE_ROLES)
  @ApiCreatedResponse({ type: SelectionDto }) @ApiNotFoundResponse({ description: 'candidate outside your scope' })
  @ApiOperation({ summary: '确定拟录用人选并公示', description: 'Select a candidate: opens the public notice (公示); passing over a higher rank needs skipReason (422 RANKING_SKIP_REASON_REQUIRED)' })
  select(@CurrentPrincipal() p: Principal, @Param('id', ParseIntPipe) id: number, @Body() dto: SelectCandidateDto) {
    return this.recruitment.select(p, id, dto);
  }

  @Post('candidates/:id/objections') @Roles(...WRITE_ROLES)
  @ApiCreatedResponse({ schema: apiSchema(Objection) }) @ApiNotFoundResponse({ description: 'candidate outside your scope' })
  @ApiOperation({ summary: '登记公示期异议', description: 'Record an objection received during the public notice (an open one blocks the hire)' })
  addObjection(@CurrentPrincipal() p: Principal, @Param('id', ParseIntPipe) id: number, @Body() dto: ObjectionDto) {
    return this.recruitment.addObjection(p, id, dto);
  }

  @Get('candidates/:id/objections') @Roles(...READ_ROLES)
  @ApiOperation({ summary: '考生的异议列表' })
  @ApiOkResponse({ schema: apiArraySchema(Objection) }) @ApiNotFoundResponse({ description: 'candidate outside your scope' })
  objections(@CurrentPrincipal() p: Principal, @Param('id', ParseIntPipe) id: number) {
    return this.recruitment.objections(p, id);
  }

  @Post('objections/:id/resolve') @HttpCode(200) @Roles(...WRITE_ROLES)
  @ApiOkResponse({ schema: apiSchema(Objection) }) @ApiNotFoundResponse({ description: 'objection outside your scope' })
  @ApiOperation({ summary: '处理异议', description: 'Resolve an objection: UPHELD disqualifies the candidate, DISMISSED lets the hire proceed' })
  resolveObjection(@CurrentPrincipal() p: Principal, @Param('id', ParseIntPipe) id: number, @Body() dto: ResolveObjectionDto) {
    return this.recruitment.resolveObjection(p, id, dto);
  }

  @Post('candidates/:id/hire') @Roles(...WRITE_ROLES)
  @ApiCreatedResponse({ type: HireResultDto }) @ApiNotFoundResponse({ description: 'candidate outside your scope' })
  @ApiOperation({ summary: '录用（建档并任职）', description: 'Hire a selected candidate after the public notice: creates the worker (entry grade with prior service) and the appointment in one transaction' })
  @ApiConflictResponse({ description: 'CANDIDATE_NOT_SELECTED, PUBLIC_NOTICE_RUNNING, OBJECTION_OPEN, VACANCY_FILLED, RESIDENT_ID_TAKEN, BODY_HEAD_TAKEN' })
  hire(@CurrentPrincipal() p: Principal, @Param('id', ParseIntPipe) id: number, @Body() dto: HireDto) {
    return this.recruitment.hire(p, id, dto);
  }
}
