import { useTranslation } from 'react-i18next';

export function HelpScreen() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="help-title">
      <h1 id="help-title">{t('help.title')}</h1>
      <p>{t('help.intro')}</p>
    </section>
  );
}
