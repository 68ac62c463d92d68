import { useId, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/result.ts';
import { api } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';

/**
 * A passphrase shown large and in its groups, for reading out by phone, with
 * a copy button. Main clears the copy from the clipboard after 30 seconds.
 */
export function PassphraseDisplay(props: { passphrase: string; label: string; testId: string }) {
  const { t } = useTranslation('handover');
  const labelId = useId();
  const [copiedFor, setCopiedFor] = useState<{ passphrase: string; seconds: number } | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const groups = props.passphrase.split('-');

  const copy = async () => {
    const result = await api.sealing.copyPassphrase({ passphrase: props.passphrase });
    setError(result.ok ? null : result.error);
    setCopiedFor(
      result.ok ? { passphrase: props.passphrase, seconds: result.value.clearAfterSeconds } : null,
    );
  };

  return (
    <div className="passphrase-box">
      <p id={labelId} className="field-label">
        {props.label}
      </p>
      <p className="passphrase" aria-labelledby={labelId} data-testid={props.testId}>
        {groups.map((group, index) => (
          <span key={index}>
            {index > 0 && (
              <span className="passphrase-separator" aria-hidden="true">
                -
              </span>
            )}
            <span className="passphrase-group">{group}</span>
          </span>
        ))}
      </p>
      <div className="input-row">
        <Button className="button button-small" onPress={() => void copy()}>
          {t('passphrase.copy')}
        </Button>
        <span role="status" className="status-line">
          {copiedFor?.passphrase === props.passphrase
            ? t('passphrase.copied', { seconds: copiedFor.seconds })
            : ''}
        </span>
      </div>
      {error !== null && <ErrorMessage error={error} />}
    </div>
  );
}
