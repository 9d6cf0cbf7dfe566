/**
 * Sign-in, the caller and the accounts a city admin manages, as the workers API answers them
 * (issue #11: the type the service returns, the admin UI reads and the OpenAPI document shows).
 */
import { Contract, Fields, Instant, Int, NamedEnum, Nullable, ROLES, type Static, Text } from '@cws/kernel';
import { Type } from '@sinclair/typebox';

export const SCOPE_LEVELS = ['CITY', 'DISTRICT', 'STREET'] as const;

/**
 * A username or API client id: lower-case letters, digits, `.`, `_`, `-`; 3–60 long, starting with a
 * letter or digit. The workers DTOs validate with it and the admin forms check it before sending.
 */
export const ACCOUNT_NAME = /^[a-z0-9][a-z0-9._-]{2,59}$/;

export const RoleSchema = /* @__PURE__ */ NamedEnum('Role', ROLES, '角色。Role.');
export const ScopeLevelSchema = /* @__PURE__ */ NamedEnum('ScopeLevel', SCOPE_LEVELS, '数据范围层级：全市 / 区县 / 街道。Scope level.');

const roles = /* @__PURE__ */ Type.Array(RoleSchema, { description: '角色。Roles.', example: ['DISTRICT_HR'] });
const createdAt = /* @__PURE__ */ Instant('创建时刻。Created at.');
const active = /* @__PURE__ */ Type.Boolean({ description: '是否启用。Whether it is active.', example: true });
const scopeDistrict = /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('数据范围所在区县代码；全市为 null。District of the scope.', '330106'));

export const TokenPair = /* @__PURE__ */ Contract('TokenPair', '登录或刷新得到的令牌。The tokens of a session.', {
  accessToken: /* @__PURE__ */ Text('访问令牌（JWT），放在 Authorization: Bearer。The access token.'),
  refreshToken: /* @__PURE__ */ Text('刷新令牌（只用一次，换新的一对）。The refresh token, single use.'),
  expiresIn: /* @__PURE__ */ Int('访问令牌有效期（秒）。Access token lifetime in seconds.', 900),
});
export type TokenPairView = Static<typeof TokenPair>;

export const Scope = /* @__PURE__ */ Contract('Scope', '数据范围：全市、某区县或某街道。What part of the city a caller sees.', {
  level: ScopeLevelSchema,
  district: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Text('区县代码（区县、街道范围）。District code.', '330106')),
  street: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Text('街道代码（街道范围）。Street code.', '330106001')),
});

export const Me = /* @__PURE__ */ Contract('Me', '当前登录用户（API 客户端调用 /auth/me 得 403）。The signed-in user (API clients get 403 at /auth/me).', {
  kind: /* @__PURE__ */ NamedEnum('PrincipalKind', ['user', 'client'] as const, '用户或客户端。A user or a client.'),
  id: /* @__PURE__ */ Text('用户 ID 或客户端 ID。User or client id.', 'u-xihu'),
  name: /* @__PURE__ */ Text('用户名或 client_id（审计日志记录的名字）。Username or client id, as the audit log records it.', 'xihu-hr'),
  displayName: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Text('显示名称（仅用户）。Display name, users only.', '西湖区人事专员')),
  roles,
  scope: Scope,
  permissions: /* @__PURE__ */ Type.Array(/* @__PURE__ */ Type.String(), { description: 'API 客户端的 OAuth 权限；用户为空。OAuth scopes of a client; empty for users.', example: [] }),
});
export type MeView = Static<typeof Me>;

export const UserAccount = /* @__PURE__ */ Contract('UserAccount', '一个用户账号（不含密码）。A user account, without its password.', {
  id: /* @__PURE__ */ Text('用户 ID（UUID）。User id.', '4b8f0c2e-6a1d-4e57-9c3b-2f1e0d9a7b64'),
  username: /* @__PURE__ */ Text('用户名。Username.', 'xihu-hr'),
  displayName: /* @__PURE__ */ Text('显示名称。Display name.', '西湖区人事专员'),
  roles,
  scopeLevel: ScopeLevelSchema,
  scopeDistrict,
  scopeStreet: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('数据范围所在街道代码；非街道范围为 null。Street of the scope.', '330106001')),
  active,
  createdAt,
});
export type UserAccountView = Static<typeof UserAccount>;

const apiClientFields = {
  id: /* @__PURE__ */ Text('记录 ID（UUID）。Record id.', '9d2c7a4e-1b3f-4c8d-8e6a-0f5b2d7c9e13'),
  clientId: /* @__PURE__ */ Text('client_id（换取令牌用）。The client id.', 'xihu-finance'),
  name: /* @__PURE__ */ Text('名称。Name.', '西湖区财政局'),
  scopeLevel: ScopeLevelSchema,
  scopeDistrict,
  permissions: /* @__PURE__ */ Type.Array(/* @__PURE__ */ Type.String(), { description: '授予的 OAuth 权限。Granted OAuth scopes.', example: ['budget:read', 'budget:write'] }),
  active,
  createdAt,
};
export const ApiClientAccount = /* @__PURE__ */ Contract('ApiClientAccount', '一个 API 客户端（密钥只存哈希）。An API client; its secret is stored as a hash only.', apiClientFields);
export type ApiClientAccountView = Static<typeof ApiClientAccount>;

export const ApiClientWithSecret = /* @__PURE__ */ Contract('ApiClientWithSecret', '新建或更换密钥后的 API 客户端，带一次性明文密钥。An API client with its new secret, shown in this response only.', /* @__PURE__ */ Fields(apiClientFields, {
  clientSecret: /* @__PURE__ */ Text('客户端密钥：只在本次响应中出现。The secret, shown once.', 'q3N0c2VjcmV0LW9ubHktb25jZQ'),
}));
export type ApiClientWithSecretView = Static<typeof ApiClientWithSecret>;
