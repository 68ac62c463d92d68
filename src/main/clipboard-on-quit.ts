import type { Logger } from '../core/log/logger.ts';
import type { Vault } from '../core/vault/vault.ts';

/** The part of Electron's `app` this needs; a plain object in tests. */
export interface QuitTarget {
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

/**
 * Clears a copied secret from the clipboard when the app quits within the 30
 * seconds after the copy. Quitting waits for the clipboard check once, then
 * goes on, also when the check failed.
 */
export function clearClipboardOnQuit(
  app: QuitTarget,
  vault: Pick<Vault, 'clipboardClearPending' | 'clearClipboard'>,
  log: Logger,
): void {
  let cleared = false;
  app.on('before-quit', (event) => {
    if (cleared || !vault.clipboardClearPending) {
      return;
    }
    // SECURITY: the timer that would clear the clipboard dies with the app.
    event.preventDefault();
    cleared = true;
    vault
      .clearClipboard()
      .catch((error: unknown) => log.warn('Clearing the clipboard on quit failed', { error }))
      .finally(() => app.quit());
  });
}
