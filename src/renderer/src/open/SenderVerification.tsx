import { useTranslation } from 'react-i18next';
import type { Manifest } from '../../../shared/manifest.ts';
import { formatDateTime } from './format.ts';

/**
 * The sender's last verification as the manifest records it: a pass, or a
 * clear warning when the sender exported without a passing test and
 * confirmed it.
 */
export function SenderVerification({ verification }: { verification: Manifest['verification'] }) {
  const { t, i18n } = useTranslation('open');
  const report = verification.report;
  const when = report === null ? '' : formatDateTime(report.finishedAt, i18n.language);
  const passed = verification.state === 'passed';

  return (
    <section
      aria-labelledby="sender-test-title"
      data-testid="sender-test"
      data-state={verification.state}
    >
      <h3 id="sender-test-title">{t('senderTest.title')}</h3>
      <p className={`note ${passed ? 'note-ok' : 'note-warning'}`}>
        <span aria-hidden="true">{passed ? '✓ ' : '⚠ '}</span>
        {t(`senderTest.${verification.state}`, { when })}
        {!passed && <> {t('senderTest.advice')}</>}
      </p>
      {report !== null && (
        <p className="muted" data-testid="sender-test-verdict">
          {t('senderTest.verdict', { verdict: t(`senderTest.verdicts.${report.verdict}`) })}
        </p>
      )}
    </section>
  );
}
