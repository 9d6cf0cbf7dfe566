import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { CommunityFilter, DistrictFilter, IsCalendarDate, PageLimit, StreetFilter } from '@cws/platform';
import {
  APPOINTMENT_ROLES, CAREER_EVENT_KINDS, EDUCATION_LEVELS, EMPLOYMENT_TYPES, POLITICAL_STATUSES, POST_BANDS,
  QUALIFICATION_LEVELS, WORKER_STATUSES, type CareerEventKind, type Education, type EmploymentType,
  type PoliticalStatus, type PostBand, type QualificationLevel, type WorkerStatus,
} from '@cws/workers-contracts';

const DATE = { example: '2024-03-01', format: 'date' } as const;

/** The most resident IDs one lookup takes (a district's bonus sheet). */
export const LOOKUP_MAX = 2000;

export class WorkerLookupDto {
  @ApiProperty({ type: [String], example: ['11010519491231002X'], description: `Full 18-character resident IDs (1 to ${LOOKUP_MAX}); sent in the body, never in a URL` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(LOOKUP_MAX)
  @IsString({ each: true })
  @Matches(/^\d{17}[\dX]$/, { each: true, message: 'each must be 17 digits followed by a digit or X' })
  residentIds!: string[];
}

export class CreateWorkerDto {
  @ApiProperty({ example: '张丽华' }) @IsString() @Length(1, 60) name!: string;
  @ApiProperty({ example: '11010519491231002X', description: '18-character resident ID (GB 11643); stored encrypted, never returned in lists' })
  @Matches(/^\d{17}[\dX]$/, { message: 'must be 17 digits followed by a digit or X' })
  residentId!: string;
  @ApiPropertyOptional({ ...DATE, description: 'If given, must agree with the resident ID' }) @IsOptional() @IsCalendarDate() birthDate?: string;
  @ApiPropertyOptional({ enum: ['M', 'F'], description: 'If given, must agree with the resident ID' }) @IsOptional() @IsIn(['M', 'F']) sex?: 'M' | 'F';
  @ApiPropertyOptional({ example: '13800138000' }) @IsOptional() @Matches(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, { message: 'must be a mobile or landline number' }) phone?: string;
  @ApiProperty({ enum: EDUCATION_LEVELS, example: 'BACHELOR' }) @IsIn(EDUCATION_LEVELS) education!: Education;
  @ApiProperty({ enum: POLITICAL_STATUSES, example: 'CPC_MEMBER' }) @IsIn(POLITICAL_STATUSES) politicalStatus!: PoliticalStatus;
  @ApiPropertyOptional({ enum: QUALIFICATION_LEVELS, example: 'SOCIAL_WORKER', default: 'NONE' }) @IsOptional() @IsIn(QUALIFICATION_LEVELS) qualificationLevel?: QualificationLevel;
  @ApiPropertyOptional({ example: 'ZJ2019SW001234' }) @IsOptional() @IsString() @MaxLength(40) qualificationCert?: string;
  @ApiProperty(DATE) @IsCalendarDate() hireDate!: string;
  @ApiProperty({ enum: EMPLOYMENT_TYPES, example: 'FULL_TIME' }) @IsIn(EMPLOYMENT_TYPES) employmentType!: EmploymentType;
  @ApiPropertyOptional({ example: '6225768888888888', description: '16–19 digits; a Luhn failure is a warning, not an error' })
  @IsOptional() @IsString() bankAccount?: string;
  @ApiProperty({ example: '330106001001', description: 'Home community (for seconded-in cadres: the host community)' }) @Matches(/^\d{12}$/) communityCode!: string;
  @ApiPropertyOptional({ example: 108, default: 0, description: 'Months of prior community service credited at hire: they count toward the entry grade (108 = 9 years = 3 steps)' })
  @IsOptional() @IsInt() @Min(0) @Max(600) priorServiceMonths?: number;
}

export class UpdateWorkerDto {
  @ApiPropertyOptional({ example: 3, description: 'Optimistic lock: the version you read; a stale one answers 409' }) @IsOptional() @IsInt() version?: number;
  @ApiPropertyOptional({ example: '张丽华' }) @IsOptional() @IsString() @Length(1, 60) name?: string;
  @ApiPropertyOptional({ example: '13800138000', nullable: true, description: 'null clears it' }) @IsOptional() @Matches(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/) phone?: string | null;
  @ApiPropertyOptional({ enum: EDUCATION_LEVELS }) @IsOptional() @IsIn(EDUCATION_LEVELS) education?: Education;
  @ApiPropertyOptional({ enum: POLITICAL_STATUSES }) @IsOptional() @IsIn(POLITICAL_STATUSES) politicalStatus?: PoliticalStatus;
  @ApiPropertyOptional({ enum: QUALIFICATION_LEVELS }) @IsOptional() @IsIn(QUALIFICATION_LEVELS) qualificationLevel?: QualificationLevel;
  @ApiPropertyOptional({ example: 'ZJ2019SW001234', nullable: true, description: 'null clears it' }) @IsOptional() @IsString() @MaxLength(40) qualificationCert?: string | null;
  @ApiPropertyOptional({ enum: EMPLOYMENT_TYPES }) @IsOptional() @IsIn(EMPLOYMENT_TYPES) employmentType?: EmploymentType;
  @ApiPropertyOptional({ example: '6225768888888888' }) @IsOptional() @IsString() bankAccount?: string;
  @ApiPropertyOptional({ example: '330106001002', description: 'Transfer to another community in your scope' }) @IsOptional() @Matches(/^\d{12}$/) communityCode?: string;
  @ApiPropertyOptional({ ...DATE, description: 'With a transfer: the first day in the new community (default today; not before the current place began, at most a year ahead). A later day than today plans the transfer (`plannedTransfer`): the nightly status calendar moves the worker on it. Payroll pays each month by the place held on its last day' })
  @IsOptional()
  @IsCalendarDate()
  transferDate?: string;
}

export class LeaveWorkerDto {
  @ApiProperty({ ...DATE, description: 'Last day of service' }) @IsCalendarDate() date!: string;
  @ApiProperty({ example: '个人原因辞职' }) @IsString() @Length(1, 200) reason!: string;
}

/** Kinds HR records by hand; HIRE, LEFT and STATUS_CHANGE come from their own routes and the nightly job. */
const RECORDABLE_EVENT_KINDS = CAREER_EVENT_KINDS.filter((k) => k !== 'HIRE' && k !== 'LEFT' && k !== 'STATUS_CHANGE');

export class CareerEventDto {
  @ApiProperty({ enum: RECORDABLE_EVENT_KINDS, example: 'COMMENDATION' })
  @IsIn(RECORDABLE_EVENT_KINDS)
  kind!: CareerEventKind;
  @ApiProperty(DATE) @IsCalendarDate() date!: string;
  @ApiPropertyOptional({ example: '2024年度优秀社区工作者' }) @IsOptional() @IsString() @MaxLength(300) note?: string;
  @ApiPropertyOptional({ example: 8, description: 'GRADE_CHANGE only (required there): the decided grade, within its band\'s range; recorded in the grade history from `date`' })
  @IsOptional() @IsInt() @Min(1) @Max(18) grade?: number;
  @ApiPropertyOptional({ enum: POST_BANDS, description: 'GRADE_CHANGE only: the band of the grade (default: the band of the grade in force)' })
  @IsOptional() @IsIn(POST_BANDS) band?: PostBand;
}

export const SORTS = ['id', 'name', '-name', 'hireDate', '-hireDate'] as const;

export class WorkerQueryDto {
  @DistrictFilter() district?: string;
  @StreetFilter() street?: string;
  @CommunityFilter() community?: string;
  @ApiPropertyOptional({ enum: WORKER_STATUSES }) @IsOptional() @IsIn(WORKER_STATUSES) status?: WorkerStatus;
  @ApiPropertyOptional({ enum: [...POST_BANDS, ...APPOINTMENT_ROLES], description: 'A post band (of the primary post) or a role held today', example: 'HEAD' })
  @IsOptional() @IsIn([...POST_BANDS, ...APPOINTMENT_ROLES]) post?: string;
  @ApiPropertyOptional({ enum: QUALIFICATION_LEVELS }) @IsOptional() @IsIn(QUALIFICATION_LEVELS) qualification?: QualificationLevel;
  @ApiPropertyOptional({ example: '张', description: 'Name contains' }) @IsOptional() @IsString() @MaxLength(30) q?: string;
  @ApiPropertyOptional({ enum: SORTS, default: 'id' }) @IsOptional() @IsIn(SORTS) sort?: (typeof SORTS)[number];
  @PageLimit(50, 500) limit?: number;
  @ApiPropertyOptional({ description: 'nextAfter from the previous page' }) @IsOptional() @IsString() @MaxLength(200) after?: string;
}
