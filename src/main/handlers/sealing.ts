import { ClipboardGuard, realTimers } from '../../core/vault/clipboard-guard.ts';
import type { HandlerMap } from '../../shared/ipc/contract.ts';
import type { AppServices } from '../services.ts';
import { createExportHandlers } from './sealing-export.ts';
import { createHandoverHandlers, ExportedFiles } from './sealing-handover.ts';
import { createKeyHandlers } from './sealing-keys.ts';
import { createOpenHandlers, type OpenedEntry } from './sealing-open.ts';
import { SessionStore } from './sealing-sessions.ts';
import { createVerifyOpenedHandlers } from './sealing-verify.ts';

/** Opened files kept at once; opening a fifth drops the oldest. */
const OPENED_CAPACITY = 4;

/**
 * Creates the `sealing` IPC group: the sender's export and choice of
 * recipient, and the recipient's opening and re-test of a file. The copied
 * passphrase and the opened secret share one clipboard guard, so a new copy
 * replaces the pending clear of the previous one.
 */
export function createSealingHandlers(services: AppServices): HandlerMap['sealing'] {
  const clipboard = new ClipboardGuard(
    services.clipboard,
    services.timers ?? realTimers,
    services.log.child('sealing:clipboard'),
  );
  const verifying = new Map<OpenedEntry, AbortController>();
  // Dropping an opened file also takes its secret off the clipboard and stops its test.
  const opened = new SessionStore<OpenedEntry>('opened file', OPENED_CAPACITY, (entry) => {
    void clipboard.clearIfHolding(entry.manifest.clientSecret);
    verifying.get(entry)?.abort(new Error('The opened file was closed'));
  });
  const exported = new ExportedFiles();
  return {
    ...createKeyHandlers(services),
    ...createExportHandlers(services, exported),
    ...createHandoverHandlers(services, clipboard, exported),
    ...createOpenHandlers(services, services.sealEngine, clipboard, opened),
    ...createVerifyOpenedHandlers(services, opened, verifying),
  };
}
