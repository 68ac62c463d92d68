import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Layout } from './components/Layout.tsx';
import { useRoute, type Route } from './router.ts';
import { AboutScreen } from './screens/AboutScreen.tsx';
import { HelpScreen } from './screens/HelpScreen.tsx';
import { OpenScreen } from './screens/OpenScreen.tsx';
import { SettingsScreen } from './screens/SettingsScreen.tsx';
import { StartScreen } from './screens/StartScreen.tsx';
import { SettingsProvider, useSettings } from './settings.tsx';

const SCREENS: Record<Route, () => ReactNode> = {
  start: () => <StartScreen />,
  open: () => <OpenScreen />,
  settings: () => <SettingsScreen />,
  help: () => <HelpScreen />,
  about: () => <AboutScreen />,
};

export function App() {
  return (
    <SettingsProvider>
      <LanguageSync />
      <Routed />
    </SettingsProvider>
  );
}

function Routed() {
  const { route } = useRoute();
  return <Layout route={route}>{SCREENS[route]()}</Layout>;
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
