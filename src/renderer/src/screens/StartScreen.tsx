import { lazy, Suspense, useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Connection, SecretStatus, VaultNotice } from '../../../shared/connection.ts';
import type { Profile } from '../../../shared/profile.ts';
import type { AppError, Result } from '../../../shared/result.ts';
import { taskStatuses } from '../../../shared/tasks.ts';
import { api } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { Loading } from '../components/Loading.tsx';
import { TaskList } from '../components/TaskList.tsx';
import { useProfiles } from '../profiles.ts';
import { navigate } from '../router.ts';

// The dialogs pull in react-aria's overlays; they load when first opened.
const dialogs = () => import('../components/ConnectionDialogs.tsx');
const CreateConnectionDialog = lazy(() =>
  dialogs().then((module) => ({ default: module.CreateConnectionDialog })),
);
const RenameConnectionDialog = lazy(() =>
  dialogs().then((module) => ({ default: module.RenameConnectionDialog })),
);
const DeleteConnectionDialog = lazy(() =>
  dialogs().then((module) => ({ default: module.DeleteConnectionDialog })),
);

interface Entry {
  connection: Connection;
  secret: SecretStatus | null;
}

/** Reads every connection with its secret status, for the task lists. */
async function readConnections(): Promise<Result<{ entries: Entry[]; notices: VaultNotice[] }>> {
  const list = await api.connections.list();
  if (!list.ok) {
    return list;
  }
  const secrets = await Promise.all(
    list.value.connections.map((connection) => api.secrets.status({ connectionId: connection.id })),
  );
  const entries = list.value.connections.map((connection, index) => {
    const secret = secrets[index]!;
    return { connection, secret: secret.ok ? secret.value : null };
  });
  return { ok: true, value: { entries, notices: list.value.notices } };
}

type ConnectionsRead = ReturnType<typeof readConnections>;

let prefetched: ConnectionsRead | null = null;

/**
 * Starts reading the connections before the first render, so the start
 * screen's first paint does not wait for a round trip of its own. The
 * start screen takes the result once; every later read is fresh.
 */
export function prefetchConnections(): void {
  prefetched = readConnections();
}

function takePrefetched(): ConnectionsRead | null {
  const read = prefetched;
  prefetched = null;
  return read;
}

type Open = { kind: 'create' } | { kind: 'rename' | 'delete'; connection: Connection } | null;

/** The connections of this install, each with its task list. */
export function StartScreen() {
  const { t } = useTranslation();
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [notices, setNotices] = useState<VaultNotice[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const { profiles, error: profilesError } = useProfiles();

  const [version, setVersion] = useState(0);
  const reload = () => setVersion((previous) => previous + 1);

  useEffect(() => {
    let current = true;
    const read = (version === 0 ? takePrefetched() : null) ?? readConnections();
    void read.then((result) => {
      if (!current) {
        return;
      }
      if (result.ok) {
        setEntries(result.value.entries);
        setNotices(result.value.notices);
        setError(null);
      } else {
        setError(result.error);
      }
    });
    return () => {
      current = false;
    };
  }, [version]);

  const dismiss = async (noticeId: string) => {
    const result = await api.connections.dismissNotice({ noticeId });
    if (!result.ok) {
      setError(result.error);
    }
    reload();
  };

  const close = () => setOpen(null);
  const done = (created: Connection | null) => {
    const wasCreate = open?.kind === 'create';
    setOpen(null);
    if (wasCreate && created !== null) {
      navigate('connection', created.id, 'activate');
      return;
    }
    reload();
  };

  return (
    <section aria-labelledby="start-title" data-testid="start-ready">
      <div className="card-header">
        <h1 id="start-title">{t('start.title')}</h1>
        <Button
          className="button button-primary"
          isDisabled={profiles === null}
          onPress={() => setOpen({ kind: 'create' })}
        >
          {t('connections.new')}
        </Button>
      </div>
      <p>{t('start.intro')}</p>
      {notices.map((notice) => (
        <div
          key={notice.id}
          className="note note-warning"
          role="alert"
          data-notice-code={notice.code}
        >
          <p>{t(`errors:${notice.code}`, notice.params)}</p>
          <Button className="button button-small" onPress={() => void dismiss(notice.id)}>
            {t('connections.dismiss')}
          </Button>
        </div>
      ))}
      {error !== null && <ErrorMessage error={error} />}
      {profilesError !== null && <ErrorMessage error={profilesError} />}
      {entries === null && error === null && <Loading />}
      {entries?.length === 0 && (
        <div className="note" data-testid="no-connections">
          <p>{t('connections.empty')}</p>
        </div>
      )}
      {entries?.map(({ connection, secret }) => {
        const profile = profiles?.find((candidate) => candidate.id === connection.profileId);
        return (
          <ConnectionCard
            key={connection.id}
            connection={connection}
            secret={secret}
            profile={profile ?? null}
            onRename={() => setOpen({ kind: 'rename', connection })}
            onDelete={() => setOpen({ kind: 'delete', connection })}
          />
        );
      })}
      <Suspense fallback={null}>
        {open?.kind === 'create' && profiles !== null && (
          <CreateConnectionDialog profiles={profiles} onClose={close} onDone={done} />
        )}
        {open?.kind === 'rename' && (
          <RenameConnectionDialog connection={open.connection} onClose={close} onDone={done} />
        )}
        {open?.kind === 'delete' && (
          <DeleteConnectionDialog connection={open.connection} onClose={close} onDone={done} />
        )}
      </Suspense>
    </section>
  );
}

function ConnectionCard(props: {
  connection: Connection;
  secret: SecretStatus | null;
  profile: Profile | null;
  onRename(): void;
  onDelete(): void;
}) {
  const { t, i18n } = useTranslation();
  const { connection, profile } = props;
  const headingId = `connection-${connection.id}`;
  const statuses = taskStatuses(connection, {
    secret: props.secret,
    endpoints: profile?.endpoints.map((endpoint) => endpoint.resource) ?? null,
    endpointsConfirmed: profile?.endpointsConfirmed ?? true,
  });
  const language = i18n.language === 'en' ? 'en' : 'nl';

  return (
    <article
      className="connection-card"
      aria-labelledby={headingId}
      data-connection={connection.id}
    >
      <div className="card-header">
        <h2 id={headingId}>{connection.name}</h2>
        <div className="input-row">
          <Button
            className="button button-small"
            aria-label={t('connections.renameLabel', { name: connection.name })}
            onPress={props.onRename}
          >
            {t('connections.rename')}
          </Button>
          <Button
            className="button button-small button-danger"
            aria-label={t('connections.deleteLabel', { name: connection.name })}
            onPress={props.onDelete}
          >
            {t('connections.delete')}
          </Button>
        </div>
      </div>
      {profile !== null && (
        <p className="muted">
          {t('connections.profileLine', {
            profile: profile.name[language],
            recipient: profile.recipient.email ?? profile.recipient.name,
          })}
        </p>
      )}
      <TaskList connectionId={connection.id} statuses={statuses} />
    </article>
  );
}
