import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { OpenedFile } from '../../../shared/ipc/sealing.ts';
import type { AppError } from '../../../shared/result.ts';
import { api } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { CLIPBOARD_CLEAR_SECONDS } from '../../../shared/clipboard.ts';
import { formatIsoDate } from './format.ts';
import { WarningNote } from './WarningNote.tsx';
import type { ManifestWarning } from './checks.ts';

type Copied = { what: 'clientId' } | { what: 'secret'; seconds: number } | null;

/**
 * The credentials of an opened file: URLs, client id and masked secret with
 * copy buttons, display name, validity dates with their warnings, and the
 * company numbers. The secret is copied by main; the page never has it.
 */
export function CredentialFacts(props: { opened: OpenedFile; warnings: ManifestWarning[] }) {
  const { t, i18n } = useTranslation('open');
  const { manifest, openedId } = props.opened;
  const [copied, setCopied] = useState<Copied>(null);
  const [error, setError] = useState<AppError | null>(null);
  const validityWarnings = props.warnings.filter(
    (warning) => warning.key !== 'opened.useBeforePassed',
  );

  const copyClientId = async () => {
    const result = await api.app.copyText({ text: manifest.clientId });
    setError(result.ok ? null : result.error);
    setCopied(result.ok ? { what: 'clientId' } : null);
  };
  const copySecret = async () => {
    const result = await api.sealing.copySecret({ openedId });
    setError(result.ok ? null : result.error);
    setCopied(result.ok ? { what: 'secret', seconds: result.value.clearAfterSeconds } : null);
  };

  const validity = () => {
    const from =
      manifest.validFrom === null ? null : formatIsoDate(manifest.validFrom, i18n.language);
    const until =
      manifest.validUntil === null ? null : formatIsoDate(manifest.validUntil, i18n.language);
    if (from !== null && until !== null) {
      return t('opened.validityValue', { from, until });
    }
    if (from !== null) {
      return t('opened.validityFromOnly', { from });
    }
    return until === null ? t('opened.validityNone') : t('opened.validityUntilOnly', { until });
  };

  return (
    <>
      <dl className="facts" data-testid="credential-facts">
        <dt>{t('opened.environmentUrl')}</dt>
        <dd>
          <code data-testid="opened-environment-url">{manifest.environmentUrl}</code>
        </dd>
        <dt>{t('opened.tokenUrl')}</dt>
        <dd>
          <code data-testid="opened-token-url">{manifest.tokenUrl}</code>
        </dd>
        <dt>{t('opened.clientId')}</dt>
        <dd className="input-row">
          <code data-testid="opened-client-id">{manifest.clientId}</code>
          <Button className="button button-small" onPress={() => void copyClientId()}>
            {t('opened.copyClientId')}
          </Button>
        </dd>
        <dt id="opened-secret-label">{t('opened.clientSecret')}</dt>
        <dd>
          <div className="input-row">
            <code className="secret-value" data-testid="opened-secret">
              {manifest.clientSecret}
            </code>
            <Button
              className="button button-small"
              aria-describedby="opened-secret-help"
              onPress={() => void copySecret()}
            >
              {t('opened.copySecret')}
            </Button>
          </div>
          <p className="muted" id="opened-secret-help">
            {t('opened.secretHelp', { seconds: CLIPBOARD_CLEAR_SECONDS })}
          </p>
        </dd>
        <dt>{t('opened.displayName')}</dt>
        <dd data-testid="opened-display-name">{manifest.clientDisplayName}</dd>
        <dt>{t('opened.validity')}</dt>
        <dd data-testid="opened-validity">
          {validity()}
          {validityWarnings.map((warning) => (
            <WarningNote key={warning.key} warning={warning} />
          ))}
        </dd>
        <dt>{t('opened.companies')}</dt>
        <dd data-testid="opened-companies">{manifest.companyNumbers.join(', ')}</dd>
      </dl>
      <div role="status" data-testid="copy-status">
        {copied?.what === 'clientId' && <p>{t('opened.copiedClientId')}</p>}
        {copied?.what === 'secret' && (
          <p>{t('opened.copiedSecret', { seconds: copied.seconds })}</p>
        )}
      </div>
      {error !== null && <ErrorMessage error={error} />}
    </>
  );
}
