import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/result.ts';
import { api } from '../api.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

type State =
  | { status: 'idle' }
  | { status: 'working' }
  | { status: 'saved'; path: string }
  | { status: 'cancelled' }
  | { status: 'failed'; error: AppError };

/** Saves the redacted diagnostics zip through main's save dialog. */
export function DiagnosticsExport({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ status: 'idle' });
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  const exportArchive = async () => {
    setState({ status: 'working' });
    const result = await api.diagnostics.exportArchive();
    if (!result.ok) {
      setState({ status: 'failed', error: result.error });
    } else if (result.value.saved) {
      setState({ status: 'saved', path: result.value.path });
    } else {
      setState({ status: 'cancelled' });
    }
  };

  return (
    <section aria-labelledby="diagnostics-title" className="diagnostics">
      <Heading id="diagnostics-title">{t('diagnostics.title')}</Heading>
      <p>{t('diagnostics.intro')}</p>
      <Button isDisabled={state.status === 'working'} onPress={() => void exportArchive()}>
        {t('diagnostics.export')}
      </Button>
      <div aria-live="polite">
        {state.status === 'working' && <p role="status">{t('diagnostics.working')}</p>}
        {state.status === 'saved' && (
          <p role="status">{t('diagnostics.saved', { path: state.path })}</p>
        )}
        {state.status === 'cancelled' && <p role="status">{t('diagnostics.cancelled')}</p>}
      </div>
      {state.status === 'failed' && <ErrorMessage error={state.error} />}
    </section>
  );
}
