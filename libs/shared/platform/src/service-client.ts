/**
 * A small typed HTTP client for calls between services. It forwards the caller's request id and
 * bearer token, so one request can be followed through every service's logs, and turns error
 * answers into DomainErrors with the downstream code.
 */
import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type ErrorKind } from '@cws/kernel';
import { SERVICE_CONFIG, type ServiceConfig, type ServiceName } from './config';
import { REQUEST_ID_HEADER, requestContext } from './request-context';

const KIND_BY_STATUS: Record<number, ErrorKind> = { 400: 'VALIDATION', 401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 409: 'CONFLICT', 412: 'PRECONDITION_FAILED', 422: 'UNPROCESSABLE' };

export interface ServiceCall {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  token?: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

@Injectable()
export class ServiceClient {
  constructor(@Inject(SERVICE_CONFIG) private readonly config: ServiceConfig) {}

  /** Calls `/api/<service><path>` on another service and returns its JSON. */
  async call<T>(service: ServiceName, path: string, opts: ServiceCall = {}): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', ...(opts.headers ?? {}) };
    const requestId = requestContext.requestId();
    if (requestId) headers[REQUEST_ID_HEADER] = requestId;
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.config.serviceUrls[service]}/api/${service}${path}`, {
      method: opts.method ?? 'GET',
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
    });
    const text = await res.text();
    const json = text ? JSON.parse(text) : undefined;
    if (!res.ok) {
      const kind = KIND_BY_STATUS[res.status];
      const code = json?.code ?? `UPSTREAM_${res.status}`;
      if (kind) throw new DomainError(kind, code, json?.message ?? `${service} answered ${res.status}`, json?.details ?? []);
      throw new Error(`${service} ${path} answered ${res.status}: ${code}`);
    }
    return json as T;
  }
}
