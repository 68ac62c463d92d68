import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { TASK_IDS, type TaskId } from '../../../shared/tasks.ts';
import { ActivateTask } from '../connection/ActivateTask.tsx';
import { ClientTask } from '../connection/ClientTask.tsx';
import { PermissionsTask } from '../connection/PermissionsTask.tsx';
import { HandoverTask } from '../handover/HandoverTask.tsx';
import { useConnection, type ConnectionActions } from '../connection/useConnection.ts';
import { AutoTestNotice } from '../verify/AutoTestNotice.tsx';
import { TestTask } from '../verify/TestTask.tsx';
import { inputsReady, useAutoVerify } from '../verify/useAutoVerify.ts';
import { useVerification } from '../verify/useVerification.ts';
import type { Connection, SecretStatus } from '../../../shared/connection.ts';
import type { Profile } from '../../../shared/profile.ts';
import type { AppError } from '../../../shared/result.ts';
import { useProfile } from '../profiles.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { Loading } from '../components/Loading.tsx';
import { hrefFor } from '../router.ts';

function isTaskId(value: string | undefined): value is TaskId {
  return value !== undefined && (TASK_IDS as readonly string[]).includes(value);
}

/** The page of one task of one connection. */
export default function ConnectionScreen(props: { connectionId: string; task?: string }) {
  const { t } = useTranslation('steps');
  const [state, actions, actionError] = useConnection(props.connectionId);
  const profile = useProfile(state.status === 'ready' ? state.connection.profileId : null);
  const task: TaskId = isTaskId(props.task) ? props.task : 'activate';

  if (state.status === 'loading') {
    return <Loading />;
  }
  if (state.status === 'missing' || state.status === 'error') {
    return (
      <section aria-labelledby="connection-title">
        <h1 id="connection-title">{t('common:tasks.' + task + '.name')}</h1>
        {state.status === 'missing' ? (
          <p className="note note-error" role="alert">
            {t('notFound')}
          </p>
        ) : (
          <ErrorMessage error={state.error} />
        )}
        <Link href={hrefFor('start')}>{t('back')}</Link>
      </section>
    );
  }

  return (
    <TaskPage
      connection={state.connection}
      secret={state.secret}
      profile={profile}
      task={task}
      actions={actions}
      actionError={actionError}
    />
  );
}

/** A loaded connection's task page, with its verification running in the background. */
function TaskPage(props: {
  connection: Connection;
  secret: SecretStatus | null;
  profile: Profile | null;
  task: TaskId;
  actions: ConnectionActions;
  actionError: AppError | null;
}) {
  const { t } = useTranslation('steps');
  const { connection, secret, profile, task, actions, actionError } = props;
  const [verification, controls] = useVerification(connection.id, actions.reload);
  useAutoVerify(connection, secret, verification, controls);
  const index = TASK_IDS.indexOf(task);
  const next = TASK_IDS[index + 1];
  const onTick = (itemId: string, done: boolean) => void actions.setItem(itemId, done);

  return (
    <section aria-labelledby="connection-title" data-testid={`task-${task}`}>
      <p className="breadcrumb">
        <Link href={hrefFor('start')}>
          <span aria-hidden="true">← </span>
          {t('back')}
        </Link>
      </p>
      <p className="muted">
        {connection.name} · {t('taskOf', { number: index + 1, total: TASK_IDS.length })}
      </p>
      <h1 id="connection-title">{t(`common:tasks.${task}.name`)}</h1>
      {actionError !== null && <ErrorMessage error={actionError} />}
      {task === 'activate' && <ActivateTask checklist={connection.checklist} onTick={onTick} />}
      {task === 'client' && (
        <ClientTask connection={connection} secret={secret} profile={profile} actions={actions} />
      )}
      {task === 'permissions' && (
        <PermissionsTask profile={profile} checklist={connection.checklist} onTick={onTick} />
      )}
      {task === 'test' && (
        <TestTask
          connection={connection}
          profile={profile}
          ready={inputsReady(connection, secret)}
          state={verification}
          controls={controls}
        />
      )}
      {task === 'handover' && (
        <HandoverTask connection={connection} secret={secret} profile={profile} actions={actions} />
      )}
      {task !== 'test' && <AutoTestNotice connectionId={connection.id} state={verification} />}
      {next !== undefined && (
        <p className="next-task">
          <Link href={hrefFor('connection', connection.id, next)}>
            {t('next', { name: t(`common:tasks.${next}.name`) })}
            <span aria-hidden="true"> →</span>
          </Link>
        </p>
      )}
    </section>
  );
}
