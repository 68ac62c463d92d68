import { useTranslation } from 'react-i18next';
import type { Manifest } from '../../../shared/manifest.ts';
import type { Profile } from '../../../shared/profile.ts';
import { SalaryMarker } from '../connection/PermissionsTask.tsx';
import type { Language } from '../../../shared/ipc/app.ts';
import type { ManifestWarning } from './checks.ts';
import { formatDateTime, formatIsoDate } from './format.ts';
import { WarningNote } from './WarningNote.tsx';

/**
 * Shows where an opened file comes from and what it is for: the connection
 * profile with its recipient, and the endpoints from this computer's copy of
 * that profile. Then the sender's contact details, when the file was made,
 * and the date before which it should be used.
 */
export function FileOrigin(props: {
  manifest: Manifest;
  profile: Profile | null | undefined;
  warnings: ManifestWarning[];
}) {
  const { t, i18n } = useTranslation('open');
  const { manifest, profile } = props;
  const language = (i18n.language === 'en' ? 'en' : 'nl') as Language;
  const recipient = manifest.profile.recipient;
  const sender = [
    manifest.sender.name,
    manifest.sender.organisation,
    manifest.sender.email,
    manifest.sender.phone,
  ].filter((part) => part !== undefined);
  const profileText = () => {
    const { id, version } = manifest.profile;
    if (profile === undefined) {
      return id;
    }
    return profile === null
      ? t('opened.profileUnknown', { id, version })
      : t('opened.profileValue', { name: profile.name[language], version });
  };
  const useBeforePassed = props.warnings.find(
    (warning) => warning.key === 'opened.useBeforePassed',
  );

  return (
    <dl className="facts" data-testid="file-origin">
      <dt>{t('opened.profile')}</dt>
      <dd data-testid="opened-profile">{profileText()}</dd>
      <dt>{t('opened.recipient')}</dt>
      <dd data-testid="opened-recipient">
        {recipient.email === undefined ? recipient.name : `${recipient.name} <${recipient.email}>`}
      </dd>
      {profile !== null && profile !== undefined && (
        <>
          <dt>{t('opened.endpoints')}</dt>
          <dd>
            <ul className="plain-list" data-testid="opened-endpoints">
              {profile.endpoints.map((endpoint) => (
                <li key={endpoint.resource}>
                  <code>{endpoint.resource}</code>
                  {endpoint.salaryData && <SalaryMarker />}
                  <span className="muted"> – {endpoint.purpose[language]}</span>
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
      <dt>{t('opened.sender')}</dt>
      <dd data-testid="opened-sender">
        {sender.length === 0 ? t('opened.senderUnknown') : sender.join(', ')}
      </dd>
      <dt>{t('opened.createdAt')}</dt>
      <dd data-testid="opened-created-at">{formatDateTime(manifest.createdAt, i18n.language)}</dd>
      <dt>{t('opened.useBefore')}</dt>
      <dd data-testid="opened-use-before">
        {formatIsoDate(manifest.useBefore, i18n.language)}
        {useBeforePassed !== undefined && <WarningNote warning={useBeforePassed} />}
      </dd>
    </dl>
  );
}
