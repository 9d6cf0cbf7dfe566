import { Body, Controller, Get, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cws/kernel';
import { CurrentPrincipal, Roles } from '@cws/platform';
import { READ_ROLES, WRITE_ROLES } from '../common/access';
import { CreateClassDto, CreateCourseDto, CreateProviderDto, RecordTrainingDto, ShortfallQueryDto, TrainingRuleDto } from './training.dto';
import { TrainingService } from './training.service';

@ApiTags('training')
@ApiBearerAuth()
@Controller('v1/training')
export class TrainingController {
  constructor(private readonly training: TrainingService) {}

  @Get('courses') @Roles(...READ_ROLES)
  courses() {
    return this.training.courses();
  }

  @Post('courses') @Roles('CITY_ADMIN', 'DISTRICT_HR')
  createCourse(@Body() dto: CreateCourseDto) {
    return this.training.createCourse(dto);
  }

  @Get('providers') @Roles(...READ_ROLES)
  providers() {
    return this.training.providers();
  }

  @Post('providers') @Roles('CITY_ADMIN', 'DISTRICT_HR')
  createProvider(@Body() dto: CreateProviderDto) {
    return this.training.createProvider(dto);
  }

  @Get('classes') @Roles(...READ_ROLES)
  classes(@CurrentPrincipal() p: Principal) {
    return this.training.classes(p);
  }

  @Post('classes') @Roles('CITY_ADMIN', 'DISTRICT_HR')
  @ApiOperation({ summary: 'Create a class; its cost goes to the budget service (TRAINING stream) through the outbox' })
  createClass(@CurrentPrincipal() p: Principal, @Body() dto: CreateClassDto) {
    return this.training.createClass(p, dto);
  }

  @Post('classes/:id/records') @Roles(...WRITE_ROLES)
  @ApiOperation({ summary: 'Record a worker’s result (a pass earns the class hours)' })
  record(@CurrentPrincipal() p: Principal, @Param('id', ParseIntPipe) id: number, @Body() dto: RecordTrainingDto) {
    return this.training.record(p, id, dto);
  }

  @Put('rules/:year') @Roles('CITY_ADMIN')
  @ApiOperation({ summary: 'Set the yearly required hours (data, with its source)' })
  setRule(@CurrentPrincipal() p: Principal, @Param('year', ParseIntPipe) year: number, @Body() dto: TrainingRuleDto) {
    return this.training.setRule(p, year, dto);
  }

  @Get('shortfall') @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'Who falls short of the year’s required hours, by district/street/community' })
  shortfall(@CurrentPrincipal() p: Principal, @Query() q: ShortfallQueryDto) {
    return this.training.shortfall(p, q);
  }

  @Get('postings') @Roles('CITY_ADMIN', 'DISTRICT_HR', 'FINANCE', 'AUDITOR')
  @ApiOperation({ summary: 'Training cost postings to the budget: PENDING in the outbox, SENT once relayed (UNROUTED: legacy rows without a charge community)' })
  postings(@CurrentPrincipal() p: Principal, @Query('status') status?: string) {
    return this.training.postings(p, status);
  }
}
