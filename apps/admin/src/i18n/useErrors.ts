import { useMemo } from 'react';
import { applyFieldErrors } from '../api/errors';
import { detailText, errorMessage, localisedFieldErrors } from './errors';
import { useI18n } from './I18nProvider';

/** Error texts in the current language: `text(err)` for a toast or alert, `apply(form, err)` puts details on fields. */
export function useErrors() {
  const { locale } = useI18n();
  return useMemo(
    () => ({
      text: (err: unknown) => errorMessage(locale, err),
      fields: (err: unknown) => localisedFieldErrors(locale, err),
      apply: (form: { setFields: (fields: never[]) => void }, err: unknown) => applyFieldErrors(form, err, (d, e) => detailText(locale, e, d)),
    }),
    [locale],
  );
}
