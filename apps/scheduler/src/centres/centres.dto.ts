import { ApiProperty } from '@nestjs/swagger';
import { IsArray, IsIn, IsObject } from 'class-validator';
import type { CentreConfig } from '@cws/scheduler-solver';

/** A centre's set-up; the deep checks (times, slots, templates) are the solver lib's centreConfigIssues. */
export class PutCentreDto implements CentreConfig {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'object', properties: { from: { type: 'string', description: '开门时间 HH:mm' }, to: { type: 'string', description: '关门时间 HH:mm' } } }, description: '各日类型的开放时段（HH:mm）。Opening hours per day type.', example: { WEEKDAY: { from: '08:00', to: '21:00' }, WEEKEND: { from: '08:00', to: '21:00' }, HOLIDAY: { from: '08:00', to: '21:00' }, ADJUSTED_WORKDAY: { from: '08:00', to: '21:00' } } })
  @IsObject()
  openingWindows!: CentreConfig['openingWindows'];

  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: '各时段最少在岗人数（日类型、时段、最少人数）。Minimum staff per slot.', example: [{ dayTypes: ['WEEKDAY', 'ADJUSTED_WORKDAY'], from: '08:00', to: '17:30', min: 3 }, { dayTypes: ['WEEKDAY', 'WEEKEND', 'HOLIDAY', 'ADJUSTED_WORKDAY'], from: '08:00', to: '21:00', min: 1 }] })
  @IsArray()
  coverage!: CentreConfig['coverage'];

  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: '各日类型至少需要的角色（如 LEADER 值班负责人）。Roles each day needs.', example: [{ dayTypes: ['WEEKDAY', 'ADJUSTED_WORKDAY'], roles: ['LEADER'], min: 1 }] })
  @IsArray()
  roles!: CentreConfig['roles'];

  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: '班次模板（代码、起止时间、休息分钟）。Shift templates.', example: [{ code: 'EARLY', start: '08:00', end: '16:30', breakMinutes: 30 }, { code: 'LATE', start: '12:30', end: '21:00', breakMinutes: 30 }] })
  @IsArray()
  templates!: CentreConfig['templates'];

  @ApiProperty({ enum: [1, 2], enumName: 'RestDaysPer7', example: 1, description: '每 7 天至少休息天数。Rest days in every 7.' }) @IsIn([1, 2]) restDaysPer7!: 1 | 2;
}
