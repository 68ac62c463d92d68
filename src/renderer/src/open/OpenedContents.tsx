import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenedFile } from '../../../shared/ipc/sealing.ts';
import type { Profile } from '../../../shared/profile.ts';
import { dateWarnings, localIsoDate } from './checks.ts';
import { CredentialFacts } from './CredentialFacts.tsx';
import { FileOrigin } from './FileOrigin.tsx';
import { SenderVerification } from './SenderVerification.tsx';

/** The opened file for the recipient: credentials, origin, and the sender's last test. */
export function OpenedContents(props: { opened: OpenedFile; profile: Profile | null | undefined }) {
  const { t } = useTranslation('open');
  const { manifest } = props.opened;
  const warnings = useMemo(() => dateWarnings(manifest, localIsoDate(new Date())), [manifest]);

  return (
    <section aria-labelledby="opened-title" data-testid="opened">
      <h2 id="opened-title">{t('opened.title')}</h2>
      <CredentialFacts opened={props.opened} warnings={warnings} />
      <FileOrigin manifest={manifest} profile={props.profile} warnings={warnings} />
      <SenderVerification verification={manifest.verification} />
    </section>
  );
}
