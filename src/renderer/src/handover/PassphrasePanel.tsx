import { useEffect, useState } from 'react';
import { Button, FieldError, Input, Label, Text, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { PassphraseStrength } from '../../../shared/passphrase-strength.ts';
import { MIN_PASSPHRASE_BITS } from '../../../shared/passphrase-strength.ts';
import { translateError } from '../../../shared/i18n/errors.ts';
import type { AppError } from '../../../shared/result.ts';
import { api } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { PassphraseDisplay } from './PassphraseDisplay.tsx';
import type { SealTarget } from './targets.ts';
import { TickBox } from './TickBox.tsx';
import { useDebouncedCheck } from './useDebouncedCheck.ts';

const checkStrength = (passphrase: string) => api.sealing.checkPassphrase({ passphrase });

/**
 * Sealing to a passphrase: a generated one by default, or the user's own,
 * which main checks as the user types and which counts only when strong
 * enough. Reports the passphrase to seal to, or null while there is none.
 */
export function PassphrasePanel(props: { onTarget(target: SealTarget | null): void }) {
  const { t } = useTranslation(['handover', 'errors']);
  const [generated, setGenerated] = useState<{ passphrase: string; bits: number } | null>(null);
  const [generateError, setGenerateError] = useState<AppError | null>(null);
  const [round, setRound] = useState(0);
  const [useOwn, setUseOwn] = useState(false);
  const [own, setOwn] = useState('');
  const strength = useDebouncedCheck<PassphraseStrength>(own, checkStrength, useOwn);
  const { onTarget } = props;

  useEffect(() => {
    let active = true;
    void api.sealing.generatePassphrase().then((result) => {
      if (active) {
        setGenerated(result.ok ? result.value : null);
        setGenerateError(result.ok ? null : result.error);
      }
    });
    return () => {
      active = false;
    };
  }, [round]);

  const checked = strength.current;
  let passphrase: string | null = generated?.passphrase ?? null;
  if (useOwn) {
    passphrase = checked?.ok === true && checked.value.acceptable ? own : null;
  }
  useEffect(() => {
    onTarget(passphrase === null ? null : { kind: 'passphrase', passphrase });
  }, [passphrase, onTarget]);

  let rejection: string | null = null;
  if (checked !== null && !checked.ok) {
    rejection = translateError(t, checked.error);
  } else if (checked?.ok === true && !checked.value.acceptable) {
    rejection = translateError(t, {
      code: `sealing.passphrase-${checked.value.problem ?? 'low-entropy'}`,
      message: '',
      params: { bits: checked.value.bits, minimum: MIN_PASSPHRASE_BITS },
    });
  }

  return (
    <div className="form" data-testid="passphrase-panel">
      {!useOwn && generated === null && generateError === null && (
        <p className="status-line">{t('passphrase.generating')}</p>
      )}
      {generateError !== null && <ErrorMessage error={generateError} />}
      {!useOwn && generated !== null && (
        <>
          <PassphraseDisplay
            passphrase={generated.passphrase}
            label={t('passphrase.generatedLabel')}
            testId="generated-passphrase"
          />
          <p className="muted">{t('passphrase.bits', { bits: generated.bits })}</p>
          <div className="input-row">
            <Button className="button button-small" onPress={() => setRound((value) => value + 1)}>
              {t('passphrase.regenerate')}
            </Button>
          </div>
        </>
      )}
      <p className="note note-warning">
        <span aria-hidden="true">☎ </span>
        {t('passphrase.advice')}
      </p>
      <TickBox isSelected={useOwn} onChange={setUseOwn} testId="use-own-passphrase">
        {t('passphrase.useOwn')}
      </TickBox>
      {useOwn && (
        <TextField
          className="field"
          value={own}
          onChange={setOwn}
          isInvalid={rejection !== null}
          validationBehavior="aria"
          data-testid="own-passphrase"
        >
          <Label>{t('passphrase.ownLabel')}</Label>
          <Text slot="description">{t('passphrase.ownHelp')}</Text>
          <Input autoComplete="off" spellCheck={false} />
          <FieldError>{rejection ?? ''}</FieldError>
          <p className="status-line" role="status">
            {strength.pending && t('passphrase.checking')}
            {checked?.ok === true && checked.value.acceptable && (
              <>
                <span aria-hidden="true">✓ </span>
                {t('passphrase.strong', { bits: checked.value.bits })}
              </>
            )}
          </p>
        </TextField>
      )}
    </div>
  );
}
