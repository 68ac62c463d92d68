import { useMemo, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenedFile } from '../../../shared/ipc/sealing.ts';
import type { Profile } from '../../../shared/profile.ts';
import { dateWarnings, localIsoDate } from './checks.ts';
import { CredentialFacts } from './CredentialFacts.tsx';
import { FileOrigin } from './FileOrigin.tsx';
import { SenderVerification } from './SenderVerification.tsx';

/** The opened file for the recipient: credentials, origin, and the sender's last test. */
export function OpenedContents(props: {
  opened: OpenedFile;
  profile: Profile | null | undefined;
  /** The heading that takes focus once the file is open. */
  headingRef?: Ref<HTMLHeadingElement>;
}) {
  const { t } = useTranslation('open');
  const { opened, profile, headingRef } = props;
  const { manifest } = opened;
  const warnings = useMemo(() => dateWarnings(manifest, localIsoDate(new Date())), [manifest]);

  return (
    <section aria-labelledby="opened-title" data-testid="opened">
      <h2 id="opened-title" ref={headingRef} tabIndex={-1}>
        {t('opened.title')}
      </h2>
      <CredentialFacts opened={opened} warnings={warnings} />
      <FileOrigin manifest={manifest} profile={profile} warnings={warnings} />
      <SenderVerification verification={manifest.verification} />
    </section>
  );
}
