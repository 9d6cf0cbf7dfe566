import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { CommunityFilter, DistrictFilter, IsCalendarDate, StreetFilter } from '@cws/platform';
import {
  APPOINTMENT_ROLES, ELECTED_BODIES, ELECTION_KINDS, ELECTION_METHODS, type AppointmentRole, type BodyKind, type ElectionKind, type ElectionMethod,
} from '@cws/workers-contracts';

const DATE = { format: 'date' } as const;

export class ElectionResultDto {
  @ApiProperty({ example: 1024 }) @IsInt() @Min(1) workerId!: number;
  @ApiProperty({ enum: APPOINTMENT_ROLES, example: 'SECRETARY' }) @IsIn(APPOINTMENT_ROLES) role!: AppointmentRole;
  @ApiProperty({ example: 612, description: 'Votes received; a winner needs more than half of votesCast' }) @IsInt() @Min(0) votes!: number;
  @ApiPropertyOptional({ default: false, description: 'Make the elected post the worker’s primary one (it sets the pay band)' }) @IsOptional() @IsBoolean() primary?: boolean;
}

export class CreateElectionDto {
  @ApiProperty({ example: '330106001001' }) @Matches(/^\d{12}$/) communityCode!: string;
  @ApiProperty({ enum: ELECTED_BODIES, example: 'PARTY', description: 'PARTY (党组织) or COMMITTEE (居委会); workstation posts are not elected' })
  @IsIn(['PARTY', 'COMMITTEE', 'STATION']) bodyKind!: BodyKind;
  @ApiProperty({ enum: ELECTION_KINDS, example: 'REGULAR', description: 'REGULAR (换届: a new term; open posts of the body end the day before it) or BY_ELECTION (补选: for the rest of the term in force)' })
  @IsIn(ELECTION_KINDS) kind!: ElectionKind;
  @ApiProperty({ enum: ELECTION_METHODS, example: 'PUBLIC_NOMINATION_DIRECT', description: 'The party organisation: PUBLIC_NOMINATION_DIRECT (公推直选) only; the committee: DIRECT (直接选举), HOUSEHOLD_REPRESENTATIVES, RESIDENT_REPRESENTATIVES' })
  @IsIn(ELECTION_METHODS) method!: ElectionMethod;
  @ApiProperty({ ...DATE, example: '2026-03-01' }) @IsCalendarDate() electionDate!: string;
  @ApiPropertyOptional({ ...DATE, example: '2026-03-01', description: 'First day of the term (default: the election date)' }) @IsOptional() @IsCalendarDate() termStart?: string;
  @ApiPropertyOptional({ example: 5, default: 5, description: 'REGULAR only: term length in years (a by-election takes the term in force)' }) @IsOptional() @IsInt() @Min(1) @Max(5) termYears?: number;
  @ApiProperty({ example: 1800 }) @IsInt() @Min(1) eligibleVoters!: number;
  @ApiProperty({ example: 1320, description: 'Ballots cast; the election is valid only when more than half of the eligible voters vote' }) @IsInt() @Min(0) votesCast!: number;
  @ApiProperty({ type: [ElectionResultDto], description: 'Those elected, each to one role of the body' })
  @ValidateNested({ each: true }) @Type(() => ElectionResultDto) @ArrayMinSize(1) @ArrayMaxSize(15) results!: ElectionResultDto[];
  @ApiPropertyOptional({ example: '第十一届社区党委换届选举' }) @IsOptional() @IsString() @MaxLength(300) note?: string;
}

export class ElectionResultVotesDto {
  @ApiProperty({ example: 1024, description: 'A winner of this election' }) @IsInt() @Min(1) workerId!: number;
  @ApiProperty({ example: 612, description: 'Votes received; more than half of votesCast' }) @IsInt() @Min(0) votes!: number;
}

/** 更正: what the record says beside who it elected; only the fields given change (at least one). */
export class CorrectElectionDto {
  @ApiPropertyOptional({ enum: ELECTION_METHODS, example: 'DIRECT', description: 'The method, allowed for the body as on creation' })
  @IsOptional() @IsIn(ELECTION_METHODS) method?: ElectionMethod;
  @ApiPropertyOptional({ example: 1800, description: 'Corrected counts are checked as on creation; a record without counts (back-filled) gets all of them at once' })
  @IsOptional() @IsInt() @Min(1) @Max(10_000_000) eligibleVoters?: number;
  @ApiPropertyOptional({ example: 1320, description: 'Ballots cast; more than half of eligibleVoters' }) @IsOptional() @IsInt() @Min(0) @Max(10_000_000) votesCast?: number;
  @ApiPropertyOptional({ type: [ElectionResultVotesDto], description: 'Votes of winners of this election, by worker' })
  @IsOptional() @ValidateNested({ each: true }) @Type(() => ElectionResultVotesDto) @ArrayMinSize(1) @ArrayMaxSize(15) results?: ElectionResultVotesDto[];
  @ApiPropertyOptional({ example: '第十一届社区党委换届选举', nullable: true, description: 'null clears it' }) @IsOptional() @IsString() @MaxLength(300) note?: string | null;
}

export class WithdrawElectionDto {
  @ApiProperty({ example: '误登记：社区代码填错', description: 'why the record is withdrawn (2–300 characters); kept on the election and in the voided posts’ end reason' })
  @IsString() @Length(2, 300) reason!: string;
}

export class ElectionQueryDto {
  @CommunityFilter() community?: string;
  @ApiPropertyOptional({ enum: ELECTED_BODIES }) @IsOptional() @IsIn(ELECTED_BODIES) bodyKind?: BodyKind;
}

export class OneShoulderQueryDto {
  @ApiPropertyOptional({ ...DATE, example: '2026-06-30', description: 'Defaults to today' }) @IsOptional() @IsCalendarDate() date?: string;
  @DistrictFilter() district?: string;
  @StreetFilter() street?: string;
  @CommunityFilter() community?: string;
}
