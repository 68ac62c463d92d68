import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

export function CrashScreen({ error }: { error: Error }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const details = `${error.name}: ${error.message}\n${error.stack ?? ''}`;

  return (
    <main className="crash" role="alert" aria-labelledby="crash-title">
      <h1 id="crash-title">{t('crash.title')}</h1>
      <p>{t('crash.body')}</p>
      <pre className="crash-details">{details}</pre>
      <div className="actions">
        <Button
          onPress={() => {
            void navigator.clipboard.writeText(details).then(() => setCopied(true));
          }}
        >
          {t('crash.copy')}
        </Button>
        <Button onPress={() => window.location.reload()}>{t('crash.reload')}</Button>
      </div>
      {copied && <p role="status">{t('crash.copied')}</p>}
    </main>
  );
}
