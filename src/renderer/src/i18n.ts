import i18next, { type BackendModule, type ReadCallback } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { ERROR_MOUNTS } from '../../shared/i18n/mounts.ts';
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

async function loadFile(language: string, namespace: string): Promise<Record<string, unknown>> {
  const load = LOCALE_FILES[`../../shared/locales/${language}/${namespace}.json`];
  if (load === undefined) {
    throw new Error(`No locale file for ${language}/${namespace}`);
  }
  return (await load()).default;
}

/** Loads a namespace; `errors` also gets each feature's mounted error messages. */
async function loadNamespace(language: string, namespace: string) {
  if (namespace !== 'errors') {
    return loadFile(language, namespace);
  }
  const [own, ...mounted] = await Promise.all([
    loadFile(language, namespace),
    ...ERROR_MOUNTS.map(async (feature) => [
      feature,
      (await loadFile(language, feature))['errors'],
    ]),
  ]);
  return { ...own, ...Object.fromEntries(mounted as [string, unknown][]) };
}

/**
 * Starts loading the shell's strings in `language` before the settings name
 * the language to use. The browser keeps each loaded chunk, so the later
 * read of the same file costs nothing; a wrong guess costs a few kilobytes.
 */
export function preloadStartStrings(language: Language): void {
  for (const namespace of START_NAMESPACES) {
    void loadNamespace(language, namespace).catch(() => undefined);
  }
}

const lazyLocales: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language: string, namespace: string, callback: ReadCallback) {
    loadNamespace(language, namespace).then(
      (data) => callback(null, data),
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
