import { Body, Controller, Get, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cws/kernel';
import { Answers, Creates, CurrentPrincipal, Permissions, Roles } from '@cws/platform';
import { READ_ROLES, WORKERS_READ, WRITE_ROLES } from '../common/access';
import { CommunityPostsQueryDto, CreateAppointmentDto, EndAppointmentDto, OnDateDto } from './appointments.dto';
import { AppointmentsService } from './appointments.service';
import { Appointment, CommunityPostsOn, CrossAppointmentOn, WorkerPostsOn } from '@cws/workers-contracts';

@ApiTags('appointments')
@ApiBearerAuth()
@Controller('v1')
export class AppointmentsController {
  constructor(private readonly appointments: AppointmentsService) {}

  @Post('appointments')
  @Roles(...WRITE_ROLES)
  @Creates(Appointment, '任命岗位', 'Appoint a worker to a post in one of the community’s bodies')
  @ApiConflictResponse({ description: 'BODY_HEAD_TAKEN, PRIMARY_APPOINTMENT_EXISTS, DUPLICATE_APPOINTMENT, WORKER_LEFT, APPOINTMENT_OUTSIDE_COMMUNITY' })
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateAppointmentDto) {
    return this.appointments.create(p, dto);
  }

  @Post('appointments/:id/end')
  @Roles(...WRITE_ROLES)
  @Answers(Appointment, '结束任职', 'End a post (appointments are ended, never deleted)')
  end(@CurrentPrincipal() p: Principal, @Param('id', ParseIntPipe) id: number, @Body() dto: EndAppointmentDto) {
    return this.appointments.end(p, id, dto);
  }

  @Get('workers/:id/posts')
  @Roles(...READ_ROLES)
  @Permissions(WORKERS_READ)
  @Answers(WorkerPostsOn, '社区工作者某日的任职', 'A worker’s posts on a date')
  posts(@CurrentPrincipal() p: Principal, @Param('id', ParseIntPipe) id: number, @Query() q: OnDateDto) {
    return this.appointments.postsOn(p, id, q.date);
  }

  @Get('communities/:code/posts')
  @Roles(...READ_ROLES)
  @Permissions(WORKERS_READ)
  @Answers(CommunityPostsOn, '社区三个组织某日（或某段日期内）的任职情况', 'Who holds which post in the community’s three bodies on a date, or on any day of date…through')
  communityPosts(@CurrentPrincipal() p: Principal, @Param('code') code: string, @Query() q: CommunityPostsQueryDto) {
    return this.appointments.communityPosts(p, code, q.date, q.through);
  }

  @Get('communities/:code/cross-appointment')
  @Roles(...READ_ROLES)
  @Permissions(WORKERS_READ)
  @Answers(CrossAppointmentOn, '社区交叉任职率与“一肩挑”情况', 'Cross-appointment rate and 一肩挑 status of a community on a date')
  cross(@CurrentPrincipal() p: Principal, @Param('code') code: string, @Query() q: OnDateDto) {
    return this.appointments.crossAppointment(p, code, q.date);
  }
}
