/**
 * A small fetch client: JSON in and out, bearer token, and on a 401 exactly one refresh
 * (shared by concurrent requests, since refresh tokens rotate and work once) and one retry.
 * When the refresh fails the session ends (onSessionExpired → the login page).
 */
import { ApiError, toApiError } from './errors';
import type { TokenPair, TokenStore } from './tokens';

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Send without a token and never refresh (login, refresh, logout). */
  anonymous?: boolean;
  /** Extra request headers (e.g. the budget service's `Idempotency-Key`). */
  headers?: Record<string, string>;
}

/** A record and the ETag it was read or saved with. */
export interface Tagged<T> {
  body: T;
  etag: string | null;
}

export interface ApiClientOptions {
  tokens: TokenStore;
  fetch?: typeof fetch;
  baseUrl?: string;
  onSessionExpired?: () => void;
}

export function buildUrl(path: string, query?: Query, baseUrl = ''): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return `${baseUrl}${path}${qs ? `${path.includes('?') ? '&' : '?'}${qs}` : ''}`;
}

export class ApiClient {
  private refreshing: Promise<boolean> | null = null;
  private readonly doFetch: typeof fetch;

  constructor(private readonly opts: ApiClientOptions) {
    this.doFetch = opts.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  get tokens(): TokenStore {
    return this.opts.tokens;
  }

  get<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
    return this.request<T>('GET', path, { query, signal });
  }

  /** A GET that also answers the response's ETag: the If-Match of a later write to that record. */
  getTagged<T>(path: string, query?: Query, signal?: AbortSignal): Promise<Tagged<T>> {
    return this.tagged<T>('GET', buildUrl(path, query, this.opts.baseUrl), { signal });
  }

  /**
   * A PUT of a whole record under If-Match (the ETag read with it), answering the new ETag: the If-Match of the
   * next save. A record read as not stored yet (no ETag) goes with If-None-Match: *, create only. Either way a
   * record saved by someone else meanwhile answers 412.
   */
  putTagged<T>(path: string, body: unknown, ifMatch: string | null): Promise<Tagged<T>> {
    const headers: Record<string, string> = ifMatch ? { 'If-Match': ifMatch } : { 'If-None-Match': '*' };
    return this.tagged<T>('PUT', buildUrl(path, undefined, this.opts.baseUrl), { body, headers });
  }

  private async tagged<T>(method: string, url: string, opts: RequestOptions): Promise<Tagged<T>> {
    const res = await this.authorised(method, url, opts);
    if (!res.ok) throw await toApiError(res);
    return { body: (await res.json()) as T, etag: res.headers.get('etag') };
  }

  post<T>(path: string, body?: unknown, opts: Omit<RequestOptions, 'body'> = {}): Promise<T> {
    return this.request<T>('POST', path, { ...opts, body });
  }

  /** A PATCH; `opts.headers` e.g. an If-Match with the ETag the record was read with. */
  patch<T>(path: string, body?: unknown, opts: Omit<RequestOptions, 'body'> = {}): Promise<T> {
    return this.request<T>('PATCH', path, { ...opts, body });
  }

  put<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('PUT', path, { body });
  }

  delete<T>(path: string): Promise<T> {
    return this.request<T>('DELETE', path);
  }

  /** A multipart upload (FormData goes as is: the browser sets the boundary). */
  upload<T>(path: string, form: FormData): Promise<T> {
    return this.request<T>('POST', path, { body: form });
  }

  /** A file the server builds (an .xlsx export, a template): fetched with the token, returned as a Blob with its name. */
  async download(path: string, query?: Query): Promise<{ blob: Blob; filename: string | null }> {
    const res = await this.authorised('GET', buildUrl(path, query, this.opts.baseUrl), {});
    if (!res.ok) throw await toApiError(res);
    const disposition = res.headers.get('content-disposition') ?? '';
    const m = /filename\*=UTF-8''([^;]+)|filename="?([^";]+)"?/i.exec(disposition);
    const filename = m ? decodeURIComponent(m[1] ?? m[2]) : null;
    return { blob: await res.blob(), filename };
  }

  async request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    const url = buildUrl(path, opts.query, this.opts.baseUrl);
    const res = await this.authorised(method, url, opts);
    if (!res.ok) throw await toApiError(res);
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** Sends, and on a 401 refreshes once and retries once; a second 401 ends the session. */
  private async authorised(method: string, url: string, opts: RequestOptions): Promise<Response> {
    let res = await this.send(method, url, opts);
    if (res.status === 401 && !opts.anonymous) {
      const sentWith = this.opts.tokens.get()?.accessToken;
      if (await this.refreshOnce(sentWith)) {
        res = await this.send(method, url, opts);
      }
      if (res.status === 401) {
        this.opts.tokens.set(null);
        this.opts.onSessionExpired?.();
      }
    }
    return res;
  }

  private send(method: string, url: string, opts: RequestOptions): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
    const multipart = typeof FormData !== 'undefined' && opts.body instanceof FormData;
    if (opts.body !== undefined && !multipart) headers['content-type'] = 'application/json';
    const token = this.opts.tokens.get()?.accessToken;
    if (token && !opts.anonymous) headers.authorization = `Bearer ${token}`;
    return this.doFetch(url, {
      method,
      headers,
      body: opts.body === undefined ? undefined : multipart ? (opts.body as FormData) : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  }

  /**
   * Refreshes the pair unless another request already did (the stored access token changed
   * since ours was sent). Concurrent callers share one in-flight refresh.
   */
  private refreshOnce(sentWith: string | undefined): Promise<boolean> {
    const current = this.opts.tokens.get();
    if (current && current.accessToken !== sentWith) return Promise.resolve(true);
    if (!current?.refreshToken) return Promise.resolve(false);
    if (!this.refreshing) {
      this.refreshing = (async () => {
        try {
          const res = await this.send('POST', buildUrl('/api/workers/v1/auth/refresh', undefined, this.opts.baseUrl), {
            anonymous: true,
            body: { refreshToken: current.refreshToken },
          });
          if (!res.ok) return false;
          const pair = (await res.json()) as TokenPair;
          this.opts.tokens.set(pair);
          return true;
        } catch {
          return false;
        } finally {
          this.refreshing = null;
        }
      })();
    }
    return this.refreshing;
  }
}

export { ApiError };
