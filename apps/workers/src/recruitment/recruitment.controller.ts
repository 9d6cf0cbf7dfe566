import { Body, Controller, Get, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cws/kernel';
import { Answers, Creates, CurrentPrincipal, Roles } from '@cws/platform';
import { READ_ROLES, WRITE_ROLES } from '../common/access';
import { CreateCandidateDto, CreateVacancyDto, HireDto, ObjectionDto, ResolveObjectionDto, ScoresDto, SelectCandidateDto, VacancyListQueryDto } from './recruitment.dto';
import { RecruitmentService } from './recruitment.service';
import { Candidate, CandidateScores, CandidateSelection, HireResult, Objection, Ranking, Vacancy, VacancyPage } from '@cws/workers-contracts';

@ApiTags('recruitment')
@ApiBearerAuth()
@Controller('v1')
export class RecruitmentController {
  constructor(private readonly recruitment: RecruitmentService) {}

  @Post('vacancies') @Roles(...WRITE_ROLES)
  @Creates(Vacancy, '发布招聘岗位')
  @ApiNotFoundResponse({ description: 'community outside your scope' })
  createVacancy(@CurrentPrincipal() p: Principal, @Body() dto: CreateVacancyDto) {
    return this.recruitment.createVacancy(p, dto);
  }

  @Get('vacancies') @Roles(...READ_ROLES)
  @Answers(VacancyPage, '招聘岗位列表（按新到旧，游标分页）', 'Vacancies in your scope, newest first, with their applicant, selected and hired counts; keyset pages { items, nextAfter }')
  listVacancies(@CurrentPrincipal() p: Principal, @Query() q: VacancyListQueryDto) {
    return this.recruitment.listVacancies(p, q);
  }

  @Post('vacancies/:id/candidates') @Roles(...WRITE_ROLES)
  @Creates(Candidate, '登记考生')
  @ApiNotFoundResponse({ description: 'vacancy outside your scope' })
  addCandidate(@CurrentPrincipal() p: Principal, @Param('id', ParseIntPipe) id: number, @Body() dto: CreateCandidateDto) {
    return this.recruitment.addCandidate(p, id, dto);
  }

  @Get('vacancies/:id/ranking') @Roles(...READ_ROLES)
  @Answers(Ranking, '考生综合排名', 'Candidates ranked by weighted written and interview scores')
  @ApiNotFoundResponse({ description: 'vacancy outside your scope' })
  ranking(@CurrentPrincipal() p: Principal, @Param('id', ParseIntPipe) id: number) {
    return this.recruitment.ranking(p, id);
  }

  @Patch('candidates/:id/scores') @Roles(...WRITE_ROLES)
  @Answers(CandidateScores, '录入笔试、面试成绩')
  @ApiNotFoundResponse({ description: 'candidate outside your scope' })
  score(@CurrentPrincipal() p: Principal, @Param('id', ParseIntPipe) id: number, @Body() dto: ScoresDto) {
    return this.recruitment.score(p, id, dto);
  }

  @Post('candidates/:id/select') @Roles(...WRITE_ROLES)
  @Creates(CandidateSelection, '确定拟录用人选并公示', 'Select a candidate: opens the public notice (公示); passing over a higher rank needs skipReason (422 RANKING_SKIP_REASON_REQUIRED)')
  @ApiNotFoundResponse({ description: 'candidate outside your scope' })
  select(@CurrentPrincipal() p: Principal, @Param('id', ParseIntPipe) id: number, @Body() dto: SelectCandidateDto) {
    return this.recruitment.select(p, id, dto);
  }

  @Post('candidates/:id/objections') @Roles(...WRITE_ROLES)
  @Creates(Objection, '登记公示期异议', 'Record an objection received during the public notice (an open one blocks the hire)')
  @ApiNotFoundResponse({ description: 'candidate outside your scope' })
  addObjection(@CurrentPrincipal() p: Principal, @Param('id', ParseIntPipe) id: number, @Body() dto: ObjectionDto) {
    return this.recruitment.addObjection(p, id, dto);
  }

  @Get('candidates/:id/objections') @Roles(...READ_ROLES)
  @Answers([Objection], '考生的异议列表')
  @ApiNotFoundResponse({ description: 'candidate outside your scope' })
  objections(@CurrentPrincipal() p: Principal, @Param('id', ParseIntPipe) id: number) {
    return this.recruitment.objections(p, id);
  }

  @Post('objections/:id/resolve') @Roles(...WRITE_ROLES)
  @Answers(Objection, '处理异议', 'Resolve an objection: UPHELD disqualifies the candidate, DISMISSED lets the hire proceed')
  @ApiNotFoundResponse({ description: 'objection outside your scope' })
  resolveObjection(@CurrentPrincipal() p: Principal, @Param('id', ParseIntPipe) id: number, @Body() dto: ResolveObjectionDto) {
    return this.recruitment.resolveObjection(p, id, dto);
  }

  @Post('candidates/:id/hire') @Roles(...WRITE_ROLES)
  @Creates(HireResult, '录用（建档并任职）', 'Hire a selected candidate after the public notice: creates the worker (entry grade with prior service) and the appointment in one transaction')
  @ApiNotFoundResponse({ description: 'candidate outside your scope' })
  @ApiConflictResponse({ description: 'CANDIDATE_NOT_SELECTED, PUBLIC_NOTICE_RUNNING, OBJECTION_OPEN, VACANCY_FILLED, RESIDENT_ID_TAKEN, BODY_HEAD_TAKEN' })
  hire(@CurrentPrincipal() p: Principal, @Param('id', ParseIntPipe) id: number, @Body() dto: HireDto) {
    return this.recruitment.hire(p, id, dto);
  }
}
