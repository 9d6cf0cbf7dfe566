import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayNotEmpty, IsArray, IsIn, IsOptional, IsNotEmpty, IsString, Length, Matches, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role, type ScopeLevel } from '@cws/kernel';

export class LoginDto {
  @ApiProperty({ example: 'xihu-hr' }) @IsString() @Length(1, 60) username!: string;
  @ApiProperty({ example: 'Demo@2026' }) @IsString() @Length(1, 200) password!: string;
}

export class RefreshDto {
  @ApiProperty() @IsString() @Length(20, 200) refreshToken!: string;
}

export class TokenPairDto {
  @ApiProperty() accessToken!: string;
  @ApiProperty() refreshToken!: string;
  @ApiProperty({ example: 900, description: 'access token lifetime in seconds' }) expiresIn!: number;
}

/** OAuth2 client-credentials request (RFC 6749 §4.4); form-encoded or JSON. */
export class ClientCredentialsDto {
  @ApiProperty({ example: 'client_credentials' }) @IsIn(['client_credentials']) grant_type!: string;
  @ApiPropertyOptional({ description: 'or use HTTP Basic auth' }) @IsOptional() @IsString() @MaxLength(60) client_id?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) client_secret?: string;
  @ApiPropertyOptional({ description: 'space-separated subset of the client permissions' }) @IsOptional() @IsString() @MaxLength(500) scope?: string;
}

export class CreateUserDto {
  @ApiProperty({ example: 'gongshu-hr' }) @Matches(/^[a-z0-9][a-z0-9._-]{2,59}$/) username!: string;
  @ApiProperty({ example: '拱墅区人社科' }) @IsString() @Length(1, 100) displayName!: string;
  @ApiProperty({ example: 'S3cure!pass' }) @IsString() @MinLength(8) @MaxLength(200) password!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) @IsArray() @ArrayNotEmpty() @IsIn(ROLES as unknown as string[], { each: true }) roles!: Role[];
  @ApiProperty({ enum: ['CITY', 'DISTRICT', 'STREET'] }) @IsIn(['CITY', 'DISTRICT', 'STREET']) scopeLevel!: ScopeLevel;
  @ApiPropertyOptional({ example: '330105' }) @IsOptional() @Matches(/^\d{6}$/) scopeDistrict?: string;
  @ApiPropertyOptional({ example: '330105001' }) @IsOptional() @Matches(/^\d{9}$/) scopeStreet?: string;
}

export class CreateApiClientDto {
  @ApiProperty({ example: 'xihu-finance-bureau' }) @Matches(/^[a-z0-9][a-z0-9._-]{2,59}$/) clientId!: string;
  @ApiProperty({ example: '西湖区财政局' }) @IsString() @Length(1, 100) name!: string;
  @ApiProperty({ enum: ['CITY', 'DISTRICT'] }) @IsIn(['CITY', 'DISTRICT']) scopeLevel!: 'CITY' | 'DISTRICT';
  @ApiPropertyOptional({ example: '330106' }) @IsOptional() @Matches(/^\d{6}$/) scopeDistrict?: string;
  @ApiProperty({ example: ['budget:read', 'budget:write', 'payroll:read'], description: '`<service>:read|write`, plus payroll:approve (four-eyes approver of runs) and payroll:pay (marks runs paid)' })
  @IsArray() @ArrayNotEmpty() @Matches(/^([a-z]+:(read|write)|payroll:(approve|pay))$/, { each: true }) permissions!: string[];
}

/** Only the fields sent change. A new scope is sent whole (`scopeLevel` with its district and street). */
export class UpdateUserDto {
  @ApiPropertyOptional({ example: '拱墅区人社科' }) @IsOptional() @IsString() @IsNotEmpty() @Length(1, 100) displayName?: string;
  @ApiPropertyOptional({ enum: ROLES, isArray: true }) @IsOptional() @IsArray() @ArrayNotEmpty() @IsIn(ROLES as unknown as string[], { each: true }) roles?: Role[];
  @ApiPropertyOptional({ enum: ['CITY', 'DISTRICT', 'STREET'] }) @IsOptional() @IsIn(['CITY', 'DISTRICT', 'STREET']) scopeLevel?: ScopeLevel;
  @ApiPropertyOptional({ example: '330105' }) @IsOptional() @Matches(/^\d{6}$/) scopeDistrict?: string;
  @ApiPropertyOptional({ example: '330105001' }) @IsOptional() @Matches(/^\d{9}$/) scopeStreet?: string;
}

export class ResetPasswordDto {
  @ApiProperty({ example: 'N3w!passw0rd' }) @IsString() @MinLength(8) @MaxLength(200) password!: string;
}
