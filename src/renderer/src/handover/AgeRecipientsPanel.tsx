import { useEffect, useState } from 'react';
import { FieldError, Label, Text, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { translateError } from '../../../shared/i18n/errors.ts';
import { api } from '../api.ts';
import type { SealTarget } from './targets.ts';
import { useDebouncedCheck } from './useDebouncedCheck.ts';

/** Splits the text area into its non-empty lines, trimmed. */
function recipientLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

const checkRecipients = (text: string) =>
  api.sealing.checkRecipients({ recipients: recipientLines(text) });

/**
 * Sealing to age public keys, one per line. Main validates them as the user
 * types and names the first invalid one; the keys count only once all pass.
 */
export function AgeRecipientsPanel(props: { onTarget(target: SealTarget | null): void }) {
  const { t } = useTranslation(['handover', 'errors']);
  const [text, setText] = useState('');
  const { current, pending } = useDebouncedCheck<string[]>(text, checkRecipients);
  const { onTarget } = props;

  const recipients = current?.ok === true && current.value.length > 0 ? current.value : null;
  const key = recipients?.join('\n') ?? null;
  useEffect(() => {
    onTarget(key === null ? null : { kind: 'age-recipients', recipients: key.split('\n') });
  }, [key, onTarget]);

  const error = current !== null && !current.ok ? translateError(t, current.error) : null;
  return (
    <TextField
      className="field"
      value={text}
      onChange={setText}
      isInvalid={error !== null}
      validationBehavior="aria"
      data-testid="age-recipients"
    >
      <Label>{t('age.label')}</Label>
      <Text slot="description">{t('age.help')}</Text>
      <TextArea rows={3} spellCheck={false} autoComplete="off" />
      <FieldError>{error ?? ''}</FieldError>
      <p className="status-line" role="status">
        {pending && t('age.checking')}
        {recipients !== null && (
          <>
            <span aria-hidden="true">✓ </span>
            {t('age.valid', { count: recipients.length })}
          </>
        )}
      </p>
    </TextField>
  );
}
