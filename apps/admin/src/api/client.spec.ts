import { describe, expect, it, vi } from 'vitest';
import { ApiClient } from './client';
import { ApiError } from './errors';
import { memoryTokenStore } from './tokens';

function res(status: number, body?: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

describe('ApiClient', () => {
  it('on a 401 refreshes once with the stored refresh token, then retries with the new access token', async () => {
    const tokens = memoryTokenStore({ accessToken: 'old', refreshToken: 'r-old' });
    const seen: string[] = [];
    const fetchMock = vi.fn(async (url: RequestInfo | URL, init: RequestInit = {}) => {
      const auth = (init.headers as Record<string, string>).authorization ?? '';
      seen.push(`${init.method} ${String(url)} ${auth}`);
      if (String(url).endsWith('/auth/refresh')) {
        expect(JSON.parse(String(init.body))).toEqual({ refreshToken: 'r-old' });
        return res(200, { accessToken: 'new', refreshToken: 'r-new', expiresIn: 900 });
      }
      return auth === 'Bearer new' ? res(200, [{ code: '330106', name: '西湖区' }]) : res(401, { code: 'UNAUTHORIZED', message: 'expired', details: [] });
    });
    const api = new ApiClient({ tokens, fetch: fetchMock as typeof fetch });

    const districts = await api.get<Array<{ name: string }>>('/api/workers/v1/districts');

    expect(districts[0].name).toBe('西湖区');
    expect(seen).toEqual([
      'GET /api/workers/v1/districts Bearer old',
      'POST /api/workers/v1/auth/refresh ',
      'GET /api/workers/v1/districts Bearer new',
    ]);
    expect(tokens.get()).toEqual({ accessToken: 'new', refreshToken: 'r-new', expiresIn: 900 });
  });

  it('shares one refresh between concurrent 401s (refresh tokens rotate and work once)', async () => {
    const tokens = memoryTokenStore({ accessToken: 'old', refreshToken: 'r-old' });
    let refreshes = 0;
    const fetchMock = vi.fn(async (url: RequestInfo | URL, init: RequestInit = {}) => {
      if (String(url).endsWith('/auth/refresh')) {
        refreshes++;
        await new Promise((r) => setTimeout(r, 10));
        return res(200, { accessToken: 'new', refreshToken: 'r-new', expiresIn: 900 });
      }
      return (init.headers as Record<string, string>).authorization === 'Bearer new' ? res(200, { ok: String(url) }) : res(401, { code: 'UNAUTHORIZED', message: 'expired', details: [] });
    });
    const api = new ApiClient({ tokens, fetch: fetchMock as typeof fetch });

    const out = await Promise.all([api.get('/a'), api.get('/b'), api.get('/c')]);

    expect(out).toEqual([{ ok: '/a' }, { ok: '/b' }, { ok: '/c' }]);
    expect(refreshes).toBe(1);
  });

  it('ends the session when the refresh fails, without retrying again', async () => {
    const tokens = memoryTokenStore({ accessToken: 'old', refreshToken: 'r-used' });
    const onSessionExpired = vi.fn();
    const fetchMock = vi.fn(async (url: RequestInfo | URL) =>
      String(url).endsWith('/auth/refresh')
        ? res(401, { code: 'INVALID_REFRESH_TOKEN', message: 'The refresh token is invalid', details: [] })
        : res(401, { code: 'UNAUTHORIZED', message: 'expired', details: [] }),
    );
    const api = new ApiClient({ tokens, fetch: fetchMock as typeof fetch, onSessionExpired });

    await expect(api.get('/api/workers/v1/districts')).rejects.toMatchObject({ status: 401 });
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(onSessionExpired).toHaveBeenCalledOnce();
    expect(tokens.get()).toBeNull();
  });

  it('turns the error body into an ApiError with field details, and drops empty query values', async () => {
    const tokens = memoryTokenStore({ accessToken: 'a', refreshToken: 'r' });
    const fetchMock = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) =>
      res(400, { code: 'VALIDATION', message: 'Invalid request', details: [{ path: 'clientId', issue: 'is taken' }] }),
    );
    const api = new ApiClient({ tokens, fetch: fetchMock as typeof fetch });

    const err = await api.get('/x', { a: '1', b: '', c: undefined, d: 0 }).catch((e: unknown) => e);

    expect(String(fetchMock.mock.calls[0][0])).toBe('/x?a=1&d=0');
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 400, code: 'VALIDATION', message: 'Invalid request', details: [{ path: 'clientId', issue: 'is taken' }] });
  });

  it('a tagged PUT sends If-Match only when a tag was read, and answers the new ETag; a 412 is an ApiError', async () => {
    const tokens = memoryTokenStore({ accessToken: 'a', refreshToken: 'r' });
    const sent: Array<Record<string, string>> = [];
    const fetchMock = vi.fn(async (_url: RequestInfo | URL, init: RequestInit = {}) => {
      sent.push(init.headers as Record<string, string>);
      if (sent.length === 3) return res(412, { code: 'PRECONDITION_FAILED', message: 'stale', details: [{ path: 'header:If-Match', issue: 'stale' }] });
      return new Response(JSON.stringify({ year: 2027 }), { status: 200, headers: { 'content-type': 'application/json', etag: `"v${sent.length}"` } });
    });
    const api = new ApiClient({ tokens, fetch: fetchMock as typeof fetch });

    expect(await api.putTagged('/calendar/2027', { label: 'x' }, null)).toEqual({ body: { year: 2027 }, etag: '"v1"' });
    expect(await api.putTagged('/calendar/2027', { label: 'y' }, '"v1"')).toEqual({ body: { year: 2027 }, etag: '"v2"' });
    const err = await api.putTagged('/calendar/2027', { label: 'z' }, '"v1"').catch((e: unknown) => e);

    expect(sent.map((h) => h['If-Match'])).toEqual([undefined, '"v1"', '"v1"']);
    expect(fetchMock.mock.calls[1][1]).toMatchObject({ method: 'PUT', body: JSON.stringify({ label: 'y' }) });
    expect(err).toMatchObject({ status: 412, code: 'PRECONDITION_FAILED' });
  });

  it('a PATCH sends the headers it is given (an If-Match) with its JSON body', async () => {
    const tokens = memoryTokenStore({ accessToken: 'a', refreshToken: 'r' });
    const fetchMock = vi.fn(async () => res(200, { id: 11 }));
    const api = new ApiClient({ tokens, fetch: fetchMock as unknown as typeof fetch });

    expect(await api.patch('/elections/11', { votesCast: 1900 }, { headers: { 'If-Match': '"e1"' } })).toEqual({ id: 11 });
    await api.patch('/elections/11', { note: null });

    const calls = fetchMock.mock.calls as unknown as Array<[string, RequestInit]>;
    expect(calls[0][1]).toMatchObject({ method: 'PATCH', body: JSON.stringify({ votesCast: 1900 }) });
    expect((calls[0][1].headers as Record<string, string>)['If-Match']).toBe('"e1"');
    expect((calls[1][1].headers as Record<string, string>)['If-Match']).toBeUndefined();
  });
});
