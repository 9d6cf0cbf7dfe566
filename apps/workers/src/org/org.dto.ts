import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsInt, IsOptional, IsString, Length, Matches, Min } from 'class-validator';

const AREA = /^\d{1,8}(\.\d{1,2})?$/;

export class CreateCommunityDto {
  @ApiProperty({ example: '330106001013', description: 'Street code + 3 digits' }) @Matches(/^\d{12}$/) code!: string;
  @ApiProperty({ example: '翠苑五区社区' }) @IsString() @Length(1, 60) name!: string;
  @ApiPropertyOptional({ example: 3200 }) @IsOptional() @IsInt() @Min(0) households?: number;
  @ApiPropertyOptional({ example: 8300 }) @IsOptional() @IsInt() @Min(0) population?: number;
  @ApiPropertyOptional({ example: '800.00', description: 'Service-centre floor area, m²' }) @IsOptional() @Matches(AREA) floorArea?: string;
  @ApiPropertyOptional({ example: '520.00', description: 'Area used for residents’ activities, m² (the notice asks ≥ 60 %)' }) @IsOptional() @Matches(AREA) activityArea?: string;
  @ApiPropertyOptional({ example: ['OFFICE', 'PARTY_ROOM'], description: 'Facility item codes present (see GET /facility-items)' }) @IsOptional() @IsArray() @IsString({ each: true }) facilities?: string[];
}

export class UpdateCommunityDto {
  @ApiProperty({ example: 1, description: 'The version you read (optimistic lock)' }) @IsInt() version!: number;
  @ApiPropertyOptional({ example: '翠苑五区社区' }) @IsOptional() @IsString() @Length(1, 60) name?: string;
  @ApiPropertyOptional({ example: 3200 }) @IsOptional() @IsInt() @Min(0) households?: number;
  @ApiPropertyOptional({ example: 8300 }) @IsOptional() @IsInt() @Min(0) population?: number;
  @ApiPropertyOptional({ example: '800.00' }) @IsOptional() @Matches(AREA) floorArea?: string;
  @ApiPropertyOptional({ example: '520.00' }) @IsOptional() @Matches(AREA) activityArea?: string;
  @ApiPropertyOptional({ example: ['OFFICE', 'PARTY_ROOM'] }) @IsOptional() @IsArray() @IsString({ each: true }) facilities?: string[];
}
