// Renders a piece of the app with every provider around it, against a scripted fetch.
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp } from 'antd';
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { MemoryRouter } from 'react-router-dom';
import { onTestFinished } from 'vitest';
import { createQueryClient } from './App';
import { ApiClient } from './api/client';
import { ApiProvider } from './api/context';
import { memoryTokenStore } from './api/tokens';
import type { Me } from './api/types';
import { AuthProvider, useAuth } from './auth/AuthProvider';
import { I18nProvider, type Locale } from './i18n/I18nProvider';

export type Route = (url: URL, init: RequestInit) => unknown;

/** A JSON answer, with extra `headers` (an ETag) when given. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** A fetch that answers by path; unknown paths answer 404 in the suite's error shape. */
export function scriptedFetch(routes: Record<string, Route>) {
  const calls: Array<{ url: URL; init: RequestInit }> = [];
  const impl = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://admin.test');
    calls.push({ url, init });
    const route = routes[`${init.method ?? 'GET'} ${url.pathname}`];
    if (!route) return json(404, { code: 'NOT_FOUND', message: `no route ${url.pathname}`, details: [] });
    const out = route(url, init);
    return out instanceof Response ? out : json(200, out);
  }) as typeof fetch;
  return { fetch: impl, calls };
}

/** The JSON bodies a scripted fetch was sent with `method` (to `path`, if given), in order. */
export function sentBodies(calls: ReturnType<typeof scriptedFetch>['calls'], method: string, path?: string): unknown[] {
  return calls.filter((c) => c.init.method === method && (path === undefined || c.url.pathname === path)).map((c) => JSON.parse(String(c.init.body)));
}

export const xihuHr: Me = { kind: 'user', id: 'u1', name: 'xihu-hr', roles: ['DISTRICT_HR'], scope: { level: 'DISTRICT', district: '330106' }, permissions: [] };

export interface Rendered {
  container: HTMLElement;
  unmount: () => void;
}

export function renderApp(ui: ReactNode, opts: { fetch: typeof fetch; locale?: Locale; path?: string }): Rendered {
  const tokens = memoryTokenStore({ accessToken: 'a1', refreshToken: 'r1' });
  const api = new ApiClient({ tokens, fetch: opts.fetch });
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  const container = document.createElement('div');
  document.body.appendChild(container);
  let root: Root;
  act(() => {
    root = createRoot(container);
    root.render(
      <I18nProvider locale={opts.locale ?? 'zh-CN'}>
        <MemoryRouter initialEntries={[opts.path ?? '/']}>
          <QueryClientProvider client={queryClient}>
            <ApiProvider client={api}>
              <AuthProvider>{ui}</AuthProvider>
            </ApiProvider>
          </QueryClientProvider>
        </MemoryRouter>
      </I18nProvider>,
    );
  });
  let mounted = true;
  const unmount = () => {
    if (!mounted) return;
    mounted = false;
    act(() => root.unmount());
    container.remove();
  };
  // what a test renders is gone when it ends, passed or failed (a test may unmount earlier itself)
  onTestFinished(unmount);
  return { container, unmount };
}

/** The If-Match (or `header`) of each request a scripted fetch was sent with `method` (to `path`, if given), in order (undefined: none). */
export function sentIfMatch(calls: ReturnType<typeof scriptedFetch>['calls'], method: string, path?: string, header = 'If-Match'): Array<string | undefined> {
  return calls.filter((c) => c.init.method === method && (path === undefined || c.url.pathname === path)).map((c) => (c.init.headers as Record<string, string>)[header]);
}

/** Who is signed in, once /auth/me answered: a test waits for it before checking what a role does not see. */
export function SignedIn() {
  return <span data-testid="signed-in">{useAuth().me?.name}</span>;
}

/** The text of the element with this test id ('' while there is none). */
export const textOf = (testId: string): string => document.querySelector(`[data-testid="${testId}"]`)?.textContent ?? '';

/**
 * Renders a page in English as `me` (SignedIn beside it, antd's App around it for its toasts) against `routes`
 * (/auth/me answers `me` unless they say otherwise); the scripted fetch's calls and the render.
 */
export function renderPageAs(me: Me, page: ReactNode, routes: Record<string, Route> = {}, path?: string) {
  const script = scriptedFetch({ 'GET /api/workers/v1/auth/me': () => me, ...routes });
  const rendered = renderApp(
    <AntApp>
      <SignedIn />
      {page}
    </AntApp>,
    { fetch: script.fetch, locale: 'en', path },
  );
  return { ...script, ...rendered };
}

/**
 * Polls until `check` stops throwing (React Query and Antd settle asynchronously). The limit is only reached by a test
 * about to fail, so it is generous: under load (integration tests beside it) one calendar-page test took 4.5 s in all.
 */
export async function waitFor<T>(check: () => T, timeoutMs = 10_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    try {
      return check();
    } catch (err) {
      if (Date.now() - start > timeoutMs) throw err;
    }
    await act(() => new Promise((r) => setTimeout(r, 20)));
  }
}

export async function click(el: Element | null | undefined): Promise<void> {
  if (!el) throw new Error('nothing to click');
  await act(async () => {
    (el as HTMLElement).click();
  });
}

/** The element `selector` finds, once it is there. */
export const found = (selector: string): Promise<HTMLElement> =>
  waitFor(() => {
    const el = document.querySelector(selector);
    if (!el) throw new Error(`no ${selector}`);
    return el as HTMLElement;
  });

/**
 * Opens an antd Select (its element, or its input) and clicks the option titled `title` (`prefix`: whose title
 * starts with it) in that select's own dropdown: the input's aria-controls names its list (a dropdown closed
 * earlier may still be in the page).
 */
export async function chooseOption(select: Element, title: string, { prefix = false } = {}): Promise<void> {
  const input = select instanceof HTMLInputElement ? select : select.querySelector('input');
  await act(async () => {
    (input ?? select).dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
  });
  const option = await waitFor(() => {
    const list = document.getElementById(input?.getAttribute('aria-controls') ?? '');
    const el = list?.closest('.ant-select-dropdown')?.querySelector(`.ant-select-item-option[title${prefix ? '^=' : '='}"${title}"]`);
    if (!el) throw new Error(`no option ${title}`);
    return el;
  });
  await click(option);
}

/** Sets an input's or a textarea's value as typing would (React listens to the native input event). */
export async function typeInto(input: Element, value: string): Promise<void> {
  const proto = input instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  await act(async () => {
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Types a date into an antd DatePicker and confirms it with Enter. */
export async function typeDateInto(input: Element, date: string): Promise<void> {
  await act(async () => {
    input.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    (input as HTMLInputElement).focus();
  });
  await typeInto(input, date);
  await act(async () => {
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  });
}

