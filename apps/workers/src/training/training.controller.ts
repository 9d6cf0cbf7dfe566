import { Body, Controller, Get, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cws/kernel';
import { Answers, Creates, CurrentPrincipal, Roles, YearParam } from '@cws/platform';
import { READ_ROLES, WRITE_ROLES } from '../common/access';
import {
  CreateClassDto, CreateCourseDto, CreateProviderDto, RecordTrainingDto, ShortfallQueryDto, TrainingPostingQueryDto, TrainingRuleDto,
} from './training.dto';
import { TrainingService } from './training.service';
import { CreatedTrainingClass, RecordedTrainingResult, ShortfallReport, TrainingClass, TrainingCourse, TrainingPosting, TrainingProvider, TrainingRule } from '@cws/workers-contracts';

@ApiTags('training')
@ApiBearerAuth()
@Controller('v1/training')
export class TrainingController {
  constructor(private readonly training: TrainingService) {}

  @Get('courses') @Roles(...READ_ROLES)
  @Answers([TrainingCourse], '培训课程列表')
  courses() {
    return this.training.courses();
  }

  @Post('courses') @Roles('CITY_ADMIN', 'DISTRICT_HR')
  @Creates(TrainingCourse, '新建培训课程')
  createCourse(@Body() dto: CreateCourseDto) {
    return this.training.createCourse(dto);
  }

  @Get('providers') @Roles(...READ_ROLES)
  @Answers([TrainingProvider], '培训机构列表')
  providers() {
    return this.training.providers();
  }

  @Post('providers') @Roles('CITY_ADMIN', 'DISTRICT_HR')
  @Creates(TrainingProvider, '登记培训机构')
  createProvider(@Body() dto: CreateProviderDto) {
    return this.training.createProvider(dto);
  }

  @Get('classes') @Roles(...READ_ROLES)
  @Answers([TrainingClass], '培训班列表', undefined, { returns: 'City classes and those of your district' })
  classes(@CurrentPrincipal() p: Principal) {
    return this.training.classes(p);
  }

  @Post('classes') @Roles('CITY_ADMIN', 'DISTRICT_HR')
  @Creates(CreatedTrainingClass, '开设培训班（费用记入培训经费）', 'Create a class; its cost goes to the budget service (TRAINING stream) through the outbox')
  @ApiNotFoundResponse({ description: 'districtCode or chargeCommunityCode outside your scope' })
  createClass(@CurrentPrincipal() p: Principal, @Body() dto: CreateClassDto) {
    return this.training.createClass(p, dto);
  }

  @Post('classes/:id/records') @Roles(...WRITE_ROLES)
  @Creates(RecordedTrainingResult, '登记培训结果', 'Record a worker’s result (a pass earns the class hours)')
  @ApiNotFoundResponse({ description: 'class or worker outside your scope' })
  record(@CurrentPrincipal() p: Principal, @Param('id', ParseIntPipe) id: number, @Body() dto: RecordTrainingDto) {
    return this.training.record(p, id, dto);
  }

  @Put('rules/:year') @Roles('CITY_ADMIN')
  @Answers(TrainingRule, '设置年度应修学时', 'Set the yearly required hours (data, with its source)')
  setRule(@CurrentPrincipal() p: Principal, @Param() { year }: YearParam, @Body() dto: TrainingRuleDto) {
    return this.training.setRule(p, year, dto);
  }

  @Get('shortfall') @Roles(...READ_ROLES)
  @Answers(ShortfallReport, '学时不足人员', 'Who falls short of the year’s required hours, by district/street/community')
  @ApiNotFoundResponse({ description: 'no rule for the year, or a filter outside your scope' })
  shortfall(@CurrentPrincipal() p: Principal, @Query() q: ShortfallQueryDto) {
    return this.training.shortfall(p, q);
  }

  @Get('postings') @Roles('CITY_ADMIN', 'DISTRICT_HR', 'FINANCE', 'AUDITOR')
  @Answers([TrainingPosting], '培训费用记账情况', 'Training cost postings to the budget: PENDING in the outbox, SENT once relayed (UNROUTED: legacy rows without a charge community)')
  postings(@CurrentPrincipal() p: Principal, @Query() q: TrainingPostingQueryDto) {
    return this.training.postings(p, q.status);
  }
}
