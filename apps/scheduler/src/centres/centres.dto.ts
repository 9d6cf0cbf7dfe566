import { ApiProperty } from '@nestjs/swagger';
import { IsArray, IsIn, IsObject } from 'class-validator';
import type { CentreConfig } from '@cws/scheduler-solver';

/** A centre's set-up; the deep checks (times, slots, templates) are the solver lib's centreConfigIssues. */
export class PutCentreDto implements CentreConfig {
  @ApiProperty({ example: { WEEKDAY: { from: '08:00', to: '21:00' }, WEEKEND: { from: '08:00', to: '21:00' }, HOLIDAY: { from: '08:00', to: '21:00' }, ADJUSTED_WORKDAY: { from: '08:00', to: '21:00' } } })
  @IsObject()
  openingWindows!: CentreConfig['openingWindows'];

  @ApiProperty({ example: [{ dayTypes: ['WEEKDAY', 'ADJUSTED_WORKDAY'], from: '08:00', to: '17:30', min: 3 }, { dayTypes: ['WEEKDAY', 'WEEKEND', 'HOLIDAY', 'ADJUSTED_WORKDAY'], from: '08:00', to: '21:00', min: 1 }] })
  @IsArray()
  coverage!: CentreConfig['coverage'];

  @ApiProperty({ example: [{ dayTypes: ['WEEKDAY', 'ADJUSTED_WORKDAY'], roles: ['LEADER'], min: 1 }] })
  @IsArray()
  roles!: CentreConfig['roles'];

  @ApiProperty({ example: [{ code: 'EARLY', start: '08:00', end: '16:30', breakMinutes: 30 }, { code: 'LATE', start: '12:30', end: '21:00', breakMinutes: 30 }] })
  @IsArray()
  templates!: CentreConfig['templates'];

  @ApiProperty({ enum: [1, 2], example: 1 }) @IsIn([1, 2]) restDaysPer7!: 1 | 2;
}
