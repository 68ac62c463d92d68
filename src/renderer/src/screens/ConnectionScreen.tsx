import { useTranslation } from 'react-i18next';

/** One connection's task list and the page of each task. */
export default function ConnectionScreen(_props: { connectionId: string; task?: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="connection-title">
      <h1 id="connection-title">{t('start.title')}</h1>
    </section>
  );
}
