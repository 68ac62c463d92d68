import { useState } from 'react';
import { Button, Label, Text, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../../shared/profile.ts';
import type { AppError } from '../../../shared/result.ts';
import { api } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { composeMail, type MailFacts } from './mail-text.ts';

/**
 * The handover e-mail without the secret: opened as a draft in the mail
 * client through `mail.compose`, or shown as text to copy for users without
 * a mail client. Main rejects a draft that contains a known secret.
 */
export function MailDraft(props: { profile: Profile; facts: MailFacts }) {
  const { t, i18n } = useTranslation('handover');
  const [opened, setOpened] = useState(false);
  const [showText, setShowText] = useState(false);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const recipient = props.profile.recipient;
  const mail = composeMail(t, i18n.language, props.facts);
  const canCompose = recipient.email !== undefined && mail.linkBody !== null;

  const compose = async () => {
    if (recipient.email === undefined || mail.linkBody === null) {
      return;
    }
    const result = await api.mail.compose({
      to: recipient.email,
      subject: mail.subject,
      body: mail.linkBody,
    });
    setOpened(result.ok);
    setError(result.ok ? null : result.error);
  };

  const copy = async () => {
    const result = await api.app.copyText({ text: `${mail.subject}\n\n${mail.fullBody}` });
    setCopied(result.ok);
    setError(result.ok ? null : result.error);
  };

  return (
    <section aria-labelledby="mail-title" data-testid="mail-draft">
      <h2 id="mail-title">{t('mail.title')}</h2>
      <p>{t('mail.help')}</p>
      {recipient.email === undefined && (
        <p className="note" data-testid="mail-no-recipient">
          {t('mail.noRecipient', { recipient: recipient.name })}
        </p>
      )}
      <div className="actions">
        {canCompose && (
          <Button className="button button-primary" onPress={() => void compose()}>
            {t('mail.compose')}
          </Button>
        )}
        <Button className="button" onPress={() => setShowText((value) => !value)}>
          {t('mail.showText')}
        </Button>
      </div>
      <p role="status" className="status-line">
        {opened ? t('mail.opened') : ''}
      </p>
      {error !== null && <ErrorMessage error={error} />}
      {showText && (
        <div className="form">
          <TextField
            className="field"
            isReadOnly
            value={`${mail.subject}\n\n${mail.fullBody}`}
            data-testid="mail-text"
          >
            <Label>{t('mail.textLabel')}</Label>
            {recipient.email !== undefined && <Text slot="description">{recipient.email}</Text>}
            <TextArea rows={14} />
          </TextField>
          <div className="input-row">
            <Button className="button button-small" onPress={() => void copy()}>
              {t('mail.copy')}
            </Button>
            <span role="status" className="status-line">
              {copied ? t('mail.copied') : ''}
            </span>
          </div>
        </div>
      )}
    </section>
  );
}
