import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsIn, IsInt, IsOptional, IsString, Length, Matches, Min } from 'class-validator';
import { DISTRICT_KINDS, STREET_KINDS } from '@cws/workers-contracts';

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


export class CreateDistrictDto {
  @ApiProperty({ example: '330108', description: 'Six-digit administrative division code' }) @Matches(/^\d{6}$/) code!: string;
  @ApiProperty({ example: '滨江区' }) @IsString() @Length(1, 60) name!: string;
  @ApiPropertyOptional({ enum: DISTRICT_KINDS, example: 'DISTRICT', description: 'DISTRICT (区) or COUNTY_CITY (县、县级市)' }) @IsOptional() @IsIn(DISTRICT_KINDS) kind?: (typeof DISTRICT_KINDS)[number];
}

export class UpdateDistrictDto {
  @ApiProperty({ example: 1, description: 'The version you read (optimistic lock)' }) @IsInt() version!: number;
  @ApiPropertyOptional({ example: '滨江区' }) @IsOptional() @IsString() @Length(1, 60) name?: string;
  @ApiPropertyOptional({ enum: DISTRICT_KINDS, example: 'DISTRICT' }) @IsOptional() @IsIn(DISTRICT_KINDS) kind?: (typeof DISTRICT_KINDS)[number];
}

export class CreateStreetDto {
  @ApiProperty({ example: '330106004', description: 'District code + 3 digits' }) @Matches(/^\d{9}$/) code!: string;
  @ApiProperty({ example: '北山街道' }) @IsString() @Length(1, 60) name!: string;
  @ApiPropertyOptional({ enum: STREET_KINDS, example: 'STREET', description: 'STREET (街道) or TOWN (乡镇)' }) @IsOptional() @IsIn(STREET_KINDS) kind?: (typeof STREET_KINDS)[number];
}

export class UpdateStreetDto {
  @ApiProperty({ example: 1, description: 'The version you read (optimistic lock)' }) @IsInt() version!: number;
  @ApiPropertyOptional({ example: '北山街道' }) @IsOptional() @IsString() @Length(1, 60) name?: string;
  @ApiPropertyOptional({ enum: STREET_KINDS, example: 'STREET' }) @IsOptional() @IsIn(STREET_KINDS) kind?: (typeof STREET_KINDS)[number];
}



