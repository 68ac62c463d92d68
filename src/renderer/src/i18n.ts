import i18next, { type BackendModule, type ReadCallback } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/settings.ts';

type LocaleModule = { default: Record<string, unknown> };

/**
 * Every locale file as its own chunk, loaded when a screen first needs its
 * namespace in the current language. Importing src/shared/i18n/resources.ts
 * here would put every string of both languages into the start bundle.
 */
const LOCALE_FILES = import.meta.glob<LocaleModule>('../../shared/locales/*/*.json');

/** Namespaces the shell needs before its first paint; screens load the rest. */
const START_NAMESPACES = ['common', 'errors'];

const lazyLocales: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language: string, namespace: string, callback: ReadCallback) {
    const load = LOCALE_FILES[`../../shared/locales/${language}/${namespace}.json`];
    if (load === undefined) {
      callback(new Error(`No locale file for ${language}/${namespace}`), false);
      return;
    }
    load().then(
      (module) => callback(null, module.default),
      (error: unknown) => callback(error as Error, false),
    );
  },
};

/** Starts i18next in `language` and resolves once the shell's strings are loaded. */
export async function initI18n(language: Language): Promise<void> {
  document.documentElement.lang = language;
  i18next.on('languageChanged', (next) => {
    document.documentElement.lang = next;
  });
  await i18next
    .use(lazyLocales)
    .use(initReactI18next)
    .init({
      lng: language,
      // Both languages have the same keys (a unit test checks this), so no
      // fallback language has to be loaded next to the chosen one.
      fallbackLng: false,
      ns: START_NAMESPACES,
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      returnNull: false,
      react: { useSuspense: true },
    });
}

export default i18next;
