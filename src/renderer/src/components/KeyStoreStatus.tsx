import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StorageStatus } from '../../../shared/connection.ts';
import type { AppError } from '../../../shared/result.ts';
import { api } from '../api.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { Loading } from './Loading.tsx';

/** Shows which key store protects the client secrets, and why storage is off when it is. */
export function KeyStoreStatus() {
  const { t } = useTranslation('vault');
  const [storage, setStorage] = useState<StorageStatus | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    let current = true;
    void api.secrets.storage().then((result) => {
      if (!current) {
        return;
      }
      if (result.ok) {
        setStorage(result.value);
      } else {
        setError(result.error);
      }
    });
    return () => {
      current = false;
    };
  }, []);

  return (
    <>
      <h2>{t('keyStore.title')}</h2>
      {error !== null && <ErrorMessage error={error} />}
      {error === null && storage === null && <Loading />}
      {storage !== null && <StorageDetails storage={storage} />}
    </>
  );
}

function StorageDetails({ storage }: { storage: StorageStatus }) {
  const { t } = useTranslation('vault');
  return (
    <div data-testid="key-store-status">
      <p>{t('keyStore.backend', { backend: storage.backend })}</p>
      {storage.canStore ? (
        <p className="note note-ok">{t('keyStore.canStore')}</p>
      ) : (
        <p className="note note-warning">
          {t(`secret.storage.${storage.reason ?? 'unavailable'}`, { backend: storage.backend })}{' '}
          {t('keyStore.memoryOnly')}
        </p>
      )}
    </div>
  );
}
