import { useTranslation } from 'react-i18next';
import { ConnectionList } from '../components/ConnectionList.tsx';

export function StartScreen() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="start-title" data-testid="start-ready">
      <h1 id="start-title">{t('start.title')}</h1>
      <p>{t('start.intro')}</p>
      <ConnectionList />
    </section>
  );
}
