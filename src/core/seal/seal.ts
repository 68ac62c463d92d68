import { createHash } from 'node:crypto';
import { AppFailure } from '../../shared/result.ts';
import { ageKeyKind, detectFormat, openWithAge, parseAgeIdentityFile, sealWithAge } from './age.ts';
import { parseManifest, serializeManifest, type Manifest } from '../../shared/manifest.ts';
import { checkPassphraseStrength, MIN_PASSPHRASE_BITS } from '../../shared/passphrase-strength.ts';
import { readBackGeneratedPassphrase } from './passphrase.ts';

/** Largest sealed file that is opened. A manifest with a long report stays far below it. */
export const MAX_SEALED_FILE_BYTES = 1024 * 1024;

/** Who can open the file. */
export type SealTarget =
  | {
      kind: 'passphrase';
      passphrase: string;
      /** log2 of scrypt N; 18 unless a test lowers it for speed. */
      workFactor?: number;
    }
  | { kind: 'age-recipients'; recipients: string[] }
  | { kind: 'openpgp'; publicKeys: string[] };

/** What opens a file. */
export type OpenKey =
  | { kind: 'passphrase'; passphrase: string }
  | { kind: 'age-identity'; identityFile: string }
  | { kind: 'openpgp-key'; privateKey: string; passphrase?: string };

export interface SealedFile {
  /** The ASCII-armored file. */
  text: string;
  format: 'age' | 'openpgp';
  /** File name extension without the dot: "age" or "asc". */
  extension: 'age' | 'asc';
  /** SHA-256 of the file in lowercase hex, as `sha256sum` prints it. */
  sha256: string;
  /** The same hash in groups of four for reading aloud. */
  fingerprint: string;
}

/** Formats a SHA-256 hex digest as 16 groups of four characters. */
export function formatFingerprint(hex: string): string {
  return (hex.match(/.{1,4}/g) ?? []).join(' ');
}

export function fingerprintOf(bytes: Uint8Array | string): { sha256: string; fingerprint: string } {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { sha256, fingerprint: formatFingerprint(sha256) };
}

/**
 * Rejects a passphrase a person chose when its estimated entropy is too low;
 * the message gives the estimate and the reason.
 */
export function assertStrongPassphrase(passphrase: string): void {
  const strength = checkPassphraseStrength(passphrase);
  if (strength.acceptable) {
    return;
  }
  throw new AppFailure(
    `sealing.passphrase-${strength.problem ?? 'low-entropy'}`,
    `The passphrase is too weak (${strength.problem}: an estimated ${strength.bits} bits, at ` +
      `least ${MIN_PASSPHRASE_BITS} are needed). Use the generated passphrase, or a longer one ` +
      'with words or characters that do not follow a pattern.',
    { field: 'passphrase', params: { bits: strength.bits, minimum: MIN_PASSPHRASE_BITS } },
  );
}

/**
 * Loads the OpenPGP code on first use: openpgp is a large module, and the
 * seal worker starts anew for every file, mostly for age.
 */
function loadOpenPgp(): Promise<typeof import('./openpgp.ts')> {
  return import('./openpgp.ts');
}

/** Validates a manifest and seals it to the target. */
export async function sealManifest(manifest: Manifest, target: SealTarget): Promise<SealedFile> {
  const plaintext = serializeManifest(manifest);
  let text: string;
  if (target.kind === 'passphrase') {
    assertStrongPassphrase(target.passphrase);
    text = await sealWithAge(plaintext, target);
  } else if (target.kind === 'age-recipients') {
    text = await sealWithAge(plaintext, { kind: 'recipients', recipients: target.recipients });
  } else {
    const { sealWithOpenPgp } = await loadOpenPgp();
    text = await sealWithOpenPgp(plaintext, target.publicKeys);
  }
  const format = target.kind === 'openpgp' ? 'openpgp' : 'age';
  return {
    text,
    format,
    extension: format === 'age' ? 'age' : 'asc',
    ...fingerprintOf(text),
  };
}

/** Rejects a file larger than MAX_SEALED_FILE_BYTES, before it is read. */
export function assertSealedFileSize(size: number): void {
  if (size > MAX_SEALED_FILE_BYTES) {
    throw new AppFailure(
      'sealing.file-too-large',
      `The file is ${size} bytes; a sealed credentials file is at most ` +
        `${MAX_SEALED_FILE_BYTES} bytes. Choose the file you received from the sender.`,
      { params: { size, max: MAX_SEALED_FILE_BYTES } },
    );
  }
}

/**
 * Opens a sealed file, age or OpenPGP, armored or binary, and returns its
 * validated manifest (older versions migrated). Every bad file becomes an
 * AppFailure with a `sealing.*` code.
 *
 * A passphrase is tried as typed first. When that fails with
 * `sealing.wrong-passphrase` and the text reads as a generated passphrase
 * with other separators or case ("K7MD X3PF ..."), its canonical form is
 * tried once more, at the cost of a second key derivation.
 */
export async function openSealedFile(bytes: Uint8Array, key: OpenKey): Promise<Manifest> {
  if (key.kind !== 'passphrase') {
    return openWithKey(bytes, key);
  }
  try {
    return await openWithKey(bytes, key);
  } catch (error) {
    const canonical = readBackGeneratedPassphrase(key.passphrase);
    const wrongPassphrase =
      error instanceof AppFailure && error.code === 'sealing.wrong-passphrase';
    if (!wrongPassphrase || canonical === null || canonical === key.passphrase) {
      throw error;
    }
    return openWithKey(bytes, { kind: 'passphrase', passphrase: canonical });
  }
}

async function openWithKey(bytes: Uint8Array, key: OpenKey): Promise<Manifest> {
  assertSealedFileSize(bytes.length);
  if (bytes.length === 0) {
    throw new AppFailure('sealing.not-sealed-file', 'The file is empty.');
  }
  const format = detectFormat(bytes);
  if (format === null) {
    throw new AppFailure(
      'sealing.not-sealed-file',
      'This is not an age or OpenPGP encrypted file. Choose the .age or .asc file from the sender.',
    );
  }

  let plaintext: string;
  if (format === 'age-armored' || format === 'age-binary') {
    if (key.kind === 'openpgp-key') {
      throw new AppFailure(
        'sealing.needs-age-key',
        'This is an age file: open it with the passphrase or the age identity file.',
      );
    }
    plaintext = await openWithAge(
      bytes,
      format,
      key.kind === 'passphrase'
        ? key
        : { kind: 'identities', identities: parseAgeIdentityFile(key.identityFile) },
    );
  } else {
    if (key.kind === 'age-identity') {
      throw new AppFailure(
        'sealing.needs-openpgp-key',
        'This is an OpenPGP file: open it with your OpenPGP private key.',
      );
    }
    const { openWithOpenPgp } = await loadOpenPgp();
    plaintext = await openWithOpenPgp(
      bytes,
      format,
      key.kind === 'passphrase'
        ? key
        : { kind: 'private-key', armoredKey: key.privateKey, passphrase: key.passphrase },
    );
  }
  return parseManifest(plaintext);
}

/** The format of a sealed file and the kind of key that opens it, from its header. */
export interface SealedFileOutline {
  format: 'age' | 'openpgp';
  keyKind: 'passphrase' | 'age-identity' | 'openpgp-key' | 'unknown';
}

/**
 * Describes a sealed file without decrypting it, so the open screen can ask
 * for the right key. Throws like openSealedFile for a file that is too large
 * or not sealed; a damaged header gives keyKind "unknown".
 */
export async function outlineSealedFile(bytes: Uint8Array): Promise<SealedFileOutline> {
  assertSealedFileSize(bytes.length);
  const format = detectFormat(bytes);
  if (format === null || bytes.length === 0) {
    throw new AppFailure(
      'sealing.not-sealed-file',
      'This is not an age or OpenPGP encrypted file. Choose the .age or .asc file from the sender.',
    );
  }
  if (format === 'age-armored' || format === 'age-binary') {
    const kind = ageKeyKind(bytes, format);
    const keyKind = kind === 'identity' ? 'age-identity' : (kind ?? 'unknown');
    return { format: 'age', keyKind };
  }
  const { openPgpKeyKind } = await loadOpenPgp();
  return { format: 'openpgp', keyKind: (await openPgpKeyKind(bytes, format)) ?? 'unknown' };
}
