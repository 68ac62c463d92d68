import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Connection, SecretStatus } from '../../../shared/connection.ts';
import {
  normaliseClientId,
  normaliseEnvironmentUrl,
  parseCompanyNumbers,
  type Checked,
} from '../../../shared/inputs.ts';
import type { Profile } from '../../../shared/profile.ts';
import type { AppError } from '../../../shared/result.ts';
import { CLIENT_SAVED, CLIENT_STEPS, clientFields, clientItem } from '../../../shared/tasks.ts';
import { api } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { SecretField } from '../components/SecretField.tsx';
import { ChecklistItem } from './ChecklistItem.tsx';
import { SavedTextField } from './SavedTextField.tsx';
import type { ConnectionActions } from './useConnection.ts';
import { ValidityDates } from './ValidityDates.tsx';

/** The environment URL as the user pasted it, once it passes the core's check. */
/** Checks a pasted URL and stores its base, so the field shows the URL the app uses. */
function checkUrl(raw: string): Checked<string> {
  const checked = normaliseEnvironmentUrl(raw);
  return checked.ok ? { ...checked, value: checked.value.baseUrl } : checked;
}

/** Step 2: the API client in Cobra and the details the app keeps. */
export function ClientTask(props: {
  connection: Connection;
  secret: SecretStatus | null;
  profile: Profile | null;
  actions: ConnectionActions;
}) {
  const { t } = useTranslation('steps');
  const { connection, actions } = props;
  const ticked = (itemId: string) => connection.checklist[itemId] === true;
  const onTick = (itemId: string, done: boolean) => void actions.setItem(itemId, done);

  const fields = clientFields(connection, props.secret);
  const missing = Object.entries(fields)
    .filter(([, filled]) => !filled)
    .map(([field]) => t(`client.fields.${field}`));

  return (
    <>
      <p className="lead">{t('client.intro')}</p>
      <ol className="substeps">
        {CLIENT_STEPS.map((step) => (
          <ChecklistItem
            key={step}
            itemId={clientItem(step)}
            label={t(`client.steps.${step}.label`)}
            help={t(`client.steps.${step}.help`)}
            checked={ticked(clientItem(step))}
            onChange={onTick}
          />
        ))}
      </ol>

      <h2>{t('client.formTitle')}</h2>
      <div className="form">
        <DisplayName connection={connection} profile={props.profile} actions={actions} />
        <ValidityDates
          validFrom={connection.validFrom}
          validUntil={connection.validUntil}
          save={actions.update}
        />
        <SavedTextField
          label={t('client.clientId')}
          description={t('client.clientIdHelp')}
          stored={connection.clientId}
          check={normaliseClientId}
          save={(clientId) => actions.update({ clientId })}
          testId="client-id"
        />
        <div className="field">
          <h3>{t('client.secretTitle')}</h3>
          <SecretField connectionId={connection.id} onChange={() => void actions.refreshSecret()} />
        </div>
        <SavedTextField
          label={t('client.environmentUrl')}
          description={t('client.environmentUrlHelp')}
          stored={connection.environmentUrl}
          check={checkUrl}
          save={(environmentUrl) => actions.update({ environmentUrl })}
          testId="environment-url"
        />
        <SavedTextField
          label={t('client.companyNumbers')}
          description={t('client.companyNumbersHelp')}
          stored={connection.companyNumbers.join(', ')}
          check={parseCompanyNumbers}
          save={(companyNumbers) => actions.update({ companyNumbers })}
          echo={(numbers) => t('client.companyNumbersParsed', { numbers: numbers.join(', ') })}
          multiline
          testId="company-numbers"
        />
      </div>

      <ul className="substeps">
        <ChecklistItem
          itemId={CLIENT_SAVED}
          label={t('client.saved.label')}
          help={t('client.saved.help')}
          checked={ticked(CLIENT_SAVED)}
          onChange={onTick}
        />
      </ul>
      {missing.length > 0 && (
        <p className="note" data-testid="client-missing">
          {t('client.missing', { fields: missing.join(', ') })}
        </p>
      )}
    </>
  );
}

const DISPLAY_NAME_MISSING = {
  code: 'steps:client.displayNameMissing',
  field: 'clientId' as const,
  params: {},
};

/**
 * The display name to enter in Cobra: the profile's default until the user
 * changes it, stored on first view so the task list counts it.
 */
function DisplayName(props: {
  connection: Connection;
  profile: Profile | null;
  actions: ConnectionActions;
}) {
  const { t } = useTranslation('steps');
  const [copied, setCopied] = useState(false);
  const [copyError, setCopyError] = useState<AppError | null>(null);
  const stored = props.connection.clientDisplayName;
  const fallback = props.profile?.defaultClientDisplayName ?? '';
  const { update } = props.actions;

  useEffect(() => {
    if (stored === '' && fallback !== '') {
      void update({ clientDisplayName: fallback });
    }
  }, [stored, fallback, update]);

  const name = stored === '' ? fallback : stored;
  const copy = async () => {
    const result = await api.app.copyText({ text: name });
    setCopied(result.ok);
    setCopyError(result.ok ? null : result.error);
  };

  return (
    <div className="field">
      <SavedTextField
        label={t('client.displayName')}
        description={t('client.displayNameHelp')}
        stored={name}
        check={(raw) => {
          const value = raw.trim();
          return value === ''
            ? { ok: false, error: DISPLAY_NAME_MISSING, warnings: [] }
            : { ok: true, value, warnings: [] };
        }}
        save={(clientDisplayName) => update({ clientDisplayName })}
        testId="display-name"
      />
      <div className="input-row">
        <Button
          className="button button-small"
          isDisabled={name === ''}
          onPress={() => void copy()}
        >
          {t('client.copyName')}
        </Button>
        <span role="status" className="status-line">
          {copied ? t('copied') : ''}
        </span>
      </div>
      {copyError !== null && <ErrorMessage error={copyError} />}
    </div>
  );
}
