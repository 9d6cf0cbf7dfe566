import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayNotEmpty, IsArray, IsIn, IsOptional, IsNotEmpty, IsString, Length, Matches, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role, type ScopeLevel } from '@cws/kernel';
import { ACCOUNT_NAME } from '@cws/workers-contracts';

export class LoginDto {
  @ApiProperty({ example: 'xihu-hr' }) @IsString() @Length(1, 60) username!: string;
  @ApiProperty({ example: 'Demo@2026' }) @IsString() @Length(1, 200) password!: string;
}

export class RefreshDto {
  @ApiProperty() @IsString() @Length(20, 200) refreshToken!: string;
}

/** OAuth2 client-credentials request (RFC 6749 §4.4); form-encoded or JSON. */
export class ClientCredentialsDto {
  @ApiProperty({ example: 'client_credentials' }) @IsIn(['client_credentials']) grant_type!: string;
  @ApiPropertyOptional({ description: 'or use HTTP Basic auth' }) @IsOptional() @IsString() @MaxLength(60) client_id?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) client_secret?: string;
  @ApiPropertyOptional({ description: 'space-separated subset of the client permissions' }) @IsOptional() @IsString() @MaxLength(500) scope?: string;
}

/** RFC 6749 §5.1: the access token response. */
export class OAuthTokenDto {
  @ApiProperty({ description: '访问令牌（JWT），之后放在 Authorization: Bearer。The access token.' }) access_token!: string;
  @ApiProperty({ enum: ['Bearer'], enumName: 'OAuthTokenType', description: '令牌类型。Token type.' }) token_type!: 'Bearer';
  @ApiProperty({ example: 900, description: '有效期（秒）。Lifetime in seconds.' }) expires_in!: number;
  @ApiProperty({ example: 'budget:read budget:write', description: '授予的权限，空格分隔。Granted scopes, space-separated.' }) scope!: string;
}

export const OAUTH_ERRORS = ['invalid_request', 'invalid_client', 'invalid_scope', 'unsupported_grant_type', 'temporarily_unavailable', 'server_error'] as const;

/** RFC 6749 §5.2: the token endpoint's error body (with the suite's code/message/details beside it). */
export class OAuthErrorDto {
  @ApiProperty({ enum: OAUTH_ERRORS, enumName: 'OAuthErrorCode', example: 'invalid_client', description: 'RFC 6749 错误码。RFC 6749 error code.' }) error!: (typeof OAUTH_ERRORS)[number];
  @ApiProperty({ example: 'Unknown client or wrong secret', description: '错误说明。Human-readable explanation.' }) error_description!: string;
  @ApiProperty({ example: 'INVALID_CLIENT', description: '本系统的错误码（同 ErrorResponse.code）。The suite code.' }) code!: string;
  @ApiProperty({ example: 'Unknown client or wrong secret', description: '同 error_description。Same as error_description.' }) message!: string;
  @ApiProperty({ type: 'array', items: { type: 'object', properties: { path: { type: 'string', description: '字段路径。Field path.' }, issue: { type: 'string', description: '问题。Issue.' } } }, description: '出错的字段。Fields at fault.' })
  details!: Array<{ path: string; issue: string }>;
  @ApiPropertyOptional({ description: '请求 ID。Request id.' }) requestId?: string;
}

export class CreateUserDto {
  @ApiProperty({ example: 'gongshu-hr' }) @Matches(ACCOUNT_NAME) username!: string;
  @ApiProperty({ example: '拱墅区人社科' }) @IsString() @Length(1, 100) displayName!: string;
  @ApiProperty({ example: 'S3cure!pass' }) @IsString() @MinLength(8) @MaxLength(200) password!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) @IsArray() @ArrayNotEmpty() @IsIn(ROLES as unknown as string[], { each: true }) roles!: Role[];
  @ApiProperty({ enum: ['CITY', 'DISTRICT', 'STREET'] }) @IsIn(['CITY', 'DISTRICT', 'STREET']) scopeLevel!: ScopeLevel;
  @ApiPropertyOptional({ example: '330105' }) @IsOptional() @Matches(/^\d{6}$/) scopeDistrict?: string;
  @ApiPropertyOptional({ example: '330105001' }) @IsOptional() @Matches(/^\d{9}$/) scopeStreet?: string;
}

export class CreateApiClientDto {
  @ApiProperty({ example: 'xihu-finance-bureau' }) @Matches(ACCOUNT_NAME) clientId!: string;
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
