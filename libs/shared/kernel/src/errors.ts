/**
 * Errors the domain raises. Each carries a stable code and, for validation errors, the path of
 * the field at fault; the platform's exception filter maps them to HTTP.
 */
export interface ErrorDetail {
  path: string;
  /** for people (English); a UI translates by `code`, never by this text */
  issue: string;
  /** what is wrong, stable and machine-readable (e.g. AMOUNT_NEGATIVE), where the raiser names it */
  code?: string;
}

export type ErrorKind = 'VALIDATION' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN' | 'UNAUTHORIZED' | 'UNPROCESSABLE' | 'PRECONDITION_FAILED';

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const validationError = (code: string, path: string, issue: string): DomainError =>
  new DomainError('VALIDATION', code, issue, [{ path, issue }]);

export const notFound = (entity: string, id: string | number): DomainError =>
  new DomainError('NOT_FOUND', `${entity.toUpperCase()}_NOT_FOUND`, `${entity} ${id} was not found`);

export const conflict = (code: string, message: string, extra: Record<string, unknown> = {}): DomainError =>
  new DomainError('CONFLICT', code, message, [], extra);
