import { useMemo } from 'react';
import { applyFieldErrors } from '../api/errors';
import { codeText, detailText, errorMessage, localisedFieldErrors } from './errors';
import { useI18n } from './I18nProvider';

/**
 * Error texts in the current language: `text(err)` for a toast or alert, `apply(form, err)` puts details on fields,
 * `code(code)` a code's own text (a form that checks what the API checks says it in the API's words).
 */
export function useErrors() {
  const { locale } = useI18n();
  return useMemo(
    () => ({
      text: (err: unknown) => errorMessage(locale, err),
      code: (code: string) => codeText(locale, code),
      fields: (err: unknown) => localisedFieldErrors(locale, err),
      apply: (form: { setFields: (fields: never[]) => void }, err: unknown) => applyFieldErrors(form, err, (d, e) => detailText(locale, e, d)),
    }),
    [locale],
  );
}
