/**
 * A username or API client id, as the workers service takes it (auth.dto.ts: lower-case letters,
 * digits, `.`, `_`, `-`; 3–60, starting with a letter or digit).
 */
export const ACCOUNT_NAME = /^[a-z0-9][a-z0-9._-]{2,59}$/;
