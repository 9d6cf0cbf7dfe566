import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cws/kernel';
import { apiSchema, CurrentPrincipal, Permissions, Roles } from '@cws/platform';
import { READ_ROLES, WORKERS_READ, WRITE_ROLES } from '../common/access';
import { CreateAppointmentDto, EndAppointmentDto, OnDateDto } from './appointments.dto';
import { AppointmentsService } from './appointments.service';
import { Appointment, CommunityPostsOn, CrossAppointmentOn, WorkerPostsOn } from '@cws/workers-contracts';

@ApiTags('appointments')
@ApiBearerAuth()
@Controller('v1')
export class AppointmentsController {
  constructor(private readonly appointments: AppointmentsService) {}

  @Post('appointments')
  @Roles(...WRITE_ROLES)
  @ApiOperation({ summary: '任命岗位', description: 'Appoint a worker to a post in one of the community’s bodies' })
  @ApiConflictResponse({ description: 'BODY_HEAD_TAKEN, PRIMARY_APPOINTMENT_EXISTS, DUPLICATE_APPOINTMENT, WORKER_LEFT, APPOINTMENT_OUTSIDE_COMMUNITY' })
  @ApiCreatedResponse({ schema: apiSchema(Appointment) })
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateAppointmentDto) {
    return this.appointments.create(p, dto);
  }

  @Post('appointments/:id/end')
  @HttpCode(200)
  @Roles(...WRITE_ROLES)
  @ApiOperation({ summary: '结束任职', description: 'End a post (appointments are ended, never deleted)' })
  @ApiOkResponse({ schema: apiSchema(Appointment) })
  end(@CurrentPrincipal() p: Principal, @Param('id', ParseIntPipe) id: number, @Body() dto: EndAppointmentDto) {
    return this.appointments.end(p, id, dto);
  }

  @Get('workers/:id/posts')
  @Roles(...READ_ROLES)
  @Permissions(WORKERS_READ)
  @ApiOperation({ summary: '社区工作者某日的任职', description: 'A worker’s posts on a date' })
  @ApiOkResponse({ schema: apiSchema(WorkerPostsOn) })
  posts(@CurrentPrincipal() p: Principal, @Param('id', ParseIntPipe) id: number, @Query() q: OnDateDto) {
    return this.appointments.postsOn(p, id, q.date);
  }

  @Get('communities/:code/posts')
  @Roles(...READ_ROLES)
  @Permissions(WORKERS_READ)
  @ApiOperation({ summary: '社区三个组织某日的任职情况', description: 'Who holds which post in the community’s three bodies on a date' })
  @ApiOkResponse({ schema: apiSchema(CommunityPostsOn) })
  communityPosts(@CurrentPrincipal() p: Principal, @Param('code') code: string, @Query() q: OnDateDto) {
    return this.appointments.communityPosts(p, code, q.date);
  }

  @Get('communities/:code/cross-appointment')
  @Roles(...READ_ROLES)
  @Permissions(WORKERS_READ)
  @ApiOperation({ summary: '社区交叉任职率与“一肩挑”情况', description: 'Cross-appointment rate and 一肩挑 status of a community on a date' })
  @ApiOkResponse({ schema: apiSchema(CrossAppointmentOn) })
  cross(@CurrentPrincipal() p: Principal, @Param('code') code: string, @Query() q: OnDateDto) {
    return this.appointments.crossAppointment(p, code, q.date);
  }
}
