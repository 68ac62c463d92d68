import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseAgeRecipients } from '../../core/seal/age.ts';
import { inspectRecipientKey } from '../../core/seal/openpgp.ts';
import { GENERATED_PASSPHRASE_BITS, generatePassphrase } from '../../core/seal/passphrase.ts';
import { createTranslator } from '../../shared/i18n/translator.ts';
import type { HandlerMap } from '../../shared/ipc/contract.ts';
import { MAX_PUBLIC_KEY_LENGTH } from '../../shared/ipc/sealing.ts';
import { checkPassphraseStrength } from '../../shared/passphrase-strength.ts';
import { AppFailure } from '../../shared/result.ts';
import type { AppServices } from '../services.ts';

type KeyHandlers = Pick<
  HandlerMap['sealing'],
  | 'generatePassphrase'
  | 'checkPassphrase'
  | 'checkRecipients'
  | 'inspectPublicKey'
  | 'readPublicKeyFile'
>;

/** Creates the handlers for choosing who can open a file: a passphrase, age recipients or an OpenPGP key. */
export function createKeyHandlers(services: AppServices): KeyHandlers {
  return {
    generatePassphrase: () => {
      const passphrase = generatePassphrase();
      // SECURITY: the passphrase opens the file, so it is masked in logs like the secret.
      services.secrets.register(passphrase);
      return { passphrase, bits: Math.floor(GENERATED_PASSPHRASE_BITS) };
    },

    checkPassphrase: ({ passphrase }) => checkPassphraseStrength(passphrase),

    checkRecipients: ({ recipients }) => parseAgeRecipients(recipients),

    inspectPublicKey: ({ publicKey }) => inspectRecipientKey(publicKey),

    readPublicKeyFile: async () => {
      const path = await askForFile(services, 'publicKey', ['asc', 'pub', 'gpg', 'key']);
      if (path === undefined) {
        return null;
      }
      const publicKey = readTextFile(path, MAX_PUBLIC_KEY_LENGTH);
      const info = await inspectRecipientKey(publicKey);
      services.log.info('OpenPGP public key read', { fingerprint: info.fingerprint });
      return { publicKey, info };
    },
  };
}

/**
 * Shows the open dialog for one file, titled and filtered with the
 * `sealing:dialogs.<kind>Title` and `<kind>Filter` strings; undefined when
 * the user cancels.
 */
export async function askForFile(
  services: AppServices,
  kind: string,
  extensions: string[],
): Promise<string | undefined> {
  const t = await createTranslator(services.settings.get().language);
  const paths = await services.dialogs.showOpenDialog({
    title: t(`sealing:dialogs.${kind}Title`),
    filters: [
      { name: t(`sealing:dialogs.${kind}Filter`), extensions },
      { name: t('sealing:dialogs.allFiles'), extensions: ['*'] },
    ],
  });
  return paths?.[0];
}

/**
 * Reads a file the user chose, up to `maxBytes`. Throws
 * `sealing.file-unreadable` or `sealing.file-too-large` with the file name.
 */
export function readChosenFile(path: string, maxBytes: number): Buffer {
  const name = basename(path);
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new AppFailure('sealing.file-unreadable', `The file ${name} cannot be read.`, {
      params: { name },
    });
  }
  if (size > maxBytes) {
    throw new AppFailure(
      'sealing.file-too-large',
      `The file ${name} is ${size} bytes; at most ${maxBytes} are expected here.`,
      { params: { size, max: maxBytes } },
    );
  }
  try {
    return readFileSync(path);
  } catch {
    throw new AppFailure('sealing.file-unreadable', `The file ${name} cannot be read.`, {
      params: { name },
    });
  }
}

function readTextFile(path: string, maxBytes: number): string {
  return readChosenFile(path, maxBytes).toString('utf8');
}
