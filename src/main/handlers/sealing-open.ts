import { basename } from 'node:path';
import type { SealEngine } from '../../core/seal/engine.ts';
import { readBackGeneratedPassphrase } from '../../core/seal/passphrase.ts';
import {
  fingerprintOf,
  MAX_SEALED_FILE_BYTES,
  outlineSealedFile,
  type OpenKey,
} from '../../core/seal/seal.ts';
import { CLIPBOARD_CLEAR_SECONDS, type ClipboardGuard } from '../../core/vault/clipboard-guard.ts';
import type { HandlerMap } from '../../shared/ipc/contract.ts';
import { maskManifest, type Manifest } from '../../shared/manifest.ts';
import { AppFailure } from '../../shared/result.ts';
import type { AppServices } from '../services.ts';
import { askForFile, readChosenFile } from './sealing-keys.ts';
import { SessionStore } from './sealing-sessions.ts';

type OpenHandlers = Pick<
  HandlerMap['sealing'],
  'chooseFile' | 'chooseKeyFile' | 'openFile' | 'copySecret' | 'closeOpened'
>;

/** Largest key file read, in bytes: an identity file or an armored private key. */
const MAX_KEY_FILE_BYTES = 256 * 1024;

/** Chosen files, key files and opened manifests kept at once, each. */
const SESSION_CAPACITY = 4;

/** An opened file: its manifest with the plaintext secret, which stays in main. */
export interface OpenedEntry {
  manifest: Manifest;
  fingerprint: string;
}

/**
 * Creates the handlers of the recipient's side: choose a sealed file, choose a key file, open, copy
 * the secret. The decrypted secret never leaves main except to the
 * clipboard, on request, and is registered for log redaction.
 */
export function createOpenHandlers(
  services: AppServices,
  engine: SealEngine,
  clipboard: ClipboardGuard,
  opened: SessionStore<OpenedEntry>,
): OpenHandlers {
  const log = services.log.child('sealing');
  const files = new SessionStore<{ bytes: Uint8Array; fileName: string }>(
    'chosen file',
    SESSION_CAPACITY,
  );
  const keys = new SessionStore<{ text: string }>('key file', SESSION_CAPACITY, ({ text }) =>
    services.secrets.unregister(text),
  );

  return {
    chooseFile: async () => {
      const path = await askForFile(services, 'sealed', ['age', 'asc', 'gpg', 'pgp']);
      if (path === undefined) {
        return null;
      }
      const bytes = new Uint8Array(readChosenFile(path, MAX_SEALED_FILE_BYTES));
      const outline = await outlineSealedFile(bytes);
      const fileName = basename(path);
      const fileId = files.add({ bytes, fileName });
      log.info('Sealed file chosen', { fileName, size: bytes.length, format: outline.format });
      return {
        fileId,
        fileName,
        size: bytes.length,
        ...outline,
        fingerprint: fingerprintOf(bytes).fingerprint,
      };
    },

    chooseKeyFile: async ({ kind }) => {
      const extensions = kind === 'age-identity' ? ['txt', 'key'] : ['asc', 'key', 'gpg'];
      const path = await askForFile(services, kind, extensions);
      if (path === undefined) {
        return null;
      }
      const text = readChosenFile(path, MAX_KEY_FILE_BYTES).toString('utf8');
      // SECURITY: the key is masked wherever it could reach a log line.
      services.secrets.register(text);
      const keyId = keys.add({ text });
      return { keyId, fileName: basename(path) };
    },

    openFile: async ({ fileId, key }) => {
      const file = files.get(fileId);
      let openKey: OpenKey;
      if (key.kind === 'passphrase') {
        services.secrets.register(key.passphrase);
        // The core may retry with this canonical form, so it is masked as well.
        const canonical = readBackGeneratedPassphrase(key.passphrase);
        if (canonical !== null) {
          services.secrets.register(canonical);
        }
        openKey = key;
      } else if (key.kind === 'age-identity') {
        openKey = { kind: 'age-identity', identityFile: keys.get(key.keyId).text };
      } else {
        if (key.passphrase !== undefined) {
          services.secrets.register(key.passphrase);
        }
        const privateKey = keys.get(key.keyId).text;
        openKey = { kind: 'openpgp-key', privateKey, passphrase: key.passphrase };
      }

      let manifest: Manifest;
      try {
        manifest = await engine.open(file.bytes, openKey);
      } catch (error) {
        if (error instanceof AppFailure) {
          log.warn('Opening a sealed file failed', { fileName: file.fileName, code: error.code });
        }
        throw error;
      }
      services.secrets.register(manifest.clientSecret);
      const { fingerprint } = fingerprintOf(file.bytes);
      const openedId = opened.add({ manifest, fingerprint });
      log.info('Sealed file opened', {
        fileName: file.fileName,
        clientId: manifest.clientId,
        manifestVersion: manifest.version,
      });
      return { openedId, manifest: maskManifest(manifest), fingerprint };
    },

    copySecret: async ({ openedId }) => {
      const { manifest } = opened.get(openedId);
      await clipboard.copy(manifest.clientSecret);
      log.info('Opened client secret copied to the clipboard', { clientId: manifest.clientId });
      return { clearAfterSeconds: CLIPBOARD_CLEAR_SECONDS };
    },

    closeOpened: async ({ openedId }) => {
      opened.delete(openedId);
    },
  };
}
