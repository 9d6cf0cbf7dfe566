/**
 * The OAuth2 token endpoint answers errors the RFC 6749 §5.2 way — `error` and `error_description`
 * (alongside the suite's own code/message/details) — and never lets a token or an error be cached.
 */
import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import { toErrorBody, type ErrorBody } from '@cws/platform';
import type { Request, Response } from 'express';
import { OAUTH_ERRORS } from './auth.dto';

export const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' } as const;

export type OAuthError = (typeof OAUTH_ERRORS)[number];

export function oauthErrorOf(status: number, body: ErrorBody, grantTypeGiven: boolean): OAuthError {
  if (status === 401) return 'invalid_client';
  if (status === 429) return 'temporarily_unavailable';
  if (status >= 500) return 'server_error';
  if (body.code === 'INVALID_SCOPE') return 'invalid_scope';
  if (grantTypeGiven && body.details.some((d) => d.path === 'grant_type')) return 'unsupported_grant_type';
  return 'invalid_request';
}

@Catch()
export class OAuthTokenFilter implements ExceptionFilter {
  private readonly logger = new Logger('OAuthToken');

  catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const { status, body } = toErrorBody(exception);
    if (status >= 500) this.logger.error(exception instanceof Error ? exception : String(exception));
    if (res.headersSent) return;
    const grantTypeGiven = typeof (req.body as { grant_type?: unknown } | undefined)?.grant_type === 'string';
    const error = oauthErrorOf(status, body, grantTypeGiven);
    res.set(NO_STORE);
    // RFC 6749 §5.2: a client that tried HTTP Basic gets the scheme back in WWW-Authenticate.
    if (error === 'invalid_client') res.set('www-authenticate', 'Basic realm="cws", error="invalid_client"');
    res.status(status).json({ error, error_description: body.message, ...body });
  }
}

/** Credentials from `Authorization: Basic base64(urlencode(id):urlencode(secret))` (RFC 6749 §2.3.1); null if malformed. */
export function parseBasicCredentials(header: string): { clientId: string; secret: string } | null {
  const m = /^Basic ([A-Za-z0-9+/]+={0,2})$/i.exec(header.trim());
  if (!m) return null;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  if (i <= 0) return null;
  try {
    return { clientId: decodeURIComponent(decoded.slice(0, i)), secret: decodeURIComponent(decoded.slice(i + 1)) };
  } catch {
    return null; // "a:%ZZ": not percent-encoding
  }
}
