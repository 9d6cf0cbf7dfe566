import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { CommunityFilter, DistrictFilter, IsCalendarDate, IsMoney, StreetFilter } from '@cws/platform';
import { CLASS_POSTING_STATUSES, COURSE_CATEGORIES, type CourseCategory, type TrainingPostingStatus } from '@cws/workers-contracts';

export class CreateCourseDto {
  @ApiProperty({ example: '社区治理实务' }) @IsString() @Length(1, 100) name!: string;
  @ApiProperty({ enum: COURSE_CATEGORIES, example: 'PROFESSIONAL_SKILLS' }) @IsIn(COURSE_CATEGORIES) category!: CourseCategory;
}

export class CreateProviderDto {
  @ApiProperty({ example: '杭州市委党校' }) @IsString() @Length(1, 100) name!: string;
  @ApiPropertyOptional({ example: '91350200776049653A' }) @IsOptional() @Matches(/^[0-9A-HJ-NPQRTUWXY]{18}$/) uscc?: string;
}

export class CreateClassDto {
  @ApiProperty({ example: 1 }) @IsInt() @Min(1) courseId!: number;
  @ApiProperty({ example: 1 }) @IsInt() @Min(1) providerId!: number;
  @ApiProperty({ example: '2025年西湖区社区工作者能力提升班（第一期）' }) @IsString() @Length(1, 120) title!: string;
  @ApiProperty({ example: '2025-04-07', format: 'date' }) @IsCalendarDate() startDate!: string;
  @ApiProperty({ example: '2025-04-09', format: 'date' }) @IsCalendarDate() endDate!: string;
  @ApiProperty({ example: '24.0', description: 'Class hours, one decimal' }) @Matches(/^\d{1,4}(\.\d)?$/) hours!: string;
  @ApiProperty({ example: '36000.00', description: 'Cost in yuan, two decimals; posted to the training fund' }) @IsMoney() cost!: string;
  @ApiPropertyOptional({ example: '330106', description: 'Organising district (its training fund pays); omit for a city class' }) @IsOptional() @Matches(/^\d{6}$/) districtCode?: string;
  @ApiPropertyOptional({
    example: '330106001001',
    description: 'The community whose TRAINING allocation (from the organiser: the district, or the city) bears the cost; required when cost > 0, inside the organising district',
  })
  @IsOptional() @Matches(/^\d{12}$/) chargeCommunityCode?: string;
}

export class RecordTrainingDto {
  @ApiProperty({ example: 1024 }) @IsInt() @Min(1) workerId!: number;
  @ApiProperty({ enum: ['PASS', 'FAIL', 'ABSENT'], example: 'PASS' }) @IsIn(['PASS', 'FAIL', 'ABSENT']) result!: 'PASS' | 'FAIL' | 'ABSENT';
  @ApiPropertyOptional({ example: 'XH2025-0001' }) @IsOptional() @IsString() @MaxLength(40) certificateNo?: string;
}

export class TrainingRuleDto {
  @ApiProperty({ example: '40.0', description: 'Hours each active worker must complete in the year' }) @Matches(/^\d{1,4}(\.\d)?$/) requiredHours!: string;
  @ApiProperty({ example: '杭州市社区工作者培训管理办法（示例）' }) @IsString() @Length(1, 200) source!: string;
}

export class ShortfallQueryDto {
  @ApiProperty({ example: 2025 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year!: number;
  @DistrictFilter() district?: string;
  @StreetFilter() street?: string;
  @CommunityFilter() community?: string;
}

// ---- responses (OpenAPI) ----

/** `GET /training/postings?status=`: one state, or all. */
export class TrainingPostingQueryDto {
  @ApiPropertyOptional({ enum: CLASS_POSTING_STATUSES, description: 'PENDING in the outbox, SENT once relayed, UNROUTED (legacy rows without a charge community)' })
  @IsOptional()
  @IsIn(CLASS_POSTING_STATUSES)
  status?: TrainingPostingStatus;
}
