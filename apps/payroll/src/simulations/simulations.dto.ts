/**
 * The simulator's request body. The fields only declare the shape (for the whitelist and
 * OpenAPI): the values are checked by the engine's own validation, so the UI, the engine and this
 * API agree on every rule and every field path (`months[1].gross`).
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Allow, ValidateIf, ValidateNested } from 'class-validator';

const isObject = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v);

export class SimulationMonthDto {
  @ApiProperty({ example: 1, minimum: 1, maximum: 12, description: 'months ascending, each at most once; may start after January (mid-year hire)' })
  @Allow() month!: number;
  @ApiProperty({ example: '30000.00', description: 'gross pay of the month, 元, decimal string with at most two places' }) @Allow() gross!: string;
  @ApiPropertyOptional({ example: '4500.00', description: 'employee social insurance and housing fund' }) @Allow() employeeInsurance?: string;
  @ApiPropertyOptional({ example: '2000.00', description: 'special additional deductions of the month' }) @Allow() specialDeductions?: string;
  @ApiPropertyOptional({ example: '0.00', description: 'tax-free income included in gross' }) @Allow() taxFree?: string;
  @ApiPropertyOptional({ example: '0.00', description: 'other allowed deductions' }) @Allow() otherDeductions?: string;
}

export class SimulationBonusDto {
  @ApiProperty({ example: '36000.00', description: 'year-end one-off bonus' }) @Allow() amount!: string;
  @ApiProperty({ enum: ['SEPARATE', 'MERGED'], example: 'SEPARATE', description: 'SEPARATE: own monthly-equivalent table (years allowed by policy); MERGED: added to the last month' })
  @Allow() method!: 'SEPARATE' | 'MERGED';
}

export class SimulationRequestDto {
  @ApiProperty({ example: 2026, description: 'tax year (from 2019)' }) @Allow() year!: number;
  @ApiProperty({ type: [SimulationMonthDto] })
  @ValidateIf((o) => Array.isArray(o.months) && o.months.every(isObject)) @ValidateNested({ each: true }) @Type(() => SimulationMonthDto)
  months!: SimulationMonthDto[];
  @ApiPropertyOptional({ type: SimulationBonusDto })
  @ValidateIf((o) => isObject(o.bonus)) @ValidateNested() @Type(() => SimulationBonusDto)
  bonus?: SimulationBonusDto;
}

