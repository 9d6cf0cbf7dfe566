import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cws/kernel';
import { apiArraySchema, apiSchema, CurrentPrincipal, Roles } from '@cws/platform';
import { CreateApiClientDto, CreateUserDto, ResetPasswordDto, UpdateUserDto } from './auth.dto';
import { IdentityAdminService } from './identity-admin.service';
import { ApiClientAccount, ApiClientWithSecret, UserAccount } from '@cws/workers-contracts';

/** Users and API clients: CITY_ADMIN only, within the admin's own scope (another district's account answers 404). */
@ApiTags('identity')
@ApiBearerAuth()
@Roles('CITY_ADMIN')
@Controller('v1')
export class IdentityAdminController {
  constructor(private readonly identity: IdentityAdminService) {}

  @Get('users')
  @ApiOperation({ summary: '用户列表' })
  @ApiOkResponse({ schema: apiArraySchema(UserAccount) })
  listUsers(@CurrentPrincipal() admin: Principal) {
    return this.identity.listUsers(admin);
  }

  @Post('users')
  @ApiOperation({ summary: '创建用户' })
  @ApiCreatedResponse({ schema: apiSchema(UserAccount) })
  createUser(@CurrentPrincipal() admin: Principal, @Body() dto: CreateUserDto) {
    return this.identity.createUser(admin, dto);
  }

  /** A change of roles or scope ends the user's sessions (their tokens carry both). */
  @Patch('users/:id')
  @ApiOperation({ summary: '修改用户' })
  @ApiOkResponse({ schema: apiSchema(UserAccount) })
  updateUser(@CurrentPrincipal() admin: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateUserDto) {
    return this.identity.updateUser(admin, id, dto);
  }

  /** The user can no longer sign in; their refresh tokens are revoked and their access tokens refused. */
  @Post('users/:id/disable')
  @ApiOperation({ summary: '停用用户' })
  @HttpCode(200)
  @ApiOkResponse({ schema: apiSchema(UserAccount) })
  disableUser(@CurrentPrincipal() admin: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.identity.setUserActive(admin, id, false);
  }

  @Post('users/:id/enable')
  @ApiOperation({ summary: '启用用户' })
  @HttpCode(200)
  @ApiOkResponse({ schema: apiSchema(UserAccount) })
  enableUser(@CurrentPrincipal() admin: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.identity.setUserActive(admin, id, true);
  }

  /** Sets the password the admin chose; the user's sessions end. */
  @Post('users/:id/reset-password')
  @ApiOperation({ summary: '重置用户密码' })
  @HttpCode(204)
  async resetPassword(@CurrentPrincipal() admin: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ResetPasswordDto): Promise<void> {
    await this.identity.resetPassword(admin, id, dto);
  }

  @Get('api-clients')
  @ApiOperation({ summary: 'API 客户端列表' })
  @ApiOkResponse({ schema: apiArraySchema(ApiClientAccount) })
  listClients(@CurrentPrincipal() admin: Principal) {
    return this.identity.listApiClients(admin);
  }

  /** The response carries `clientSecret` once; it is stored only as a hash. */
  @Post('api-clients')
  @ApiOperation({ summary: '创建 API 客户端' })
  @ApiCreatedResponse({ schema: apiSchema(ApiClientWithSecret) })
  createClient(@CurrentPrincipal() admin: Principal, @Body() dto: CreateApiClientDto) {
    return this.identity.createApiClient(admin, dto);
  }

  /** Final: the client gets no more tokens. */
  @Post('api-clients/:id/revoke')
  @ApiOperation({ summary: '吊销 API 客户端' })
  @HttpCode(200)
  @ApiOkResponse({ schema: apiSchema(ApiClientAccount) })
  revokeClient(@CurrentPrincipal() admin: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.identity.revokeApiClient(admin, id);
  }

  /** A new secret, in this response only; the old one stops working at once. */
  @Post('api-clients/:id/rotate-secret')
  @ApiOperation({ summary: '更换 API 客户端密钥' })
  @HttpCode(200)
  @ApiOkResponse({ schema: apiSchema(ApiClientWithSecret) })
  rotateSecret(@CurrentPrincipal() admin: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.identity.rotateClientSecret(admin, id);
  }
}
