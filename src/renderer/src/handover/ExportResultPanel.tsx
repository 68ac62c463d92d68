import { useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ExportResult } from '../../../shared/ipc/sealing.ts';
import type { AppError } from '../../../shared/result.ts';
import { api } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { PassphraseDisplay } from './PassphraseDisplay.tsx';

export type SavedExport = Extract<ExportResult, { saved: true }>;

/**
 * What the user needs after the export: the file name, its SHA-256 to
 * compare by phone, "show in folder", and the passphrase one last time. The
 * passphrase lives only in this page's memory, so it is gone once the user
 * leaves the screen.
 */
export function ExportResultPanel(props: { saved: SavedExport; passphrase: string | null }) {
  const { t } = useTranslation('handover');
  const { saved } = props;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [shown, setShown] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  // Keyboard and screen reader users land on the result, not on the button they pressed.
  useEffect(() => {
    headingRef.current?.focus();
  }, [saved.exportId]);

  const showInFolder = async () => {
    const result = await api.sealing.showExported({ exportId: saved.exportId });
    setShown(result.ok);
    setError(result.ok ? null : result.error);
  };

  return (
    <section className="result-panel" aria-labelledby="result-title" data-testid="export-result">
      <h2 id="result-title" ref={headingRef} tabIndex={-1}>
        <span aria-hidden="true">✓ </span>
        {t('result.title')}
      </h2>
      <dl className="facts">
        <dt>{t('result.fileName')}</dt>
        <dd data-testid="result-file-name">{saved.fileName}</dd>
        <dt>{t('result.fingerprint')}</dt>
        <dd className="mono fingerprint" data-testid="result-fingerprint">
          {saved.fingerprint}
        </dd>
      </dl>
      <p>{t('result.fingerprintHelp')}</p>
      {saved.confirmedDespiteState && (
        <p className="note note-warning" data-testid="result-unverified">
          <span aria-hidden="true">⚠ </span>
          {t('result.unverified')}
        </p>
      )}
      <div className="input-row">
        <Button className="button" onPress={() => void showInFolder()}>
          {t('result.showInFolder')}
        </Button>
        <span role="status" className="status-line">
          {shown ? t('result.shownInFolder') : ''}
        </span>
      </div>
      {error !== null && <ErrorMessage error={error} />}
      {props.passphrase !== null && (
        <div className="form">
          <PassphraseDisplay
            passphrase={props.passphrase}
            label={t('result.passphraseTitle')}
            testId="result-passphrase"
          />
          <p className="note note-warning">{t('result.passphraseOnce')}</p>
        </div>
      )}
    </section>
  );
}
