import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { Stanza, type Identity, type Recipient } from 'age-encryption';
import { AppFailure } from '../../shared/result.ts';

/**
 * The age scrypt recipient type (age-encryption.org/v1/scrypt), computed with
 * node:crypto's native scrypt. age-encryption 0.3 ships a pure JavaScript
 * scrypt, which took 3.7 s to seal at the default work factor on the build
 * machine against about 0.8 s for this one (see docs/benchmarks.md). The
 * stanzas are byte-compatible with both and with the age CLI.
 */

/** age's default work factor: scrypt N = 2^18, r = 8, p = 1. */
export const DEFAULT_WORK_FACTOR = 18;

/**
 * Highest work factor accepted when opening a file, as in age-encryption 0.3:
 * 2^20 needs 1 GiB of memory. SECURITY: a crafted header cannot make the app
 * allocate more.
 */
export const MAX_WORK_FACTOR = 20;

const LABEL = 'age-encryption.org/v1/scrypt';
const FILE_KEY_LENGTH = 16;
const TAG_LENGTH = 16;

function deriveKey(passphrase: string, salt: Buffer, logN: number): Promise<Buffer> {
  const N = 2 ** logN;
  const r = 8;
  const labelAndSalt = Buffer.concat([Buffer.from(LABEL, 'ascii'), salt]);
  return new Promise((resolve, reject) => {
    // scrypt needs 128 * N * r bytes; node's default cap of 32 MiB is below
    // that for N = 2^18, so the cap is raised to just what this N needs.
    const maxmem = 128 * N * r + 1024 * 1024;
    scrypt(passphrase, labelAndSalt, 32, { N, r, p: 1, maxmem }, (error, key) =>
      error === null ? resolve(key) : reject(error),
    );
  });
}

function wrap(fileKey: Uint8Array, key: Buffer): Uint8Array {
  // A zero nonce is safe: every key wraps exactly one file key.
  const cipher = createCipheriv('chacha20-poly1305', key, Buffer.alloc(12), {
    authTagLength: TAG_LENGTH,
  });
  const body = Buffer.concat([cipher.update(fileKey), cipher.final(), cipher.getAuthTag()]);
  return new Uint8Array(body);
}

function unwrap(body: Uint8Array, key: Buffer): Uint8Array | null {
  const decipher = createDecipheriv('chacha20-poly1305', key, Buffer.alloc(12), {
    authTagLength: TAG_LENGTH,
  });
  decipher.setAuthTag(body.subarray(FILE_KEY_LENGTH));
  try {
    const fileKey = Buffer.concat([
      decipher.update(body.subarray(0, FILE_KEY_LENGTH)),
      decipher.final(),
    ]);
    return new Uint8Array(fileKey);
  } catch {
    return null;
  }
}

export class NativeScryptRecipient implements Recipient {
  readonly #passphrase: string;
  readonly #logN: number;

  constructor(passphrase: string, logN: number = DEFAULT_WORK_FACTOR) {
    if (!Number.isInteger(logN) || logN < 1 || logN > MAX_WORK_FACTOR) {
      throw new RangeError(`scrypt work factor must be 1 to ${MAX_WORK_FACTOR}, got ${logN}`);
    }
    this.#passphrase = passphrase;
    this.#logN = logN;
  }

  async wrapFileKey(fileKey: Uint8Array): Promise<Stanza[]> {
    const salt = randomBytes(16);
    const key = await deriveKey(this.#passphrase, salt, this.#logN);
    const args = ['scrypt', salt.toString('base64').replace(/=+$/, ''), String(this.#logN)];
    return [new Stanza(args, wrap(fileKey, key))];
  }
}

/** Rejects a malformed scrypt stanza: the file's header was changed or is not from age. */
function malformed(detail: string): AppFailure {
  return new AppFailure(
    'sealing.header-damaged',
    `The header of the sealed file is damaged (${detail}). Ask the sender for a new file.`,
    { params: { detail } },
  );
}

export class NativeScryptIdentity implements Identity {
  readonly #passphrase: string;

  constructor(passphrase: string) {
    this.#passphrase = passphrase;
  }

  async unwrapFileKey(stanzas: Stanza[]): Promise<Uint8Array | null> {
    const stanza = stanzas.find((candidate) => candidate.args[0] === 'scrypt');
    if (stanza === undefined) {
      return null;
    }
    // age allows a scrypt stanza only on its own, so that a passphrase file
    // cannot also be opened by a key the passphrase holder does not know.
    if (stanzas.length !== 1) {
      throw malformed('a scrypt stanza must be the only one');
    }
    const [, saltText, logNText] = stanza.args;
    if (stanza.args.length !== 3 || saltText === undefined || logNText === undefined) {
      throw malformed('scrypt stanza needs a salt and a work factor');
    }
    if (!/^[1-9][0-9]?$/.test(logNText)) {
      throw malformed('invalid scrypt work factor');
    }
    const salt = decodeBase64NoPad(saltText);
    if (salt === null || salt.length !== 16) {
      throw malformed('invalid scrypt salt');
    }
    if (stanza.body.length !== FILE_KEY_LENGTH + TAG_LENGTH) {
      throw malformed('invalid scrypt stanza body');
    }
    const logN = Number(logNText);
    if (logN > MAX_WORK_FACTOR) {
      throw new AppFailure(
        'sealing.work-factor-too-high',
        `The file asks for scrypt work factor ${logN}; at most ${MAX_WORK_FACTOR} is accepted.`,
        { params: { workFactor: logN, max: MAX_WORK_FACTOR } },
      );
    }
    const key = await deriveKey(this.#passphrase, salt, logN);
    return unwrap(stanza.body, key);
  }
}

/** Decodes canonical unpadded base64 as age writes it; null for anything else. */
export function decodeBase64NoPad(text: string): Buffer | null {
  if (!/^[A-Za-z0-9+/]*$/.test(text) || text.length % 4 === 1) {
    return null;
  }
  const bytes = Buffer.from(text, 'base64');
  // Reject non-canonical encodings (stray bits in the last character).
  if (bytes.toString('base64').replace(/=+$/, '') !== text) {
    return null;
  }
  return bytes;
}
