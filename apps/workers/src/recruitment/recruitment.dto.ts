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

// ---- responses (OpenAPI) ----

export class VacancyDto {
  @ApiProperty({ example: 7 }) id!: number;
  @ApiProperty({ example: '330106001001' }) communityCode!: string;
  @ApiProperty({ enum: BODY_KINDS, example: 'STATION' }) bodyKind!: string;
  @ApiProperty({ enum: APPOINTMENT_ROLES, example: 'STAFF' }) role!: string;
  @ApiProperty({ example: 2 }) headcount!: number;
  @ApiProperty({ example: '2025-03-01', format: 'date' }) opensOn!: string;
  @ApiProperty({ example: '2025-03-31', format: 'date' }) closesOn!: string;
  @ApiPropertyOptional({ example: '0.50' }) writtenWeight?: string;
  @ApiProperty({ enum: ['OPEN', 'FILLED'], example: 'OPEN' }) status!: string;
}

export class VacancyDetailDto extends VacancyDto {
  @ApiProperty({ example: '330106001' }) streetCode!: string;
  @ApiProperty({ example: '330106' }) districtCode!: string;
}

export class CandidateDto {
  @ApiProperty({ example: 31 }) id!: number;
  @ApiProperty({ example: 7 }) vacancyId!: number;
  @ApiProperty({ example: '陈晓燕' }) name!: string;
  @ApiProperty({ example: '3405**********001X', description: 'Masked; the whole ID is stored encrypted' }) residentIdMasked!: string;
  @ApiProperty({ enum: ['APPLIED', 'HIRED'], example: 'APPLIED' }) status!: string;
}

export class ScoresResultDto {
  @ApiProperty({ example: 31 }) id!: number;
  @ApiPropertyOptional({ example: '82.50' }) written?: string;
  @ApiPropertyOptional({ example: '88.00' }) interview?: string;
}

export class RankedCandidateDto {
  @ApiProperty({ example: 1 }) rank!: number;
  @ApiProperty({ example: 31 }) id!: number;
  @ApiProperty({ example: '陈晓燕' }) name!: string;
  @ApiProperty({ example: '3405**********001X' }) residentIdMasked!: string;
  @ApiProperty({ example: '82.50', nullable: true }) written!: string | null;
  @ApiProperty({ example: '88.00', nullable: true }) interview!: string | null;
  @ApiProperty({ example: '85.25', description: 'written × weight + interview × (1 − weight), two places' }) total!: string;
  @ApiProperty({ enum: ['APPLIED', 'HIRED'], example: 'APPLIED' }) status!: string;
  @ApiProperty({ example: null, nullable: true, type: Number }) workerId!: number | null;
}

export class RankingDto {
  @ApiProperty({ type: VacancyDetailDto }) vacancy!: VacancyDetailDto;
  @ApiProperty({ type: [RankedCandidateDto] }) candidates!: RankedCandidateDto[];
}

export class HireResultDto {
  @ApiProperty({ example: 31 }) candidateId!: number;
  @ApiProperty({
    type: Object, description: 'The new worker (as GET workers/:id, masked)',
    example: { id: 1025, name: '陈晓燕', sex: 'F', residentIdMasked: '3405**********001X', communityCode: '330106001001', status: 'ACTIVE', hireDate: '2025-05-01' },
  })
  worker!: Record<string, unknown>;
  @ApiProperty({
    type: Object, description: 'The appointment made by the hire',
    example: { id: 88, workerId: 1025, communityCode: '330106001001', bodyKind: 'STATION', role: 'STAFF', obtainedBy: 'RECRUITMENT', isPrimary: true, from: '2025-05-01', to: null },
  })
  appointment!: Record<string, unknown>;
  @ApiProperty({ example: [{ path: 'bankAccount', issue: 'LUHN_FAILED' }], description: 'Non-blocking warnings' }) warnings!: Array<{ path: string; issue: string }>;
}
