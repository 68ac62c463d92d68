import { useTranslation } from 'react-i18next';

export default function OpenScreen() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="open-title">
      <h1 id="open-title">{t('open.title')}</h1>
      <p>{t('open.intro')}</p>
    </section>
  );
}
