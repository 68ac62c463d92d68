import { useState, type FormEvent } from 'react';
import {
  Button,
  Dialog,
  FieldError,
  Form,
  Heading,
  Input,
  Label,
  Modal,
  ModalOverlay,
  Radio,
  RadioGroup,
  Text,
  TextField,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Connection } from '../../../shared/connection.ts';
import type { Profile } from '../../../shared/profile.ts';
import type { AppError, Result } from '../../../shared/result.ts';
import type { Language } from '../../../shared/settings.ts';
import { api } from '../api.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

const NAME_MAX_LENGTH = 100;

interface DialogProps {
  onClose(): void;
  /** Called after main stored the change, with the connection it concerns. */
  onDone(connection: Connection | null): void;
}

function Frame(props: { title: string; onClose(): void; children: React.ReactNode }) {
  return (
    <ModalOverlay isOpen isDismissable onOpenChange={(open) => !open && props.onClose()}>
      <Modal>
        <Dialog>
          <Heading slot="title">{props.title}</Heading>
          {props.children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

function NameField(props: { value: string; onChange(value: string): void }) {
  const { t } = useTranslation();
  return (
    <TextField
      className="field"
      value={props.value}
      onChange={props.onChange}
      isRequired
      maxLength={NAME_MAX_LENGTH}
      autoFocus
    >
      <Label>{t('connections.name')}</Label>
      <Text slot="description">{t('connections.nameHelp')}</Text>
      <Input className="input" />
      <FieldError>{t('connections.nameMissing')}</FieldError>
    </TextField>
  );
}

/**
 * Runs a call to main for a dialog: passes the value on when it succeeds,
 * and keeps the error to show in the dialog when it fails.
 */
function useDialogAction<T>(call: () => Promise<Result<T>>, onValue: (value: T) => void) {
  const [error, setError] = useState<AppError | null>(null);
  const run = async () => {
    const result = await call();
    if (result.ok) {
      onValue(result.value);
    } else {
      setError(result.error);
    }
  };
  return [error, run] as const;
}

/** A form's submit button and its cancel button. */
function FormActions(props: { submitLabel: string; onCancel(): void }) {
  const { t } = useTranslation();
  return (
    <div className="actions">
      <Button type="submit" className="button button-primary">
        {props.submitLabel}
      </Button>
      <Button className="button" onPress={props.onCancel}>
        {t('connections.cancel')}
      </Button>
    </div>
  );
}

/** Creates a connection with a name and a connection profile. */
export function CreateConnectionDialog(props: DialogProps & { profiles: Profile[] }) {
  const { t, i18n } = useTranslation();
  const [name, setName] = useState('');
  const [profileId, setProfileId] = useState(props.profiles[0]?.id ?? '');
  const language = i18n.language as Language;
  const [error, create] = useDialogAction(
    () => api.connections.create({ name: name.trim(), profileId }),
    props.onDone,
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void create();
  };

  return (
    <Frame title={t('connections.createTitle')} onClose={props.onClose}>
      <Form className="form" onSubmit={submit}>
        <NameField value={name} onChange={setName} />
        <RadioGroup
          className="field"
          value={profileId}
          onChange={setProfileId}
          isRequired
          data-testid="profile-choice"
        >
          <Label>{t('connections.profile')}</Label>
          <Text slot="description">{t('connections.profileHelp')}</Text>
          {props.profiles.map((profile) => (
            <Radio key={profile.id} value={profile.id} className="radio">
              {({ isSelected }) => (
                <>
                  <span className="radio-dot" aria-hidden="true" data-selected={isSelected} />
                  <span>
                    <strong>{profile.name[language]}</strong>
                    <span className="task-hint">
                      {t('connections.profileRecipient', { name: profile.recipient.name })}
                    </span>
                  </span>
                </>
              )}
            </Radio>
          ))}
        </RadioGroup>
        {error !== null && <ErrorMessage error={error} />}
        <FormActions submitLabel={t('connections.create')} onCancel={props.onClose} />
      </Form>
    </Frame>
  );
}

/** Renames a connection. */
export function RenameConnectionDialog(props: DialogProps & { connection: Connection }) {
  const { t } = useTranslation();
  const [name, setName] = useState(props.connection.name);
  const [error, rename] = useDialogAction(
    () => api.connections.rename({ id: props.connection.id, name: name.trim() }),
    props.onDone,
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void rename();
  };

  return (
    <Frame title={t('connections.renameTitle')} onClose={props.onClose}>
      <Form className="form" onSubmit={submit}>
        <NameField value={name} onChange={setName} />
        {error !== null && <ErrorMessage error={error} />}
        <FormActions submitLabel={t('connections.rename')} onCancel={props.onClose} />
      </Form>
    </Frame>
  );
}

/** Deletes a connection and its stored secret, after the user confirms. */
export function DeleteConnectionDialog(props: DialogProps & { connection: Connection }) {
  const { t } = useTranslation();
  const [error, remove] = useDialogAction(
    () => api.connections.delete({ id: props.connection.id }),
    () => props.onDone(null),
  );

  return (
    <Frame
      title={t('connections.deleteTitle', { name: props.connection.name })}
      onClose={props.onClose}
    >
      <p>{t('connections.deleteBody')}</p>
      {error !== null && <ErrorMessage error={error} />}
      <div className="actions">
        <Button className="button button-danger button-primary" onPress={() => void remove()}>
          {t('connections.deleteConfirm')}
        </Button>
        <Button className="button" onPress={props.onClose} autoFocus>
          {t('connections.cancel')}
        </Button>
      </div>
    </Frame>
  );
}
