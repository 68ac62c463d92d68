import { useEffect, useState, type FormEvent } from 'react';
import { Button, Form, Input, Label, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { SecretStatus, StorageStatus } from '../../../shared/connection.ts';
import type { SaveSecretResult } from '../../../shared/ipc/secrets.ts';
import type { AppError, Result } from '../../../shared/result.ts';
import { api } from '../api.ts';
import { ConfirmButton } from './ConfirmButton.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';

type Message = 'saved' | 'keptInMemory' | 'copied' | null;

/**
 * Entry of a connection's client secret. The secret goes to main once, on
 * Save, and the field is cleared; afterwards the page only receives its status
 * and last four characters. `onChange` runs after the stored secret changed.
 */
export function SecretField({
  connectionId,
  onChange,
}: {
  connectionId: string;
  onChange?: () => void;
}) {
  const { t } = useTranslation('vault');
  const [value, setValue] = useState('');
  const [status, setStatus] = useState<SecretStatus | null>(null);
  const [storage, setStorage] = useState<StorageStatus | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [trimmed, setTrimmed] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const [clearAfter, setClearAfter] = useState(0);

  useEffect(() => {
    let current = true;
    void Promise.all([api.secrets.status({ connectionId }), api.secrets.storage()]).then(
      ([statusResult, storageResult]) => {
        if (!current) {
          return;
        }
        if (statusResult.ok) {
          setStatus(statusResult.value);
        }
        if (storageResult.ok) {
          setStorage(storageResult.value);
        }
      },
    );
    return () => {
      current = false;
    };
  }, [connectionId]);

  const applySaved = (result: Result<SaveSecretResult>, done: Message) => {
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setValue('');
    setError(null);
    setStatus(result.value.status);
    setTrimmed(result.value.trimmed);
    setMessage(done);
    onChange?.();
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    applySaved(await api.secrets.save({ connectionId, secret: value }), 'saved');
  };

  const keepInMemory = async () => {
    applySaved(await api.secrets.keepInMemory({ connectionId, secret: value }), 'keptInMemory');
  };

  const copy = async () => {
    const result = await api.secrets.copy({ connectionId });
    if (result.ok) {
      setClearAfter(result.value.clearAfterSeconds);
      setMessage('copied');
    } else {
      setError(result.error);
    }
  };

  const forget = async () => {
    const result = await api.secrets.forget({ connectionId });
    if (result.ok) {
      setStatus(result.value);
      setMessage(null);
      setTrimmed(false);
      onChange?.();
    } else {
      setError(result.error);
    }
  };

  const offerMemory = error?.code === 'vault.storage-unavailable' && value !== '';

  return (
    <div className="secret-field">
      <p className="note note-warning">{t('secret.showOnce')}</p>
      {storage !== null && !storage.canStore && storage.reason !== null && (
        <p className="note note-warning" data-testid="storage-status">
          {t(`secret.storage.${storage.reason}`, { backend: storage.backend })}
        </p>
      )}
      <Form onSubmit={(event) => void save(event)} className="form">
        <TextField
          type="password"
          value={value}
          onChange={setValue}
          name="secret"
          className="field"
        >
          <Label>{t('secret.label')}</Label>
          <Input autoComplete="off" spellCheck={false} />
        </TextField>
        <Button type="submit">{t('secret.save')}</Button>
      </Form>
      {error !== null && <ErrorMessage error={error} />}
      {offerMemory && (
        <Button className="button" onPress={() => void keepInMemory()}>
          {t('secret.keepInMemory')}
        </Button>
      )}
      <div role="status">
        {message === 'saved' && <p>{t('secret.saved')}</p>}
        {message === 'keptInMemory' && <p>{t('secret.keptInMemory')}</p>}
        {message === 'copied' && <p>{t('secret.copied', { seconds: clearAfter })}</p>}
        {trimmed && <p className="field-warning">{t('secret.trimmed')}</p>}
      </div>
      {status !== null && <SecretStatusLine status={status} />}
      {status?.stored === true && (
        <div className="actions">
          {status.readable && <Button onPress={() => void copy()}>{t('secret.copy')}</Button>}
          <ConfirmButton
            label={t('secret.forget')}
            title={t('secret.forgetTitle')}
            body={t('secret.forgetBody')}
            confirmLabel={t('secret.forgetConfirm')}
            cancelLabel={t('secret.cancel')}
            onConfirm={() => void forget()}
          />
        </div>
      )}
    </div>
  );
}

function SecretStatusLine({ status }: { status: SecretStatus }) {
  const { t } = useTranslation('vault');
  let text: string;
  if (!status.stored) {
    text = t('secret.status.none');
  } else if (!status.readable) {
    text = t('secret.status.unreadable');
  } else {
    text = t(status.storage === 'memory' ? 'secret.status.memory' : 'secret.status.vault');
  }
  return (
    <p className="status-line" data-testid="secret-status">
      {text}
      {status.hint !== null && <> {t('secret.status.hint', { hint: status.hint })}</>}
    </p>
  );
}
