import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cws/kernel';
import { Answers, Creates, CurrentPrincipal, NoContent, Roles } from '@cws/platform';
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
  @Answers([UserAccount], '用户列表')
  listUsers(@CurrentPrincipal() admin: Principal) {
    return this.identity.listUsers(admin);
  }

  @Post('users')
  @Creates(UserAccount, '创建用户')
  createUser(@CurrentPrincipal() admin: Principal, @Body() dto: CreateUserDto) {
    return this.identity.createUser(admin, dto);
  }

  /** A change of roles or scope ends the user's sessions (their tokens carry both). */
  @Patch('users/:id')
  @Answers(UserAccount, '修改用户')
  updateUser(@CurrentPrincipal() admin: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateUserDto) {
    return this.identity.updateUser(admin, id, dto);
  }

  /** The user can no longer sign in; their refresh tokens are revoked and their access tokens refused. */
  @Post('users/:id/disable')
  @Answers(UserAccount, '停用用户')
  disableUser(@CurrentPrincipal() admin: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.identity.setUserActive(admin, id, false);
  }

  @Post('users/:id/enable')
  @Answers(UserAccount, '启用用户')
  enableUser(@CurrentPrincipal() admin: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.identity.setUserActive(admin, id, true);
  }

  /** Sets the password the admin chose; the user's sessions end. */
  @Post('users/:id/reset-password')
  @NoContent('重置用户密码')
  async resetPassword(@CurrentPrincipal() admin: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ResetPasswordDto): Promise<void> {
    await this.identity.resetPassword(admin, id, dto);
  }

  @Get('api-clients')
  @Answers([ApiClientAccount], 'API 客户端列表')
  listClients(@CurrentPrincipal() admin: Principal) {
    return this.identity.listApiClients(admin);
  }

  /** The response carries `clientSecret` once; it is stored only as a hash. */
  @Post('api-clients')
  @Creates(ApiClientWithSecret, '创建 API 客户端')
  createClient(@CurrentPrincipal() admin: Principal, @Body() dto: CreateApiClientDto) {
    return this.identity.createApiClient(admin, dto);
  }

  /** Final: the client gets no more tokens. */
  @Post('api-clients/:id/revoke')
  @Answers(ApiClientAccount, '吊销 API 客户端')
  revokeClient(@CurrentPrincipal() admin: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.identity.revokeApiClient(admin, id);
  }

  /** A new secret, in this response only; the old one stops working at once. */
  @Post('api-clients/:id/rotate-secret')
  @Answers(ApiClientWithSecret, '更换 API 客户端密钥')
  rotateSecret(@CurrentPrincipal() admin: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.identity.rotateClientSecret(admin, id);
  }
}
