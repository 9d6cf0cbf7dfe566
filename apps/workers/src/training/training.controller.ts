import { Body, Controller, Get, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cws/kernel';
import { apiArraySchema, apiSchema, CurrentPrincipal, Roles, YearParam } from '@cws/platform';
import { READ_ROLES, WRITE_ROLES } from '../common/access';
import {
  CreateClassDto, CreateCourseDto, CreateProviderDto, RecordTrainingDto, ShortfallQueryDto, TrainingPostingDto, TrainingResultDto, TrainingRuleDto,
} from './training.dto';
import { TrainingService } from './training.service';
import { CreatedTrainingClass, ShortfallReport, TrainingClass, TrainingCourse, TrainingProvider, TrainingRule } from '@cws/workers-contracts';

@ApiTags('training')
@ApiBearerAuth()
@Controller('v1/training')
export class TrainingController {
  constructor(private readonly training: TrainingService) {}

  @Get('courses') @Roles(...READ_ROLES)
  @ApiOperation({ summary: '培训课程列表' })
  @ApiOkResponse({ schema: apiArraySchema(TrainingCourse) })
  courses() {
    return this.training.courses();
  }

  @Post('courses') @Roles('CITY_ADMIN', 'DISTRICT_HR')
  @ApiOperation({ summary: '新建培训课程' })
  @ApiCreatedResponse({ schema: apiSchema(TrainingCourse) })
  createCourse(@Body() dto: CreateCourseDto) {
    return this.training.createCourse(dto);
  }

  @Get('providers') @Roles(...READ_ROLES)
  @ApiOperation({ summary: '培训机构列表' })
  @ApiOkResponse({ schema: apiArraySchema(TrainingProvider) })
  providers() {
    return this.training.providers();
  }

  @Post('providers') @Roles('CITY_ADMIN', 'DISTRICT_HR')
  @ApiOperation({ summary: '登记培训机构' })
  @ApiCreatedResponse({ schema: apiSchema(TrainingProvider) })
  createProvider(@Body() dto: CreateProviderDto) {
    return this.training.createProvider(dto);
  }

  @Get('classes') @Roles(...READ_ROLES)
  @ApiOperation({ summary: '培训班列表' })
  @ApiOkResponse({ schema: apiArraySchema(TrainingClass), description: 'City classes and those of your district' })
  classes(@CurrentPrincipal() p: Principal) {
    return this.training.classes(p);
  }

  @Post('classes') @Roles('CITY_ADMIN', 'DISTRICT_HR')
  @ApiCreatedResponse({ schema: apiSchema(CreatedTrainingClass) }) @ApiNotFoundResponse({ description: 'districtCode or chargeCommunityCode outside your scope' })
  @ApiOperation({ summary: '开设培训班（费用记入培训经费）', description: 'Create a class; its cost goes to the budget service (TRAINING stream) through the outbox' })
  createClass(@CurrentPrincipal() p: Principal, @Body() dto: CreateClassDto) {
    return this.training.createClass(p, dto);
  }

  @Post('classes/:id/records') @Roles(...WRITE_ROLES)
  @ApiCreatedResponse({ type: TrainingResultDto }) @ApiNotFoundResponse({ description: 'class or worker outside your scope' })
  @ApiOperation({ summary: '登记培训结果', description: 'Record a worker’s result (a pass earns the class hours)' })
  record(@CurrentPrincipal() p: Principal, @Param('id', ParseIntPipe) id: number, @Body() dto: RecordTrainingDto) {
    return this.training.record(p, id, dto);
  }

  @Put('rules/:year') @Roles('CITY_ADMIN')
  @ApiOkResponse({ schema: apiSchema(TrainingRule) })
  @ApiOperation({ summary: '设置年度应修学时', description: 'Set the yearly required hours (data, with its source)' })
  setRule(@CurrentPrincipal() p: Principal, @Param() { year }: YearParam, @Body() dto: TrainingRuleDto) {
    return this.training.setRule(p, year, dto);
  }

  @Get('shortfall') @Roles(...READ_ROLES)
  @ApiOkResponse({ schema: apiSchema(ShortfallReport) }) @ApiNotFoundResponse({ description: 'no rule for the year, or a filter outside your scope' })
  @ApiOperation({ summary: '学时不足人员', description: 'Who falls short of the year’s required hours, by district/street/community' })
  shortfall(@CurrentPrincipal() p: Principal, @Query() q: ShortfallQueryDto) {
    return this.training.shortfall(p, q);
  }

  @Get('postings') @Roles('CITY_ADMIN', 'DISTRICT_HR', 'FINANCE', 'AUDITOR')
  @ApiOkResponse({ type: [TrainingPostingDto] })
  @ApiOperation({ summary: '培训费用记账情况', description: 'Training cost postings to the budget: PENDING in the outbox, SENT once relayed (UNROUTED: legacy rows without a charge community)' })
  postings(@CurrentPrincipal() p: Principal, @Query('status') status?: string) {
    return this.training.postings(p, status);
  }
}
