import { useEffect, useRef, useState } from 'react';
import { Button, Input, Label, Text, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/result.ts';
import { api } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';

/**
 * A passphrase input with a show/hide toggle. `focusKey` moves the focus to
 * the input whenever it changes, so a rejected passphrase can be corrected
 * at once.
 */
export function PassphraseInput(props: {
  label: string;
  description: string;
  value: string;
  onChange(value: string): void;
  name: string;
  focusKey?: unknown;
}) {
  const { t } = useTranslation('open');
  const [visible, setVisible] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (props.focusKey !== undefined && props.focusKey !== null) {
      input.current?.focus();
    }
  }, [props.focusKey]);

  return (
    <div className="input-row">
      <TextField
        className="field"
        type={visible ? 'text' : 'password'}
        value={props.value}
        onChange={props.onChange}
        name={props.name}
      >
        <Label>{props.label}</Label>
        <Text slot="description">{props.description}</Text>
        <Input ref={input} className="input mono" autoComplete="off" spellCheck={false} />
      </TextField>
      <Button
        className="button button-small"
        aria-pressed={visible}
        onPress={() => setVisible((previous) => !previous)}
      >
        {visible ? t('key.hide') : t('key.show')}
      </Button>
    </div>
  );
}

export interface ChosenKeyFile {
  keyId: string;
  fileName: string;
}

/** A button that lets main read an age identity or OpenPGP private key file. */
export function KeyFilePicker(props: {
  kind: 'age-identity' | 'openpgp-key';
  value: ChosenKeyFile | null;
  /** Called with the chosen key file, or with null when choosing one failed. */
  onChange(value: ChosenKeyFile | null): void;
}) {
  const { t } = useTranslation('open');
  const [error, setError] = useState<AppError | null>(null);
  const [choosing, setChoosing] = useState(false);

  const choose = async () => {
    setChoosing(true);
    const result = await api.sealing.chooseKeyFile({ kind: props.kind });
    setChoosing(false);
    if (!result.ok) {
      // The key shown before must not look chosen when this one failed.
      setError(result.error);
      props.onChange(null);
    } else if (result.value !== null) {
      setError(null);
      props.onChange(result.value);
    }
  };

  const helpId = `key-file-help-${props.kind}`;
  return (
    <div className="field">
      <p id={helpId} className="muted">
        {props.kind === 'age-identity' ? t('key.identityHelp') : t('key.pgpKeyHelp')}
      </p>
      <div className="actions">
        <Button
          className="button"
          aria-describedby={helpId}
          isDisabled={choosing}
          onPress={() => void choose()}
        >
          {props.value === null ? t('key.chooseKey') : t('key.chooseOtherKey')}
        </Button>
      </div>
      <p className="status-line" data-testid="key-file" role="status">
        {props.value === null ? t('key.noKey') : t('key.keyChosen', { name: props.value.fileName })}
      </p>
      {error !== null && <ErrorMessage error={error} />}
    </div>
  );
}
