import { Body, Controller, Get, Headers, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Principal } from '@cws/kernel';
import { Answers, ApiIfMatch, Creates, CurrentPrincipal, Roles, withEtag } from '@cws/platform';
import { READ_ROLES, WRITE_ROLES } from '../common/access';
import { CorrectElectionDto, CreateElectionDto, ElectionQueryDto, OneShoulderQueryDto, WithdrawElectionDto } from './elections.dto';
import { electionEtag, ElectionsService } from './elections.service';
import { Election, ElectionWithdrawal, OneShoulderReport } from '@cws/workers-contracts';

@ApiTags('elections')
@ApiBearerAuth()
@Controller('v1')
export class ElectionsController {
  constructor(private readonly elections: ElectionsService) {}

  @Post('elections') @Roles(...WRITE_ROLES)
  @Creates(Election, '登记选举（换届或补选）', 'Record an election (换届 or 补选) and make the elected posts, with their term', { returns: 'The election with its results and the appointments made' })
  @ApiUnprocessableEntityResponse({ description: 'NOT_AN_ELECTED_BODY (bodyKind)' })
  @ApiConflictResponse({ description: 'NO_TERM_IN_FORCE (by-election), BODY_HEAD_TAKEN, PRIMARY_APPOINTMENT_EXISTS, APPOINTMENT_OUTSIDE_COMMUNITY' })
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateElectionDto) {
    return this.elections.create(p, dto);
  }

  @Get('elections') @Roles(...READ_ROLES)
  @Answers([Election], '选举列表', 'Elections in your scope, newest first (at most 500)')
  list(@CurrentPrincipal() p: Principal, @Query() q: ElectionQueryDto) {
    return this.elections.list(p, q);
  }

  @Get('elections/one-shoulder') @Roles(...READ_ROLES)
  @Answers(OneShoulderReport, '“一肩挑”比例（按选举记录）', '一肩挑 rate from election records: communities whose elected secretary is the elected committee director on a date')
  @ApiNotFoundResponse({ description: 'a place filter outside your scope' })
  oneShoulder(@CurrentPrincipal() p: Principal, @Query() q: OneShoulderQueryDto) {
    return this.elections.oneShoulder(p, q);
  }

  @Get('elections/:id') @Roles(...READ_ROLES)
  @Answers(Election, '查看一次选举')
  @ApiNotFoundResponse({ description: 'missing or outside your scope' })
  async get(@CurrentPrincipal() p: Principal, @Param('id', ParseIntPipe) id: number) {
    const e = await this.elections.get(p, id);
    return withEtag(e, electionEtag(e));
  }

  @Patch('elections/:id') @Roles(...WRITE_ROLES)
  @Answers(Election, '更正选举记录', 'Correct what the record says beside who it elected: method, eligible voters, votes cast, winners’ votes, note (e.g. complete a back-filled election). Checked as a new election is; the posts it made do not change. Audited (CORRECT).')
  @ApiIfMatch()
  @ApiNotFoundResponse({ description: 'missing or outside your scope' })
  @ApiConflictResponse({ description: 'ELECTION_WITHDRAWN' })
  async correct(@CurrentPrincipal() p: Principal, @Param('id', ParseIntPipe) id: number, @Body() dto: CorrectElectionDto, @Headers('if-match') ifMatch?: string) {
    const e = await this.elections.correct(p, id, dto, ifMatch);
    return withEtag(e, electionEtag(e));
  }

  @Post('elections/:id/withdraw') @Roles(...WRITE_ROLES)
  @Answers(ElectionWithdrawal, '撤销选举登记（误登记）', 'Withdraw an election recorded in error: the posts it made are voided (ended the day before they started, never deleted), the posts its re-election ended run on as before, a band change its primary posts made is undone. Once; by-elections of its term and a later re-election are withdrawn first. Audited (WITHDRAW, VOID, REOPEN).')
  @ApiIfMatch()
  @ApiNotFoundResponse({ description: 'missing or outside your scope' })
  @ApiConflictResponse({ description: 'ELECTION_WITHDRAWN, ELECTION_HAS_BY_ELECTIONS, ELECTION_SUPERSEDED (electionIds: what to withdraw first)' })
  withdraw(@CurrentPrincipal() p: Principal, @Param('id', ParseIntPipe) id: number, @Body() dto: WithdrawElectionDto, @Headers('if-match') ifMatch?: string) {
    return this.elections.withdraw(p, id, dto, ifMatch);
  }
}
