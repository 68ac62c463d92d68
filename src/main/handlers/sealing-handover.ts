import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { CLIPBOARD_CLEAR_SECONDS, type ClipboardGuard } from '../../core/vault/clipboard-guard.ts';
import type { HandlerMap } from '../../shared/ipc/contract.ts';
import { AppFailure } from '../../shared/result.ts';
import type { AppServices } from '../services.ts';

type HandoverHandlers = Pick<HandlerMap['sealing'], 'copyPassphrase' | 'showExported'>;

/** Maximum number of exported files kept; saving one more drops the oldest. */
const EXPORTED_CAPACITY = 20;

/**
 * Paths of the files `exportFile` saved in this session, under random ids.
 * SECURITY: the page gets only the id, so "show in folder" can reveal a file
 * main wrote itself and never a path the page made up.
 */
export class ExportedFiles {
  readonly #paths = new Map<string, string>();

  add(path: string): string {
    const id = randomUUID();
    this.#paths.set(id, path);
    while (this.#paths.size > EXPORTED_CAPACITY) {
      this.#paths.delete(this.#paths.keys().next().value as string);
    }
    return id;
  }

  /** Returns the path saved under `id`; throws `sealing.export-unknown` for an id main never issued. */
  get(id: string): string {
    const path = this.#paths.get(id);
    if (path === undefined) {
      throw new AppFailure(
        'sealing.export-unknown',
        'This sealed file was not saved in this session of the app. Open its folder yourself.',
      );
    }
    return path;
  }
}

/**
 * Creates the handlers the handover screen needs after sealing: copy the
 * passphrase to the clipboard for a limited time, and show the saved file
 * in its folder.
 */
export function createHandoverHandlers(
  services: AppServices,
  clipboard: ClipboardGuard,
  exported: ExportedFiles,
): HandoverHandlers {
  const log = services.log.child('sealing');

  return {
    copyPassphrase: async ({ passphrase }) => {
      // SECURITY: the passphrase opens the file, so logs mask it like the client secret.
      services.secrets.register(passphrase);
      await clipboard.copy(passphrase);
      log.info('Passphrase copied to the clipboard', {
        clearAfterSeconds: CLIPBOARD_CLEAR_SECONDS,
      });
      return { clearAfterSeconds: CLIPBOARD_CLEAR_SECONDS };
    },

    showExported: ({ exportId }) => {
      const path = exported.get(exportId);
      if (!existsSync(path)) {
        throw new AppFailure(
          'sealing.export-missing',
          `The sealed file ${path} is no longer where it was saved.`,
          { params: { name: basename(path) } },
        );
      }
      services.showItemInFolder(path);
      log.info('Sealed file shown in its folder', { path });
    },
  };
}
