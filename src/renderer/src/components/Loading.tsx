import { useTranslation } from 'react-i18next';

/** Placeholder while a screen's code, strings or data load. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {label ?? t('loading')}
    </p>
  );
}
