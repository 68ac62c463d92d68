import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { DiagnosticsExport } from './DiagnosticsExport.tsx';

type CopyState = 'idle' | 'copied' | 'failed';

export function CrashScreen({ error }: { error: Error }) {
  const { t } = useTranslation();
  const [copy, setCopy] = useState<CopyState>('idle');
  const header = `${error.name}: ${error.message}`;
  // V8 stacks start with the same header line.
  const details = error.stack?.startsWith(header) ? error.stack : `${header}\n${error.stack ?? ''}`;

  // The page has no clipboard permission, so main redacts the details and
  // writes them to the clipboard.
  const copyDetails = async () => {
    const result = await api.diagnostics
      .copyErrorDetails({ details: details.slice(0, 40_000) })
      .catch(() => ({ ok: false }));
    setCopy(result.ok ? 'copied' : 'failed');
  };

  return (
    <main className="crash" role="alert" aria-labelledby="crash-title">
      <h1 id="crash-title">{t('crash.title')}</h1>
      <p>{t('crash.body')}</p>
      <pre className="crash-details" data-testid="crash-details">
        {details}
      </pre>
      <div className="actions">
        <Button onPress={() => void copyDetails()}>{t('crash.copy')}</Button>
        <Button onPress={() => window.location.reload()}>{t('crash.reload')}</Button>
      </div>
      <div aria-live="polite">
        {copy === 'copied' && <p role="status">{t('crash.copied')}</p>}
        {copy === 'failed' && <p role="status">{t('crash.copyFailed')}</p>}
      </div>
      <DiagnosticsExport headingLevel={2} />
    </main>
  );
}
