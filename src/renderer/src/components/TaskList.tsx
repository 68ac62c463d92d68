import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { countCompleted, TASK_IDS, type TaskId, type TaskStatus } from '../../../shared/tasks.ts';
import { hrefFor } from '../router.ts';

/** Tag colour class per status; the text always says the status too. */
const TAG_CLASS: Record<TaskStatus, string> = {
  'not-started': 'tag tag-todo',
  'in-progress': 'tag tag-progress',
  done: 'tag tag-done',
  'cannot-start': 'tag tag-blocked',
  failed: 'tag tag-fail',
  outdated: 'tag tag-warn',
};

/**
 * A connection's tasks in the GOV.UK "complete multiple tasks" pattern: each
 * task a link with its status as text, and a line that counts the tasks
 * done. A task that cannot start yet is plain text, not a link.
 */
export function TaskList({
  connectionId,
  statuses,
}: {
  connectionId: string;
  statuses: Record<TaskId, TaskStatus>;
}) {
  const { t } = useTranslation();
  const done = countCompleted(statuses);
  return (
    <>
      <p className="progress-summary" data-testid="task-progress">
        {t('tasks.progress', { done, total: TASK_IDS.length })}
      </p>
      <ol className="task-list" data-testid="task-list">
        {TASK_IDS.map((task, index) => {
          const statusId = `task-status-${connectionId}-${task}`;
          const status = statuses[task];
          const name = t('tasks.name', { number: index + 1, name: t(`tasks.${task}.name`) });
          return (
            <li key={task} data-task={task} data-status={status}>
              <span className="task-name">
                {status === 'cannot-start' ? (
                  <span>{name}</span>
                ) : (
                  <Link
                    href={hrefFor('connection', connectionId, task)}
                    aria-describedby={statusId}
                  >
                    {name}
                  </Link>
                )}
                <span className="task-hint">{t(`tasks.${task}.hint`)}</span>
              </span>
              <strong className={TAG_CLASS[status]} id={statusId}>
                {t(`tasks.status.${status}`)}
              </strong>
            </li>
          );
        })}
      </ol>
    </>
  );
}
