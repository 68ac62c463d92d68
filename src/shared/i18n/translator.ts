import i18next, { type TFunction } from 'i18next';
import type { Language } from '../ipc/app.ts';
import type { AppError } from '../result.ts';
import { DEFAULT_LANGUAGE, NAMESPACES, resources } from './resources.ts';

/**
 * Creates a standalone translator for code outside React (the CLI, reports).
 * The renderer uses react-i18next over the same resources.
 */
export async function createTranslator(language: Language = DEFAULT_LANGUAGE): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    ns: NAMESPACES,
    defaultNS: 'common',
    resources,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance.t;
}

/**
 * Translates an expected failure by its code (`errors:<code>`, with dots as
 * key separators). Unknown codes fall back to a generic message that shows
 * the code, never to a wrong one.
 */
export function translateError(t: TFunction, error: AppError): string {
  const key = `errors:${error.code}`;
  const params = { ...error.params, code: error.code };
  if (t(key, { defaultValue: '' }) === '') {
    return t('errors:unknown', params);
  }
  return t(key, params);
}
