import i18next, { type TFunction } from 'i18next';
import type { Language } from '../ipc/app.ts';
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

export { translateError } from './errors.ts';
