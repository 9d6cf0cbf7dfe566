import { Body, Controller, Get, Header, Headers, HttpCode, Post, UseFilters } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiBearerAuth, ApiInternalServerErrorResponse, ApiBody, ApiConsumes, ApiHeader, ApiOkResponse, ApiTags, ApiOperation,
  ApiTooManyRequestsResponse, ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { validationError, type Principal } from '@cws/kernel';
import { Answers, CurrentPrincipal, NoContent, Public } from '@cws/platform';
import { ClientCredentialsDto, LoginDto, OAuthErrorDto, OAuthTokenDto, RefreshDto } from './auth.dto';
import { AuthService } from './auth.service';
import { NO_STORE, OAuthTokenFilter, parseBasicCredentials } from './oauth-token.filter';
import { Me, type MeView, TokenPair, type TokenPairView } from '@cws/workers-contracts';

@ApiTags('auth')
@Controller('v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Throttle({ default: { limit: 20, ttl: 60_000 } })
  @Post('login')
  @Answers(TokenPair, '用户登录')
  login(@Body() dto: LoginDto): Promise<TokenPairView> {
    return this.auth.login(dto.username, dto.password);
  }

  @Public()
  @Post('refresh')
  @Answers(TokenPair, '刷新访问令牌')
  refresh(@Body() dto: RefreshDto): Promise<TokenPairView> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Public()
  @Post('logout')
  @NoContent('退出登录')
  async logout(@Body() dto: RefreshDto): Promise<void> {
    await this.auth.logout(dto.refreshToken);
  }

  /** OAuth2 client-credentials grant for finance-bureau systems. */
  @Public()
  @Throttle({ default: { limit: 30, ttl: 60_000 } })
  @Post('token')
  @ApiOperation({
    summary: '获取访问令牌（OAuth2 客户端凭证）',
    description: 'RFC 6749 §4.4 client credentials: client_id and client_secret in the form (or JSON), or as HTTP Basic. Answers carry Cache-Control: no-store; errors answer RFC 6749 §5.2 { error, error_description }.',
  })
  @HttpCode(200)
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiBody({ type: ClientCredentialsDto })
  @ApiHeader({ name: 'authorization', required: false, description: 'Basic 认证（client_id:client_secret），可代替表单字段。HTTP Basic credentials instead of the form fields.' })
  @ApiOkResponse({ type: OAuthTokenDto, description: 'The token', headers: { 'Cache-Control': { description: 'no-store', schema: { type: 'string', enum: ['no-store'] } } } })
  @ApiBadRequestResponse({ type: OAuthErrorDto, description: 'invalid_request / invalid_scope / unsupported_grant_type' })
  @ApiUnauthorizedResponse({ type: OAuthErrorDto, description: 'invalid_client (with WWW-Authenticate: Basic)' })
  @ApiTooManyRequestsResponse({ type: OAuthErrorDto, description: 'temporarily_unavailable: too many attempts' })
  @ApiInternalServerErrorResponse({ type: OAuthErrorDto, description: 'server_error' })
  @UseFilters(OAuthTokenFilter)
  @Header('cache-control', NO_STORE['cache-control'])
  @Header('pragma', NO_STORE.pragma)
  token(@Body() dto: ClientCredentialsDto, @Headers('authorization') authorization?: string) {
    let clientId = dto.client_id;
    let secret = dto.client_secret;
    if (authorization && /^basic\b/i.test(authorization.trim())) {
      const basic = parseBasicCredentials(authorization);
      if (!basic) throw validationError('MALFORMED_BASIC_AUTH', 'header:Authorization', 'must be Basic base64(client_id:client_secret), each part percent-encoded');
      ({ clientId, secret } = basic);
    }
    if (!clientId) throw validationError('CLIENT_ID_REQUIRED', 'client_id', 'is required');
    if (!secret) throw validationError('CLIENT_SECRET_REQUIRED', 'client_secret', 'is required');
    return this.auth.clientCredentials(clientId, secret, dto.scope);
  }

  @Get('me')
  @ApiBearerAuth()
  @Answers(Me, '当前登录用户', 'The signed-in user. API clients get 403: they act only through routes that name a permission they hold')
  me(@CurrentPrincipal() principal: Principal): MeView {
    return principal;
  }
}
