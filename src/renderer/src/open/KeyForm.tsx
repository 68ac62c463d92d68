import { useState, type FormEvent } from 'react';
import { Button, Form, Label, Radio, RadioGroup, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ChosenFile } from '../../../shared/ipc/sealing.ts';
import type { AppError } from '../../../shared/result.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { KeyFilePicker, PassphraseInput, type ChosenKeyFile } from './KeyFields.tsx';
import type { OpenKeyRequest } from './useOpenFile.ts';

type KeyKind = OpenKeyRequest['kind'];
const KEY_KINDS: readonly KeyKind[] = ['passphrase', 'age-identity', 'openpgp-key'];

/** Errors after which the private key's own passphrase is asked for. */
const KEY_PASSPHRASE_ERRORS = new Set([
  'sealing.pgp-secret-key-locked',
  'sealing.pgp-secret-key-passphrase-wrong',
]);

/**
 * The key for the chosen file, by the kind its header names: the sender's
 * passphrase, an age identity file, or an OpenPGP private key with its
 * passphrase when main reports the key locked. For an unknown kind the user
 * chooses. What the user typed or chose stays after a failed attempt; mount
 * the form anew (key it by file id) for another file.
 */
export function KeyForm(props: {
  file: ChosenFile;
  busy: boolean;
  error: AppError | null;
  onOpen(key: OpenKeyRequest): void;
}) {
  const { t } = useTranslation('open');
  const known = props.file.keyKind === 'unknown' ? null : props.file.keyKind;
  const [chosenKind, setChosenKind] = useState<KeyKind>('passphrase');
  const kind = known ?? chosenKind;
  const [passphrase, setPassphrase] = useState('');
  const [keyFiles, setKeyFiles] = useState<Partial<Record<KeyKind, ChosenKeyFile>>>({});
  const [keyPassphrase, setKeyPassphrase] = useState('');
  // The last open error no longer applies once the user chose another key file.
  const [dismissedError, setDismissedError] = useState<AppError | null>(null);
  const error = props.error === dismissedError ? null : props.error;
  const [missing, setMissing] = useState<'missingPassphrase' | 'missingKey' | null>(null);
  // Once main reported the key locked, the field stays for the next attempts.
  const [keyLocked, setKeyLocked] = useState(false);
  if (!keyLocked && props.error !== null && KEY_PASSPHRASE_ERRORS.has(props.error.code)) {
    setKeyLocked(true);
  }
  const askKeyPassphrase = kind === 'openpgp-key' && keyLocked;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (props.busy) {
      return;
    }
    if (kind === 'passphrase') {
      if (passphrase.trim() === '') {
        setMissing('missingPassphrase');
        return;
      }
      setMissing(null);
      props.onOpen({ kind, passphrase });
      return;
    }
    const keyFile = keyFiles[kind];
    if (keyFile === undefined) {
      setMissing('missingKey');
      return;
    }
    setMissing(null);
    if (kind === 'age-identity') {
      props.onOpen({ kind, keyId: keyFile.keyId });
    } else {
      const withPassphrase = keyPassphrase === '' ? {} : { passphrase: keyPassphrase };
      props.onOpen({ kind, keyId: keyFile.keyId, ...withPassphrase });
    }
  };

  return (
    <Form className="form" onSubmit={submit} data-testid="key-form">
      {known === null && (
        <RadioGroup
          className="field"
          value={chosenKind}
          onChange={(value) => setChosenKind(value as KeyKind)}
          data-testid="key-kind"
        >
          <Label>{t('key.kindLabel')}</Label>
          <Text slot="description">{t('key.kindHelp')}</Text>
          {KEY_KINDS.map((value) => (
            <Radio key={value} value={value} className="radio">
              {({ isSelected }) => (
                <>
                  <span className="radio-dot" aria-hidden="true" data-selected={isSelected} />
                  <span>{t(`key.kinds.${value}`)}</span>
                </>
              )}
            </Radio>
          ))}
        </RadioGroup>
      )}

      {kind === 'passphrase' ? (
        <PassphraseInput
          name="passphrase"
          label={t('key.passphrase')}
          description={t('key.passphraseHelp')}
          value={passphrase}
          onChange={setPassphrase}
          focusKey={props.error}
        />
      ) : (
        <KeyFilePicker
          kind={kind}
          value={keyFiles[kind] ?? null}
          onChange={(value) => {
            setKeyFiles((previous) => ({ ...previous, [kind]: value ?? undefined }));
            setDismissedError(props.error);
          }}
        />
      )}
      {askKeyPassphrase && (
        <PassphraseInput
          name="key-passphrase"
          label={t('key.keyPassphrase')}
          description={t('key.keyPassphraseHelp')}
          value={keyPassphrase}
          onChange={setKeyPassphrase}
          focusKey={props.error}
        />
      )}

      {missing !== null && (
        <p className="error" role="alert" data-testid="key-missing">
          {t(`key.${missing}`)}
        </p>
      )}
      {error !== null && <ErrorMessage error={error} />}
      <div className="actions">
        <Button type="submit" className="button button-primary" isDisabled={props.busy}>
          {t('key.open')}
        </Button>
      </div>
      <div role="status" aria-live="polite" data-testid="open-busy">
        {props.busy && <p className="muted">{t('key.opening')}</p>}
      </div>
    </Form>
  );
}
