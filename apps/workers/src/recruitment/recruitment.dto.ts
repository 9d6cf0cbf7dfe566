import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import {
  APPOINTMENT_ROLES, BODY_KINDS, EDUCATION_LEVELS, POLITICAL_STATUSES, QUALIFICATION_LEVELS, type AppointmentRole, type BodyKind, type Education,
  type PoliticalStatus, type QualificationLevel,
} from '@cws/workers-contracts';

export class CreateVacancyDto {
  @ApiProperty({ example: '330106001001' }) @Matches(/^\d{12}$/) communityCode!: string;
  @ApiProperty({ enum: BODY_KINDS, example: 'STATION' }) @IsIn(BODY_KINDS) bodyKind!: BodyKind;
  @ApiProperty({ enum: APPOINTMENT_ROLES, example: 'STAFF' }) @IsIn(APPOINTMENT_ROLES) role!: AppointmentRole;
  @ApiProperty({ example: 2 }) @IsInt() @Min(1) @Max(100) headcount!: number;
  @ApiProperty({ example: '2025-03-01', format: 'date' }) @IsISO8601({ strict: true }) opensOn!: string;
  @ApiProperty({ example: '2025-03-31', format: 'date' }) @IsISO8601({ strict: true }) closesOn!: string;
  @ApiPropertyOptional({ example: '0.50', description: 'Weight of the written score in the total (the interview takes the rest)' })
  @IsOptional() @Matches(/^0(\.\d{1,2})?$|^1(\.0{1,2})?$/) writtenWeight?: string;
}

export class CreateCandidateDto {
  @ApiProperty({ example: '陈晓燕' }) @IsString() @Length(1, 60) name!: string;
  @ApiProperty({ example: '34052419800101001X' }) @Matches(/^\d{17}[\dX]$/, { message: 'must be 17 digits followed by a digit or X' }) residentId!: string;
  @ApiPropertyOptional({ example: '13800138000' }) @IsOptional() @Matches(/^1\d{10}$/) phone?: string;
  @ApiProperty({ enum: EDUCATION_LEVELS, example: 'BACHELOR' }) @IsIn(EDUCATION_LEVELS) education!: Education;
  @ApiProperty({ enum: POLITICAL_STATUSES, example: 'LEAGUE_MEMBER' }) @IsIn(POLITICAL_STATUSES) politicalStatus!: PoliticalStatus;
  @ApiPropertyOptional({ enum: QUALIFICATION_LEVELS, example: 'ASSISTANT' }) @IsOptional() @IsIn(QUALIFICATION_LEVELS) qualificationLevel?: QualificationLevel;
}

export class ScoresDto {
  @ApiPropertyOptional({ example: '82.50' }) @IsOptional() @Matches(/^\d{1,3}(\.\d{1,2})?$/) written?: string;
  @ApiPropertyOptional({ example: '88.00' }) @IsOptional() @Matches(/^\d{1,3}(\.\d{1,2})?$/) interview?: string;
}

export class HireDto {
  @ApiProperty({ example: '2025-05-01', format: 'date' }) @IsISO8601({ strict: true }) hireDate!: string;
  @ApiPropertyOptional({ example: '6225768888888888' }) @IsOptional() @IsString() bankAccount?: string;
  @ApiPropertyOptional({ default: true, description: 'Make the new post the worker’s primary one' }) @IsOptional() @IsBoolean() primary?: boolean;
}
