import type { ErrorDetail } from '@cws/kernel';

/** The suite's error body: `{ code, message, details: [{ path, issue }] }` (details are the kernel's ErrorDetail). */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
    /** Seconds to wait before asking again (a 429's Retry-After header), when the server said. */
    readonly retryAfter: number | null = null,
    /** The body as sent: a conflict names what it clashed with there (e.g. `generationId`). */
    readonly body: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get notFound(): boolean {
    return this.status === 404;
  }
}

/** A refusal the UI itself makes before anything is written (e.g. a bonus list naming someone not found); its message is already in the user's language. */
export class RefusedHere extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RefusedHere';
  }
}

/** Retry-After in seconds (the throttler sends `Retry-After`, or `Retry-After-<name>` for a named limit). */
export function retryAfterSeconds(headers: Headers | undefined): number | null {
  if (!headers) return null;
  let value = headers.get('retry-after');
  if (value === null) headers.forEach((v, k) => { if (value === null && k.toLowerCase().startsWith('retry-after')) value = v; });
  if (value === null) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

export async function toApiError(res: Response): Promise<ApiError> {
  const retryAfter = res.status === 429 ? retryAfterSeconds(res.headers) : null;
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    /* not JSON */
  }
  if (body && typeof body === 'object') {
    const b = body as { code?: unknown; message?: unknown; details?: unknown } & Record<string, unknown>;
    const details = Array.isArray(b.details)
      ? b.details.filter((d): d is ErrorDetail => !!d && typeof d === 'object' && typeof (d as ErrorDetail).path === 'string')
      : [];
    const message = Array.isArray(b.message) ? b.message.join('; ') : typeof b.message === 'string' ? b.message : res.statusText;
    return new ApiError(res.status, typeof b.code === 'string' ? b.code : `HTTP_${res.status}`, message || `HTTP ${res.status}`, details, retryAfter, b);
  }
  return new ApiError(res.status, `HTTP_${res.status}`, res.statusText || `HTTP ${res.status}`, [], retryAfter);
}

/** Antd form field errors from an API error's details (`path` may be dotted or indexed: "bonus.amount", "months[0].gross"). */
export function fieldErrors(
  err: unknown,
  issueText: (d: ErrorDetail, err: ApiError) => string = (d) => d.issue,
): Array<{ name: (string | number)[]; errors: string[] }> {
  if (!(err instanceof ApiError)) return [];
  const byPath = new Map<string, string[]>();
  for (const d of err.details) {
    if (!d.path) continue;
    const text = issueText(d, err);
    const known = byPath.get(d.path) ?? [];
    if (!known.includes(text)) byPath.set(d.path, [...known, text]);
  }
  return [...byPath].map(([p, errors]) => ({
    name: p.replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean).map((s) => (/^\d+$/.test(s) ? Number(s) : s)),
    errors,
  }));
}

/** Puts an API error's details on the matching fields of an Antd form; returns how many matched a path. */
export function applyFieldErrors(
  form: { setFields: (fields: never[]) => void },
  err: unknown,
  issueText?: (d: ErrorDetail, err: ApiError) => string,
): number {
  const fields = fieldErrors(err, issueText);
  if (fields.length) (form.setFields as (f: typeof fields) => void)(fields);
  return fields.length;
}
