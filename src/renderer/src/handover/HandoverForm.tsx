import { parseDate, type CalendarDate } from '@internationalized/date';
import { useCallback, useId, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Connection } from '../../../shared/connection.ts';
import type { ExportStatus } from '../../../shared/ipc/sealing.ts';
import type { Profile } from '../../../shared/profile.ts';
import type { AppError } from '../../../shared/result.ts';
import { HANDOVER_SEALED } from '../../../shared/tasks.ts';
import { api } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import type { ConnectionActions } from '../connection/useConnection.ts';
import { ExportResultPanel, type SavedExport } from './ExportResultPanel.tsx';
import { MailDraft } from './MailDraft.tsx';
import type { MailFacts } from './mail-text.ts';
import { SealMethod } from './SealMethod.tsx';
import { EMPTY_SENDER, senderForExport, senderProblems, type SenderDraft } from './sender.ts';
import { SenderFields } from './SenderFields.tsx';
import type { SealKind, SealTarget } from './targets.ts';
import { isPast, UseBeforeField } from './UseBeforeField.tsx';
import { VerificationGate } from './VerificationGate.tsx';

/** A finished export and what the result panel and the e-mail need from it. */
interface Handover {
  saved: SavedExport;
  /** Shown once more in the result; null when the file was sealed to keys. */
  passphrase: string | null;
  facts: MailFacts;
}

type Need = 'confirm' | 'target' | 'useBefore' | 'sender';

/**
 * The export form: verification state, "use before" date, how to seal, the
 * sender, and the button that seals and saves. A cancelled save dialog or a
 * failure keeps every choice, so nothing the user typed is lost.
 */
export function HandoverForm(props: {
  connection: Connection;
  profile: Profile;
  status: ExportStatus;
  actions: ConnectionActions;
}) {
  const { t } = useTranslation('handover');
  const { connection, profile, status, actions } = props;
  const hintId = useId();
  const [confirmed, setConfirmed] = useState(false);
  // Undefined until the user touches the date, so the default follows main's status.
  const [chosenDate, setChosenDate] = useState<CalendarDate | null | undefined>(undefined);
  const [kind, setKind] = useState<SealKind>('passphrase');
  const [targets, setTargets] = useState<Partial<Record<SealKind, SealTarget | null>>>({});
  const [sender, setSender] = useState<SenderDraft>(EMPTY_SENDER);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const [error, setError] = useState<AppError | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const [handover, setHandover] = useState<Handover | null>(null);

  const onTarget = useCallback((targetKind: SealKind, target: SealTarget | null) => {
    setTargets((previous) => ({ ...previous, [targetKind]: target }));
  }, []);

  const useBefore = chosenDate === undefined ? parseDate(status.defaultUseBefore) : chosenDate;
  const target = targets[kind] ?? null;
  const unverified = status.state !== 'passed';
  const needs: Need[] = [];
  if (unverified && !confirmed) {
    needs.push('confirm');
  }
  if (target === null) {
    needs.push('target');
  }
  if (useBefore !== null && isPast(useBefore)) {
    needs.push('useBefore');
  }
  if (Object.keys(senderProblems(sender)).length > 0) {
    needs.push('sender');
  }

  const create = async () => {
    // The ref blocks a second press before React has re-rendered the disabled button.
    if (busyRef.current || target === null || needs.length > 0) {
      return;
    }
    busyRef.current = true;
    setBusy(true);
    setError(null);
    setCancelled(false);

    const useBeforeText = useBefore?.toString();
    const contact = senderForExport(sender);
    const result = await api.sealing.exportFile({
      connectionId: connection.id,
      target,
      sender: contact,
      useBefore: useBeforeText,
      confirmUnverified: unverified && confirmed,
    });
    busyRef.current = false;
    setBusy(false);

    if (!result.ok) {
      setError(result.error);
      return;
    }
    if (!result.value.saved) {
      setCancelled(true);
      return;
    }

    const saved = result.value;
    setHandover({
      saved,
      passphrase: target.kind === 'passphrase' ? target.passphrase : null,
      facts: {
        connectionName: connection.name,
        recipientName: profile.recipient.name,
        environmentUrl: connection.environmentUrl,
        companyNumbers: connection.companyNumbers,
        fileName: saved.fileName,
        fingerprint: saved.fingerprint,
        kind: target.kind,
        useBefore: useBeforeText ?? status.defaultUseBefore,
        senderName: contact.name ?? null,
      },
    });
    void actions.setItem(HANDOVER_SEALED, true);
  };

  const facts = handover?.facts;
  return (
    <>
      <VerificationGate
        connectionId={connection.id}
        status={status}
        confirmed={confirmed}
        onConfirm={setConfirmed}
      />
      <div className="form">
        <UseBeforeField
          value={useBefore}
          defaultDate={status.defaultUseBefore}
          onChange={setChosenDate}
        />
      </div>

      <h2>{t('method.title')}</h2>
      <SealMethod kind={kind} onKind={setKind} onTarget={onTarget} />
      <SenderFields value={sender} onChange={setSender} />

      <div className="actions">
        <Button
          className="button button-primary"
          // NOTE: not isPending: react-aria-components 1.22 leaves its pending
          // announcement (role="img") behind, labelled by a removed element,
          // which axe reports as role-img-alt. The status line below announces the work.
          isDisabled={needs.length > 0 || busy}
          onPress={() => void create()}
          aria-describedby={needs.length > 0 ? hintId : undefined}
          data-testid="create-sealed-file"
        >
          {t('create.button')}
        </Button>
      </div>
      {needs.length > 0 && (
        <p id={hintId} className="muted" data-testid="create-missing">
          {t('create.missing', {
            items: needs.map((need) => t(`create.needs.${need}`)).join(', '),
          })}
        </p>
      )}
      <div role="status" aria-live="polite" data-testid="create-status">
        {busy && <p className="status-line">{t('create.busy')}</p>}
        {cancelled && <p className="note">{t('create.cancelled')}</p>}
        {!busy && handover !== null && (
          <p className="status-line">{t('result.saved', { fileName: handover.saved.fileName })}</p>
        )}
      </div>
      {error !== null && <ErrorMessage error={error} />}

      {handover !== null && facts !== undefined && (
        <>
          <ExportResultPanel saved={handover.saved} passphrase={handover.passphrase} />
          <MailDraft profile={profile} facts={facts} />
        </>
      )}
    </>
  );
}
