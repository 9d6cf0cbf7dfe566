import type { ErrorDetail } from '@cws/kernel';

/** The suite's error body: `{ code, message, details: [{ path, issue }] }` (details are the kernel's ErrorDetail). */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get notFound(): boolean {
    return this.status === 404;
  }
}

export async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    /* not JSON */
  }
  if (body && typeof body === 'object') {
    const b = body as { code?: unknown; message?: unknown; details?: unknown };
    const details = Array.isArray(b.details)
      ? b.details.filter((d): d is ErrorDetail => !!d && typeof d === 'object' && typeof (d as ErrorDetail).path === 'string')
      : [];
    const message = Array.isArray(b.message) ? b.message.join('; ') : typeof b.message === 'string' ? b.message : res.statusText;
    return new ApiError(res.status, typeof b.code === 'string' ? b.code : `HTTP_${res.status}`, message || `HTTP ${res.status}`, details);
  }
  return new ApiError(res.status, `HTTP_${res.status}`, res.statusText || `HTTP ${res.status}`);
}

/** Antd form field errors from an API error's details (`path` may be dotted or indexed: "bonus.amount", "months[0].gross"). */
export function fieldErrors(err: unknown): Array<{ name: (string | number)[]; errors: string[] }> {
  if (!(err instanceof ApiError)) return [];
  const byPath = new Map<string, string[]>();
  for (const d of err.details) {
    if (!d.path) continue;
    byPath.set(d.path, [...(byPath.get(d.path) ?? []), d.issue]);
  }
  return [...byPath].map(([p, errors]) => ({
    name: p.replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean).map((s) => (/^\d+$/.test(s) ? Number(s) : s)),
    errors,
  }));
}

/** Puts an API error's details on the matching fields of an Antd form; returns how many matched a path. */
export function applyFieldErrors(form: { setFields: (fields: never[]) => void }, err: unknown): number {
  const fields = fieldErrors(err);
  if (fields.length) (form.setFields as (f: typeof fields) => void)(fields);
  return fields.length;
}
