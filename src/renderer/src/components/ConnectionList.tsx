import { lazy, Suspense, useEffect, useState, type FormEvent } from 'react';
import { Button, Form, Input, Label, Text, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Connection, VaultNotice } from '../../../shared/connection.ts';
import { translateError } from '../../../shared/i18n/errors.ts';
import type { AppError } from '../../../shared/result.ts';
import { api } from '../api.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { Loading } from './Loading.tsx';

// The cards carry the secret field and the confirmation dialogs, which the
// start screen does not need before a connection exists: a chunk of their own
// keeps them out of the start bundle.
const ConnectionCard = lazy(() => import('./ConnectionCard.tsx'));

// NOTE: every new connection gets this profile until the Start screen has a
// profile choice.
const DEFAULT_PROFILE_ID = 'xpertsuite-loongegevens';

/** Lists the connections of this install with create, rename, delete and secret entry. */
export default function ConnectionList() {
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
      <Suspense fallback={<Loading />}>
        <ul className="connection-list">
          {connections?.map((connection) => (
            <ConnectionCard
              key={connection.id}
              connection={connection}
              onRename={(name) => act(api.connections.rename({ id: connection.id, name }))}
              onDelete={() => void act(api.connections.delete({ id: connection.id }))}
            />
          ))}
        </ul>
      </Suspense>
      <CreateConnection
        onCreate={(name) => act(api.connections.create({ name, profileId: DEFAULT_PROFILE_ID }))}
      />
    </div>
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
