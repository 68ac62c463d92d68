import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';

export function SettingsScreen() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <LanguageSwitch />
    </section>
  );
}
