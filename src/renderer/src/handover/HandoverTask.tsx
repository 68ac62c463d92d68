import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Connection, SecretStatus } from '../../../shared/connection.ts';
import type { Profile } from '../../../shared/profile.ts';
import { clientFields } from '../../../shared/tasks.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { Loading } from '../components/Loading.tsx';
import type { ConnectionActions } from '../connection/useConnection.ts';
import { hrefFor } from '../router.ts';
import { HandoverForm } from './HandoverForm.tsx';
import { useExportStatus } from './useExportStatus.ts';
import './handover.css';

/** Error codes of a secret that is missing or unreadable: the fix is in the client task. */
const SECRET_CODES = ['vault.secret-unreadable', 'vault.secret-missing'];

/**
 * Step 5: seal the credentials into a file for the recipient and prepare
 * the e-mail without the secret. Before the form it checks what the export
 * needs: every input of step 2 and a secret that can be read here.
 */
export function HandoverTask(props: {
  connection: Connection;
  secret: SecretStatus | null;
  profile: Profile | null;
  actions: ConnectionActions;
}) {
  const { t } = useTranslation(['handover', 'steps']);
  const { connection, secret, profile } = props;
  const toClient = (
    <Link href={hrefFor('connection', connection.id, 'client')}>{t('toClient')}</Link>
  );

  if (secret !== null && secret.stored && !secret.readable) {
    return (
      <p className="note note-error" data-testid="handover-secret-unreadable">
        {t('secretUnreadable')} {toClient}
      </p>
    );
  }
  const missing = Object.entries(clientFields(connection, secret))
    .filter(([, filled]) => !filled)
    .map(([field]) => t(`steps:client.fields.${field}`));
  if (missing.length > 0) {
    return (
      <p className="note note-warning" data-testid="handover-cannot-start">
        {t('cannotStart', { fields: missing.join(', ') })} {toClient}
      </p>
    );
  }
  if (profile === null) {
    return <Loading />;
  }
  return <ReadyHandover {...props} profile={profile} />;
}

function ReadyHandover(props: {
  connection: Connection;
  secret: SecretStatus | null;
  profile: Profile;
  actions: ConnectionActions;
}) {
  const { t } = useTranslation('handover');
  const { connection, secret } = props;
  // A new report or changed inputs change the verification state, so the status is read again.
  const version = JSON.stringify([
    connection.lastReport?.finishedAt ?? null,
    connection.environmentUrl,
    connection.clientId,
    connection.companyNumbers,
    secret?.savedAt ?? null,
  ]);
  const status = useExportStatus(connection.id, version);

  if (status.status === 'loading') {
    return <Loading />;
  }
  if (status.status === 'error') {
    return (
      <>
        <ErrorMessage error={status.error} />
        {SECRET_CODES.includes(status.error.code) && (
          <p>
            <Link href={hrefFor('connection', connection.id, 'client')}>{t('toClient')}</Link>
          </p>
        )}
      </>
    );
  }
  return (
    <>
      <p className="lead">{t('intro', { recipient: props.profile.recipient.name })}</p>
      <HandoverForm {...props} status={status.value} />
    </>
  );
}
