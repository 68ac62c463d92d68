import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/ipc/app.ts';
import type { AppError } from '../../../shared/result.ts';
import { api } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { Loading } from '../components/Loading.tsx';
import { LicenceList } from '../components/LicenceList.tsx';

export default function AboutScreen() {
  const { t } = useTranslation();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    void api.app.getInfo().then((result) => {
      if (result.ok) {
        setInfo(result.value);
      } else {
        setError(result.error);
      }
    });
  }, []);

  return (
    <section aria-labelledby="about-title">
      <h1 id="about-title">{t('about.title')}</h1>
      {error !== null && <ErrorMessage error={error} />}
      {info === null && error === null && <Loading />}
      {info !== null && (
        <dl className="facts" data-testid="app-info">
          <dt>{t('about.version', { version: info.version })}</dt>
          <dd>{t('about.platform', { platform: info.platform })}</dd>
          <dd>
            {info.electronVersion === null
              ? t('about.noElectron')
              : t('about.electron', { version: info.electronVersion })}
          </dd>
        </dl>
      )}
      <p>{t('about.privacy')}</p>
      <LicenceList />
    </section>
  );
}
