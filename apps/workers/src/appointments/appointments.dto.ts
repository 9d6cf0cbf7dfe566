import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Min } from 'class-validator';
import { IsCalendarDate } from '@cws/platform';
import { APPOINTMENT_ROLES, BODY_KINDS, OBTAINED_BY, type AppointmentRole, type BodyKind, type ObtainedBy } from '@cws/workers-contracts';

export class CreateAppointmentDto {
  @ApiProperty({ example: 1024 }) @IsInt() @Min(1) workerId!: number;
  @ApiProperty({ example: '330106001001' }) @Matches(/^\d{12}$/) communityCode!: string;
  @ApiProperty({ enum: BODY_KINDS, example: 'PARTY' }) @IsIn(BODY_KINDS) bodyKind!: BodyKind;
  @ApiProperty({ enum: APPOINTMENT_ROLES, example: 'SECRETARY' }) @IsIn(APPOINTMENT_ROLES) role!: AppointmentRole;
  @ApiProperty({ enum: OBTAINED_BY, example: 'ELECTION', description: 'ELECTION (公推直选), APPOINTMENT or RECRUITMENT' }) @IsIn(OBTAINED_BY) obtainedBy!: ObtainedBy;
  @ApiProperty({ example: '2024-03-01', format: 'date' }) @IsCalendarDate() from!: string;
  @ApiPropertyOptional({ example: '2026-12-31', format: 'date', description: 'Open-ended when omitted (a term end may be given)' }) @IsOptional() @IsCalendarDate() to?: string;
  @ApiPropertyOptional({ default: false, description: 'The primary post sets the pay band; one per worker at any date' }) @IsOptional() @IsBoolean() primary?: boolean;
}

export class EndAppointmentDto {
  @ApiProperty({ example: '2025-06-30', format: 'date', description: 'Last day in post' }) @IsCalendarDate() to!: string;
  @ApiProperty({ example: '换届' }) @IsString() @Length(1, 200) reason!: string;
}

export class OnDateDto {
  @ApiPropertyOptional({ example: '2025-01-01', format: 'date', description: 'Defaults to today' }) @IsOptional() @IsCalendarDate() date?: string;
}

export class CommunityPostsQueryDto extends OnDateDto {
  @ApiPropertyOptional({ example: '2025-01-31', format: 'date', description: 'With it, the posts held on any day of date…through (at most 62 days; a roster month reads its leaders once), each with its own from and to' })
  @IsOptional() @IsCalendarDate() through?: string;
}
