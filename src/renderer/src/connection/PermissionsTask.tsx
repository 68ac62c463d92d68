import { useId } from 'react';
import { Checkbox } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Profile, ProfileEndpoint } from '../../../shared/profile.ts';
import { PERMISSIONS_CONFIRMED, permissionItem } from '../../../shared/tasks.ts';
import type { Language } from '../../../shared/settings.ts';
import { Loading } from '../components/Loading.tsx';
import { ChecklistItem } from './ChecklistItem.tsx';

/** Marks an endpoint that exposes salary data, with an icon and text. */
export function SalaryMarker() {
  const { t } = useTranslation('steps');
  return (
    <span className="salary-marker" title={t('permissions.salaryHelp')}>
      <span aria-hidden="true">€</span>
      {t('permissions.salary')}
    </span>
  );
}

/**
 * The endpoints of the connection's profile as the list to tick in Cobra's
 * GET column, each with why the recipient needs it.
 */
export function PermissionsTask(props: {
  profile: Profile | null;
  checklist: Record<string, boolean>;
  onTick(itemId: string, done: boolean): void;
}) {
  const { t, i18n } = useTranslation('steps');
  const { profile } = props;
  if (profile === null) {
    return <Loading label={t('permissions.profileLoading')} />;
  }
  const language = i18n.language as Language;
  const ticked = profile.endpoints.filter(
    (endpoint) => props.checklist[permissionItem(endpoint.resource)] === true,
  ).length;

  return (
    <>
      <p className="lead">{t('permissions.intro')}</p>
      {!profile.endpointsConfirmed && (
        <div className="note note-warning" data-testid="endpoints-unconfirmed">
          <h2>{t('permissions.unconfirmedTitle')}</h2>
          {profile.note !== undefined && <p>{profile.note[language]}</p>}
          <ul className="substeps">
            <ChecklistItem
              itemId={PERMISSIONS_CONFIRMED}
              label={t('permissions.confirmed.label')}
              help={t('permissions.confirmed.help', {
                recipient: profile.recipient.email ?? profile.recipient.name,
              })}
              checked={props.checklist[PERMISSIONS_CONFIRMED] === true}
              onChange={props.onTick}
            />
          </ul>
        </div>
      )}
      <p className="progress-summary" role="status">
        {t('permissions.count', { done: ticked, total: profile.endpoints.length })}
      </p>
      <div className="table-wrap">
        <table className="data" data-testid="endpoint-list">
          <thead>
            <tr>
              <th scope="col">{t('permissions.endpoint')}</th>
              <th scope="col">{t('permissions.get')}</th>
              <th scope="col">{t('permissions.why')}</th>
            </tr>
          </thead>
          <tbody>
            {profile.endpoints.map((endpoint) => (
              <EndpointRow
                key={endpoint.resource}
                endpoint={endpoint}
                language={language}
                checked={props.checklist[permissionItem(endpoint.resource)] === true}
                onTick={props.onTick}
              />
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">{t('permissions.afterTest')}</p>
    </>
  );
}

function EndpointRow(props: {
  endpoint: ProfileEndpoint;
  language: Language;
  checked: boolean;
  onTick(itemId: string, done: boolean): void;
}) {
  const { t } = useTranslation('steps');
  const purposeId = useId();
  const { endpoint } = props;
  const itemId = permissionItem(endpoint.resource);
  return (
    <tr data-resource={endpoint.resource}>
      <th scope="row">
        <code>{endpoint.resource}</code>
        {endpoint.salaryData && <SalaryMarker />}
      </th>
      <td>
        <Checkbox
          isSelected={props.checked}
          onChange={(done) => props.onTick(itemId, done)}
          aria-label={t('permissions.tickLabel', { resource: endpoint.resource })}
          aria-describedby={purposeId}
        >
          {({ isSelected }) => (
            <span className="checkbox-box" aria-hidden="true">
              {isSelected ? '✓' : ''}
            </span>
          )}
        </Checkbox>
      </td>
      <td id={purposeId}>{endpoint.purpose[props.language]}</td>
    </tr>
  );
}
