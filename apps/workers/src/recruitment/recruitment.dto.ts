import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { CommunityFilter, IsCalendarDate, PageLimit } from '@cws/platform';
import {
  APPOINTMENT_ROLES, BODY_KINDS, EDUCATION_LEVELS, POLITICAL_STATUSES, QUALIFICATION_LEVELS, type AppointmentRole, type BodyKind, type Education,
  type PoliticalStatus, type QualificationLevel,
} from '@cws/workers-contracts';

export class CreateVacancyDto {
  @ApiProperty({ example: '330106001001' }) @Matches(/^\d{12}$/) communityCode!: string;
  @ApiProperty({ enum: BODY_KINDS, example: 'STATION' }) @IsIn(BODY_KINDS) bodyKind!: BodyKind;
  @ApiProperty({ enum: APPOINTMENT_ROLES, example: 'STAFF' }) @IsIn(APPOINTMENT_ROLES) role!: AppointmentRole;
  @ApiProperty({ example: 2 }) @IsInt() @Min(1) @Max(100) headcount!: number;
  @ApiProperty({ example: '2025-03-01', format: 'date' }) @IsCalendarDate() opensOn!: string;
  @ApiProperty({ example: '2025-03-31', format: 'date' }) @IsCalendarDate() closesOn!: string;
  @ApiPropertyOptional({ example: '0.50', description: 'Weight of the written score in the total (the interview takes the rest)' })
  @IsOptional() @Matches(/^0(\.\d{1,2})?$|^1(\.0{1,2})?$/) writtenWeight?: string;
  @ApiPropertyOptional({ example: 7, default: 7, description: 'Length of the public notice (公示) between selection and hire, in days' })
  @IsOptional() @IsInt() @Min(1) @Max(30) noticeDays?: number;
}

export class CreateCandidateDto {
  @ApiProperty({ example: '陈晓燕' }) @IsString() @Length(1, 60) name!: string;
  @ApiProperty({ example: '11010519491231002X' }) @Matches(/^\d{17}[\dX]$/, { message: 'must be 17 digits followed by a digit or X' }) residentId!: string;
  @ApiPropertyOptional({ example: '13800138000' }) @IsOptional() @Matches(/^1\d{10}$/) phone?: string;
  @ApiProperty({ enum: EDUCATION_LEVELS, example: 'BACHELOR' }) @IsIn(EDUCATION_LEVELS) education!: Education;
  @ApiProperty({ enum: POLITICAL_STATUSES, example: 'LEAGUE_MEMBER' }) @IsIn(POLITICAL_STATUSES) politicalStatus!: PoliticalStatus;
  @ApiPropertyOptional({ enum: QUALIFICATION_LEVELS, example: 'ASSISTANT' }) @IsOptional() @IsIn(QUALIFICATION_LEVELS) qualificationLevel?: QualificationLevel;
}

export class ScoresDto {
  @ApiPropertyOptional({ example: '82.50' }) @IsOptional() @Matches(/^\d{1,3}(\.\d{1,2})?$/) written?: string;
  @ApiPropertyOptional({ example: '88.00' }) @IsOptional() @Matches(/^\d{1,3}(\.\d{1,2})?$/) interview?: string;
}

export class SelectCandidateDto {
  @ApiPropertyOptional({ example: '2025-04-20', format: 'date', description: 'First day of the public notice (default: today)' }) @IsOptional() @IsCalendarDate() noticeStart?: string;
  @ApiPropertyOptional({ example: '第一名放弃体检', description: 'Required when a higher-ranked candidate still in contention is passed over' })
  @IsOptional() @IsString() @Length(1, 300) skipReason?: string;
}

export class ObjectionDto {
  @ApiProperty({ example: '2025-04-22', format: 'date', description: 'Within the notice period' }) @IsCalendarDate() receivedOn!: string;
  @ApiProperty({ example: '反映该考生学历证明存疑' }) @IsString() @Length(1, 500) summary!: string;
}

export class ResolveObjectionDto {
  @ApiProperty({ enum: ['UPHELD', 'DISMISSED'], description: 'UPHELD disqualifies the candidate; DISMISSED lets the hire go ahead' }) @IsIn(['UPHELD', 'DISMISSED']) outcome!: 'UPHELD' | 'DISMISSED';
  @ApiProperty({ example: '经核实学历证明真实有效' }) @IsString() @Length(1, 300) resolution!: string;
  @ApiPropertyOptional({ example: '2025-04-25', format: 'date', description: 'Default: today' }) @IsOptional() @IsCalendarDate() resolvedOn?: string;
}

export class HireDto {
  @ApiProperty({ example: '2025-05-01', format: 'date', description: 'After the public notice has ended' }) @IsCalendarDate() hireDate!: string;
  @ApiPropertyOptional({ example: 108, default: 0, description: 'Prior community service in months, credited toward the entry grade (108 = 9 years = base + 3 at 3 years a step)' })
  @IsOptional() @IsInt() @Min(0) @Max(600) priorServiceMonths?: number;
  @ApiPropertyOptional({ example: '6225768888888888' }) @IsOptional() @IsString() bankAccount?: string;
  @ApiPropertyOptional({ default: true, description: 'Make the new post the worker’s primary one' }) @IsOptional() @IsBoolean() primary?: boolean;
}

export class VacancyListQueryDto {
  @ApiPropertyOptional({ enum: ['OPEN', 'FILLED'] }) @IsOptional() @IsIn(['OPEN', 'FILLED']) status?: 'OPEN' | 'FILLED';
  @CommunityFilter() communityCode?: string;
  @PageLimit(50, 200) limit?: number;
  @ApiPropertyOptional({ description: 'keyset cursor (newest first): nextAfter of the previous page' }) @IsOptional() @Matches(/^\d{1,10}$/, { message: 'must be a vacancy id' }) after?: string;
}

// ---- responses (OpenAPI) ----

