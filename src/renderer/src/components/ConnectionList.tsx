import { useEffect, useState, type FormEvent } from 'react';
import { Button, Form, Input, Label, Text, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Connection, VaultNotice } from '../../../shared/connection.ts';
import { translateError } from '../../../shared/i18n/errors.ts';
import type { AppError } from '../../../shared/result.ts';
import { api } from '../api.ts';
import { ConfirmButton } from './ConfirmButton.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';
import { SecretField } from './SecretField.tsx';

// NOTE: every new connection gets this profile until the Start screen has a
// profile choice.
const DEFAULT_PROFILE_ID = 'xpertsuite-loongegevens';

/** Lists the connections of this install with create, rename, delete and secret entry. */
export function ConnectionList() {
  const { t } = useTranslation('vault');
  const [connections, setConnections] = useState<Connection[] | null>(null);
  const [notices, setNotices] = useState<VaultNotice[]>([]);
  const [error, setError] = useState<AppError | null>(null);

  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    void api.connections.list().then((result) => {
      if (!current) {
        return;
      }
      if (result.ok) {
        setConnections(result.value.connections);
        setNotices(result.value.notices);
      } else {
        setError(result.error);
      }
    });
    return () => {
      current = false;
    };
  }, [version]);

  const act = async (action: Promise<{ ok: boolean; error?: AppError }>) => {
    const result = await action;
    setError(result.ok ? null : (result.error ?? null));
    setVersion((previous) => previous + 1);
  };

  return (
    <div>
      <Notices
        notices={notices}
        onDismiss={(noticeId) => void act(api.connections.dismissNotice({ noticeId }))}
      />
      {error !== null && <ErrorMessage error={error} />}
      <h2>{t('connections.heading')}</h2>
      {connections?.length === 0 && <p>{t('connections.empty')}</p>}
      <ul className="connection-list">
        {connections?.map((connection) => (
          <ConnectionItem
            key={connection.id}
            connection={connection}
            onRename={(name) => act(api.connections.rename({ id: connection.id, name }))}
            onDelete={() => void act(api.connections.delete({ id: connection.id }))}
          />
        ))}
      </ul>
      <CreateConnection
        onCreate={(name) => act(api.connections.create({ name, profileId: DEFAULT_PROFILE_ID }))}
      />
    </div>
  );
}

function ConnectionItem(props: {
  connection: Connection;
  onRename(name: string): Promise<void>;
  onDelete(): void;
}) {
  const { t } = useTranslation('vault');
  const { connection } = props;
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(connection.name);
  const headingId = `connection-${connection.id}`;

  const rename = async (event: FormEvent) => {
    event.preventDefault();
    await props.onRename(name);
    setEditing(false);
  };

  return (
    <li>
      <article className="connection-card" aria-labelledby={headingId}>
        <h3 id={headingId}>{connection.name}</h3>
        {editing ? (
          <Form onSubmit={(event) => void rename(event)} className="form">
            <TextField value={name} onChange={setName} isRequired maxLength={100} className="field">
              <Label>{t('connections.renameLabel')}</Label>
              <Input />
            </TextField>
            <Button type="submit">{t('connections.renameSave')}</Button>
            <Button onPress={() => setEditing(false)}>{t('connections.cancel')}</Button>
          </Form>
        ) : (
          <div className="actions">
            <Button
              onPress={() => {
                setName(connection.name);
                setEditing(true);
              }}
            >
              {t('connections.rename')}
            </Button>
            <ConfirmButton
              label={t('connections.delete')}
              title={t('connections.deleteTitle', { name: connection.name })}
              body={t('connections.deleteBody')}
              confirmLabel={t('connections.deleteConfirm')}
              cancelLabel={t('connections.cancel')}
              onConfirm={props.onDelete}
            />
          </div>
        )}
        <SecretField connectionId={connection.id} />
      </article>
    </li>
  );
}

function CreateConnection({ onCreate }: { onCreate(name: string): Promise<void> }) {
  const { t } = useTranslation('vault');
  const [name, setName] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await onCreate(name);
    setName('');
  };

  return (
    <section aria-labelledby="create-connection-title" className="connection-card">
      <h2 id="create-connection-title">{t('connections.create.heading')}</h2>
      <Form onSubmit={(event) => void submit(event)} className="form">
        <TextField value={name} onChange={setName} isRequired maxLength={100} className="field">
          <Label>{t('connections.create.name')}</Label>
          <Input />
          <Text slot="description">{t('connections.create.nameHelp')}</Text>
        </TextField>
        <Button type="submit">{t('connections.create.submit')}</Button>
      </Form>
    </section>
  );
}

function Notices(props: { notices: VaultNotice[]; onDismiss(noticeId: string): void }) {
  const { t } = useTranslation('vault');
  if (props.notices.length === 0) {
    return null;
  }
  return (
    <section aria-labelledby="vault-notices-title" className="note note-warning" role="alert">
      <h2 id="vault-notices-title">{t('notices.heading')}</h2>
      <ul>
        {props.notices.map((notice) => (
          <li key={notice.id} data-notice-code={notice.code}>
            {translateError(t, { code: notice.code, message: '', params: notice.params })}{' '}
            <Button onPress={() => props.onDismiss(notice.id)}>{t('notices.dismiss')}</Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
