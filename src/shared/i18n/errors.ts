import type { TFunction } from 'i18next';
import type { AppError } from '../result.ts';

/**
 * Namespaces other than `errors` whose keys also serve as error codes: an
 * AppFailure with code `inputs.url.invalid` takes its message from
 * `inputs:url.invalid`, the same text the form shows inline.
 */
const CODE_NAMESPACES = ['inputs'];

/**
 * Translates an expected failure by its code (`errors:<code>`, with dots as
 * key separators). Unknown codes fall back to a generic message that shows
 * the code, never to a wrong one. Kept apart from the translator so the page can use it
 * without bundling every locale file.
 */
export function translateError(t: TFunction, error: AppError): string {
  const params = { ...error.params, code: error.code };
  for (const key of keysForCode(error.code)) {
    if (t(key, { defaultValue: '' }) !== '') {
      return t(key, params);
    }
  }
  return t('errors:unknown', params);
}

function keysForCode(code: string): string[] {
  const keys = [`errors:${code}`];
  const dot = code.indexOf('.');
  const namespace = code.slice(0, dot);
  if (dot > 0 && CODE_NAMESPACES.includes(namespace)) {
    keys.push(`${namespace}:${code.slice(dot + 1)}`);
  }
  return keys;
}
