/**
 * One error shape for every service: { code, message, details: [{ path, issue }] }.
 * Domain errors map by kind; Nest HTTP exceptions keep their status; anything else is a 500
 * whose details stay in the log, not the response.
 */
import {
  ArgumentsHost, BadRequestException, Catch, ExceptionFilter, HttpException, HttpStatus, Logger,
  ValidationError, type ValidationPipe,
} from '@nestjs/common';
import { DomainError, type ErrorDetail, type ErrorKind } from '@cws/kernel';
import { isLockContention } from '@cws/persistence';
import type { Response } from 'express';
import { requestContext } from './request-context';
import { HardenedValidationPipe } from './validation';

const STATUS_BY_KIND: Record<ErrorKind, number> = {
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  UNPROCESSABLE: 422,
};

const CODE_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  412: 'PRECONDITION_FAILED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'RATE_LIMITED',
  503: 'UNAVAILABLE',
};

export interface ErrorBody {
  code: string;
  message: string;
  details: ErrorDetail[];
  requestId?: string;
  [extra: string]: unknown;
}

/** Raised by the validation pipe; carries every field at fault. */
export class RequestValidationException extends BadRequestException {
  constructor(readonly details: ErrorDetail[]) {
    super({ code: 'VALIDATION_FAILED', message: `Invalid request: ${details.map((d) => `${d.path} ${d.issue}`).join('; ')}`, details });
  }
}

export function flattenValidationErrors(errors: ValidationError[], parent = ''): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  for (const e of errors) {
    const path = parent ? (/^\d+$/.test(e.property) ? `${parent}[${e.property}]` : `${parent}.${e.property}`) : e.property;
    for (const [constraint, text] of Object.entries(e.constraints ?? {})) {
      out.push({ path, issue: constraint === 'whitelistValidation' ? 'is not an allowed field' : text });
    }
    if (e.children?.length) out.push(...flattenValidationErrors(e.children, path));
  }
  return out;
}

export function createValidationPipe(): ValidationPipe {
  return new HardenedValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new RequestValidationException(flattenValidationErrors(errors)),
  });
}

export function toErrorBody(exception: unknown): { status: number; body: ErrorBody } {
  const requestId = requestContext.requestId();
  if (exception instanceof DomainError) {
    return {
      status: STATUS_BY_KIND[exception.kind],
      body: { code: exception.code, message: exception.message, details: exception.details, ...exception.extra, requestId },
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    if (typeof response === 'object' && response !== null && 'code' in response) {
      const r = response as ErrorBody;
      return { status, body: { ...r, details: r.details ?? [], requestId } };
    }
    const message =
      typeof response === 'string' ? response : String((response as { message?: unknown }).message ?? exception.message);
    // A path segment Nest could not decode, or a Parse*Pipe refusal ("Validation failed (uuid is
    // expected)"): neither names the parameter, so the details point at the path.
    if (status === 400 && /^Failed to decode param/.test(message)) {
      return { status, body: { code: 'MALFORMED_PATH', message: 'A path segment is not valid percent-encoding', details: [{ path: 'path', issue: 'is not valid percent-encoding' }], requestId } };
    }
    if (status === 400 && /^Validation failed \(.* is expected\)$/.test(message)) {
      return { status, body: { code: 'INVALID_PATH_PARAMETER', message, details: [{ path: 'path', issue: message.replace(/^Validation failed \((.*)\)$/, '$1') }], requestId } };
    }
    // body-parser errors (malformed JSON) arrive as 400 HttpExceptions too
    return { status, body: { code: CODE_BY_STATUS[status] ?? `HTTP_${status}`, message, details: [], requestId } };
  }
  const err = exception as { type?: string; status?: number; message?: string };
  if (err?.type === 'entity.parse.failed') {
    return { status: 400, body: { code: 'MALFORMED_JSON', message: 'The request body is not valid JSON', details: [], requestId } };
  }
  if (err?.type === 'entity.too.large') {
    return { status: 413, body: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large', details: [], requestId } };
  }
  // Express's own 4xx errors (a path segment that is not valid percent-encoding, a bad charset, …)
  const status = Number(err?.status);
  if (Number.isInteger(status) && status >= 400 && status < 500) {
    return { status, body: { code: CODE_BY_STATUS[status] ?? `HTTP_${status}`, message: 'The request could not be read', details: [], requestId } };
  }
  // Rows this request needs were locked by other work past the wait (or it lost a deadlock more than its retries):
  // nothing was written, and the same request can succeed in a moment. Not a defect, so not a 500.
  if (isLockContention(exception)) {
    return { status: 503, body: { code: 'BUSY', message: 'The records this request needs are locked by other work; try again shortly', details: [], requestId } };
  }
  return {
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    body: { code: 'INTERNAL_ERROR', message: 'An unexpected error occurred', details: [], requestId },
  };
}

/** Seconds a client should wait before sending a BUSY request again. */
const BUSY_RETRY_AFTER_S = 2;

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const { status, body } = toErrorBody(exception);
    if (body.code === 'BUSY') this.logger.warn({ msg: 'lock contention', error: String((exception as Error)?.message ?? exception) });
    else if (status >= 500) this.logger.error(exception instanceof Error ? exception : String(exception));
    if (res.headersSent) return;
    if (body.code === 'BUSY') res.setHeader('Retry-After', String(BUSY_RETRY_AFTER_S));
    res.status(status).json(body);
  }
}
