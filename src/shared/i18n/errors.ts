import type { TFunction } from 'i18next';
import type { AppError } from '../result.ts';

/**
 * Translates an expected failure by its code (`errors:<code>`, with dots as
 * key separators). Unknown codes fall back to a generic message that shows
 * the code, never to a wrong one. Kept apart from the translator so the page can use it
 * without bundling every locale file.
 */
export function translateError(t: TFunction, error: AppError): string {
  const key = `errors:${error.code}`;
  const params = { ...error.params, code: error.code };
  if (t(key, { defaultValue: '' }) === '') {
    return t('errors:unknown', params);
  }
  return t(key, params);
}
