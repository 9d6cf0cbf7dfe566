import { Body, Controller, Get, Param, ParseIntPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cws/kernel';
import { CurrentPrincipal, Roles } from '@cws/platform';
import { READ_ROLES, WRITE_ROLES } from '../common/access';
import {
  CandidateDto, CreateCandidateDto, CreateVacancyDto, HireDto, HireResultDto, RankingDto, ScoresDto, ScoresResultDto, VacancyDto,
} from './recruitment.dto';
import { RecruitmentService } from './recruitment.service';

@ApiTags('recruitment')
@ApiBearerAuth()
@Controller('v1')
export class RecruitmentController {
  constructor(private readonly recruitment: RecruitmentService) {}

  @Post('vacancies') @Roles(...WRITE_ROLES)
  @ApiCreatedResponse({ type: VacancyDto }) @ApiNotFoundResponse({ description: 'community outside your scope' })
  createVacancy(@CurrentPrincipal() p: Principal, @Body() dto: CreateVacancyDto) {
    return this.recruitment.createVacancy(p, dto);
  }

  @Post('vacancies/:id/candidates') @Roles(...WRITE_ROLES)
  @ApiCreatedResponse({ type: CandidateDto }) @ApiNotFoundResponse({ description: 'vacancy outside your scope' })
  addCandidate(@CurrentPrincipal() p: Principal, @Param('id', ParseIntPipe) id: number, @Body() dto: CreateCandidateDto) {
    return this.recruitment.addCandidate(p, id, dto);
  }

  @Get('vacancies/:id/ranking') @Roles(...READ_ROLES)
  @ApiOkResponse({ type: RankingDto }) @ApiNotFoundResponse({ description: 'vacancy outside your scope' })
  @ApiOperation({ summary: 'Candidates ranked by weighted written and interview scores' })
  ranking(@CurrentPrincipal() p: Principal, @Param('id', ParseIntPipe) id: number) {
    return this.recruitment.ranking(p, id);
  }

  @Patch('candidates/:id/scores') @Roles(...WRITE_ROLES)
  @ApiOkResponse({ type: ScoresResultDto }) @ApiNotFoundResponse({ description: 'candidate outside your scope' })
  score(@CurrentPrincipal() p: Principal, @Param('id', ParseIntPipe) id: number, @Body() dto: ScoresDto) {
    return this.recruitment.score(p, id, dto);
  }

  @Post('candidates/:id/hire') @Roles(...WRITE_ROLES)
  @ApiCreatedResponse({ type: HireResultDto }) @ApiNotFoundResponse({ description: 'candidate outside your scope' })
  @ApiOperation({ summary: 'Hire: creates the worker and the appointment in one transaction' })
  @ApiConflictResponse({ description: 'VACANCY_FILLED, CANDIDATE_NOT_SCORED, RESIDENT_ID_TAKEN, BODY_HEAD_TAKEN' })
  hire(@CurrentPrincipal() p: Principal, @Param('id', ParseIntPipe) id: number, @Body() dto: HireDto) {
    return this.recruitment.hire(p, id, dto);
  }
}
