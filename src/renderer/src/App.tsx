import { lazy, Suspense, useEffect, useRef, type ReactNode } from 'react';
import { I18nProvider } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../shared/settings.ts';
import { Layout } from './components/Layout.tsx';
import { Loading } from './components/Loading.tsx';
import { useRoute, type Route } from './router.ts';
import { StartScreen } from './screens/StartScreen.tsx';
import { SettingsProvider, useSettings } from './settings.tsx';

// Only the start screen is in the start bundle; every other screen is its own
// chunk, loaded when the user first opens it.
const OpenScreen = lazy(() => import('./screens/OpenScreen.tsx'));
const SettingsScreen = lazy(() => import('./screens/SettingsScreen.tsx'));
const HelpScreen = lazy(() => import('./screens/HelpScreen.tsx'));
const AboutScreen = lazy(() => import('./screens/AboutScreen.tsx'));
const ConnectionScreen = lazy(() => import('./screens/ConnectionScreen.tsx'));

const SCREENS: Record<Route, (rest: string[]) => ReactNode> = {
  start: () => <StartScreen />,
  open: () => <OpenScreen />,
  settings: () => <SettingsScreen />,
  help: () => <HelpScreen />,
  about: () => <AboutScreen />,
  connection: (rest) => <ConnectionScreen connectionId={rest[0] ?? ''} task={rest[1]} />,
};

/** Locales for react-aria's dates and numbers: Dutch and British formats. */
const ARIA_LOCALES = { nl: 'nl-NL', en: 'en-GB' } as const;

export function App({ initialSettings }: { initialSettings: Settings | null }) {
  return (
    <SettingsProvider initial={initialSettings}>
      <LanguageSync />
      <Localised>
        <Routed />
      </Localised>
    </SettingsProvider>
  );
}

function Localised({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const locale = ARIA_LOCALES[i18n.language as keyof typeof ARIA_LOCALES] ?? ARIA_LOCALES.nl;
  return <I18nProvider locale={locale}>{children}</I18nProvider>;
}

function Routed() {
  const { route, rest } = useRoute();
  const key = `${route}/${rest.join('/')}`;
  useFocusOnNavigation(key);
  return (
    <Layout route={route}>
      <Suspense fallback={<Loading />}>{SCREENS[route](rest)}</Suspense>
    </Layout>
  );
}

/**
 * Moves focus to the main area after a route change, as a page load would,
 * so keyboard and screen reader users start at the new screen's content.
 */
function useFocusOnNavigation(key: string) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('main')?.focus();
  }, [key]);
}

/** Keeps i18next on the language stored in the settings. */
function LanguageSync() {
  const { settings } = useSettings();
  const { i18n } = useTranslation();
  const language = settings?.language;
  useEffect(() => {
    if (language !== undefined && i18n.language !== language) {
      void i18n.changeLanguage(language);
    }
  }, [language, i18n]);
  return null;
}
