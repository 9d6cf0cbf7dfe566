import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsString, Length, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '@cws/platform';

export class CalendarDayDto {
  @ApiProperty({ example: '2026-10-01' }) @IsCalendarDate() date!: string;
  @ApiProperty({ example: '国庆节' }) @IsString() @Length(1, 40) name!: string;
}

export class PutCalendarDto {
  @ApiProperty({ example: '2026 arrangement (国办发明电〔2025〕7号)' }) @IsString() @Length(1, 255) label!: string;
  @ApiProperty({ type: [CalendarDayDto] }) @IsArray() @ArrayMaxSize(60) @ValidateNested({ each: true }) @Type(() => CalendarDayDto) holidays!: CalendarDayDto[];
  @ApiProperty({ type: [CalendarDayDto] }) @IsArray() @ArrayMaxSize(60) @ValidateNested({ each: true }) @Type(() => CalendarDayDto) restDays!: CalendarDayDto[];
  @ApiProperty({ type: [CalendarDayDto] }) @IsArray() @ArrayMaxSize(60) @ValidateNested({ each: true }) @Type(() => CalendarDayDto) adjustedWorkingDays!: CalendarDayDto[];
}
