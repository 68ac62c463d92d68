import { useId } from 'react';
import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ExportStatus } from '../../../shared/ipc/sealing.ts';
import { hrefFor } from '../router.ts';
import { formatDateTime } from './format.ts';
import { TickBox } from './TickBox.tsx';

/**
 * The state of the last test before the export. Anything but "passed"
 * explains why, links to the test task and requires an explicit tick, which
 * the export passes on as `confirmUnverified`.
 */
export function VerificationGate(props: {
  connectionId: string;
  status: ExportStatus;
  confirmed: boolean;
  onConfirm(confirmed: boolean): void;
}) {
  const { t, i18n } = useTranslation('handover');
  const helpId = useId();
  const { state, lastReport } = props.status;
  const when = lastReport === null ? '' : formatDateTime(lastReport.finishedAt, i18n.language);

  if (state === 'passed') {
    return (
      <p className="note note-ok" data-testid="verification-state" data-state={state}>
        <span aria-hidden="true">✓ </span>
        {t('verification.passed', { when })}
      </p>
    );
  }

  return (
    <div className="note note-warning" data-testid="verification-state" data-state={state}>
      <p>
        <span aria-hidden="true">⚠ </span>
        {t(`verification.${state}`, { when })}{' '}
        <Link href={hrefFor('connection', props.connectionId, 'test')}>{t('toTest')}</Link>
      </p>
      <TickBox
        isSelected={props.confirmed}
        onChange={props.onConfirm}
        describedBy={helpId}
        testId="confirm-unverified"
      >
        {t('verification.confirm')}
      </TickBox>
      <p id={helpId} className="substep-help">
        {t('verification.confirmHelp')}
      </p>
    </div>
  );
}
