import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { IsCalendarDate } from '@cws/platform';
import { POLICY_KINDS, type PolicyKind } from '@cws/payroll-contracts';

export class CreatePolicyRowDto {
  @ApiProperty({ enum: POLICY_KINDS, example: 'CITY_WAGE' }) @IsIn(POLICY_KINDS) kind!: PolicyKind;
  @ApiProperty({ example: '2026-07-01', description: 'first day in force; the open row of the same key is closed the day before' })
  @IsCalendarDate() validFrom!: string;
  @ApiProperty({ example: '杭州市统计局 2025年城镇非私营单位在岗职工年平均工资 (公报)', description: 'where the figure comes from: document, URL or "illustrative"' })
  @IsString() @Length(3, 500) sourceRef!: string;
  @ApiProperty({
    type: 'object', additionalProperties: true, example: { year: 2025, annual: '175535.85', caliber: 'URBAN_NON_PRIVATE' },
    description: 'The row body; its shape depends on kind (see docs/payroll.md). The key is derived from it.',
  })
  @IsObject() data!: Record<string, unknown>;
}

export class PolicyRowQueryDto {
  @ApiPropertyOptional({ enum: POLICY_KINDS }) @IsOptional() @IsIn(POLICY_KINDS) kind?: PolicyKind;
  @ApiPropertyOptional({ example: '2025' }) @IsOptional() @IsString() @Length(1, 80) key?: string;
  @ApiPropertyOptional({ example: '2026-01-01', description: 'only rows in force on this date' }) @IsOptional() @IsCalendarDate() asOf?: string;
  @ApiPropertyOptional({ description: 'include closed rows (history); default false unless asOf is given' })
  @IsOptional() @Transform(({ value }) => value === true || value === 'true') @IsBoolean() history?: boolean;
}

export class EffectivePolicyQueryDto {
  @ApiProperty({ example: 2026 }) @Transform(({ value }) => Number(value)) @IsInt() @Min(2019) @Max(2100) year!: number;
  @ApiPropertyOptional({ example: '2026-01-01', description: 'default: 1 January of the year' }) @IsOptional() @IsCalendarDate() asOf?: string;
}

