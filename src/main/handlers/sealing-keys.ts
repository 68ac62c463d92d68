import { closeSync, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
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
 * `sealing.file-unreadable`, `sealing.not-regular-file` or
 * `sealing.file-too-large` with the file name.
 */
export function readChosenFile(path: string, maxBytes: number): Buffer {
  const name = basename(path);
  const unreadable = () =>
    new AppFailure('sealing.file-unreadable', `The file ${name} cannot be read.`, {
      params: { name },
    });
  // SECURITY: a device or a pipe (/dev/zero, a FIFO) reports size 0 and
  // never ends, and opening a FIFO blocks, so only regular files are opened,
  // checked again once open, and never read past the limit.
  const assertRegular = (stats: Stats) => {
    if (!stats.isFile()) {
      throw new AppFailure(
        'sealing.not-regular-file',
        `${name} is not a regular file. Choose the file itself.`,
        { params: { name } },
      );
    }
  };
  let fd: number;
  try {
    assertRegular(statSync(path));
    fd = openSync(path, 'r');
  } catch (error) {
    throw error instanceof AppFailure ? error : unreadable();
  }
  try {
    assertRegular(fstatSync(fd));
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      length += read;
      if (read === 0 || length === buffer.length) {
        break;
      }
    }
    if (length > maxBytes) {
      throw new AppFailure(
        'sealing.file-too-large',
        `The file ${name} is larger than ${maxBytes} bytes, the most expected here.`,
        { params: { size: fstatSync(fd).size, max: maxBytes } },
      );
    }
    return buffer.subarray(0, length);
  } catch (error) {
    throw error instanceof AppFailure ? error : unreadable();
  } finally {
    closeSync(fd);
  }
}

function readTextFile(path: string, maxBytes: number): string {
  return readChosenFile(path, maxBytes).toString('utf8');
}
