import * as openpgp from 'openpgp';
import { MAX_PUBLIC_KEY_LENGTH, type OpenPgpKeyInfo } from '../../shared/ipc/sealing.ts';
import { AppFailure } from '../../shared/result.ts';

export type OpenPgpKeyProblem =
  'expired' | 'revoked' | 'no-encryption' | 'private-key' | 'invalid' | 'several';

/** Formats a hex fingerprint as "ABCD 1234 ..." for comparing by phone. */
export function groupFingerprint(hex: string): string {
  return (hex.toUpperCase().match(/.{1,4}/g) ?? []).join(' ');
}

function keyFailure(
  problem: OpenPgpKeyProblem,
  message: string,
  params: Record<string, string> = {},
): AppFailure {
  return new AppFailure(`sealing.pgp-key-${problem}`, message, { field: 'publicKey', params });
}

/**
 * Reads one armored OpenPGP public key and checks that it can receive an
 * encrypted file now: not revoked, not expired, and with a valid encryption
 * (sub)key. Throws `sealing.pgp-key-<problem>` with the reason otherwise.
 */
export async function readRecipientKey(
  armoredKey: string,
  now: Date = new Date(),
): Promise<{ key: openpgp.PublicKey; info: OpenPgpKeyInfo }> {
  if (armoredKey.length > MAX_PUBLIC_KEY_LENGTH) {
    throw keyFailure('invalid', 'The OpenPGP key is larger than 256 KiB; paste one public key.');
  }
  if (armoredKey.includes('-----BEGIN PGP PRIVATE KEY BLOCK-----')) {
    // SECURITY: a private key pasted by mistake is rejected before parsing,
    // so it is neither used nor kept.
    throw keyFailure(
      'private-key',
      'This is an OpenPGP private key. Paste the recipient\'s public key ("PUBLIC KEY BLOCK") instead.',
    );
  }
  let keys: openpgp.Key[];
  try {
    keys = await openpgp.readKeys({ armoredKeys: armoredKey });
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'unreadable';
    throw keyFailure('invalid', `This is not a readable armored OpenPGP public key (${detail}).`);
  }
  // openpgp.js reads only the first armored block, so a second pasted block
  // would be dropped without a word: count the blocks as well as the keys.
  const blocks = armoredKey.split('-----BEGIN PGP PUBLIC KEY BLOCK-----').length - 1;
  const count = Math.max(keys.length, blocks);
  if (count > 1) {
    throw keyFailure(
      'several',
      `The text contains ${count} OpenPGP public keys; paste the recipient's key alone.`,
      { count: String(count) },
    );
  }
  const key = keys[0]!;
  const info = await describeKey(key);
  const fingerprint = info.fingerprint;

  if (await key.isRevoked(undefined, undefined, now)) {
    throw keyFailure('revoked', `The OpenPGP key ${fingerprint} is revoked by its owner.`, {
      fingerprint,
    });
  }
  if (info.expiresAt !== null && Date.parse(info.expiresAt) <= now.getTime()) {
    const expiredOn = info.expiresAt.slice(0, 10);
    throw keyFailure(
      'expired',
      `The OpenPGP key ${fingerprint} expired on ${expiredOn}. Ask the recipient for a current key.`,
      { fingerprint, expiredOn },
    );
  }
  try {
    await key.getEncryptionKey(undefined, now);
  } catch {
    throw keyFailure(
      'no-encryption',
      `The OpenPGP key ${fingerprint} has no valid key for encryption (only for signing, or its ` +
        'encryption subkey is expired or revoked).',
      { fingerprint },
    );
  }
  return { key: key as openpgp.PublicKey, info };
}

async function describeKey(key: openpgp.Key): Promise<OpenPgpKeyInfo> {
  // getExpirationTime throws when no valid self-signature exists; the
  // encryption key check in readRecipientKey then reports the key as unusable.
  const expiration = await key.getExpirationTime().catch(() => null);
  return {
    fingerprint: groupFingerprint(key.getFingerprint()),
    userIds: key.getUserIDs(),
    algorithm: key.getAlgorithmInfo().algorithm,
    createdAt: key.getCreationTime().toISOString(),
    expiresAt: expiration instanceof Date ? expiration.toISOString() : null,
  };
}

/** Describes a recipient key for the confirmation step; throws like readRecipientKey. */
export async function inspectRecipientKey(armoredKey: string, now?: Date): Promise<OpenPgpKeyInfo> {
  return (await readRecipientKey(armoredKey, now)).info;
}

/**
 * Encrypts a plaintext to OpenPGP public keys and returns the armored
 * message. openpgp 6 writes SEIPD version 1 with an MDC by default, which
 * GnuPG 2.2 decrypts.
 */
export async function sealWithOpenPgp(
  plaintext: string,
  armoredKeys: readonly string[],
): Promise<string> {
  if (armoredKeys.length === 0) {
    throw keyFailure('invalid', "Add the recipient's OpenPGP public key.");
  }
  const keys: openpgp.PublicKey[] = [];
  for (const armoredKey of armoredKeys) {
    keys.push((await readRecipientKey(armoredKey)).key);
  }
  const message = await openpgp.createMessage({ text: plaintext });
  return openpgp.encrypt({ message, encryptionKeys: keys, format: 'armored' });
}

export type OpenPgpSecret =
  | { kind: 'private-key'; armoredKey: string; passphrase?: string }
  | { kind: 'passphrase'; passphrase: string };

async function readPrivateKey(
  armoredKey: string,
  passphrase: string | undefined,
): Promise<openpgp.PrivateKey> {
  let key: openpgp.PrivateKey;
  try {
    key = await openpgp.readPrivateKey({ armoredKey });
  } catch {
    throw new AppFailure(
      'sealing.pgp-secret-key-invalid',
      'This is not a readable armored OpenPGP private key ("PRIVATE KEY BLOCK").',
      { field: 'privateKey' },
    );
  }
  if (key.isDecrypted()) {
    return key;
  }
  if (passphrase === undefined || passphrase === '') {
    throw new AppFailure(
      'sealing.pgp-secret-key-locked',
      'The OpenPGP private key is protected with a passphrase: enter it to open the file.',
      { field: 'keyPassphrase' },
    );
  }
  try {
    return await openpgp.decryptKey({ privateKey: key, passphrase });
  } catch {
    throw new AppFailure(
      'sealing.pgp-secret-key-passphrase-wrong',
      'The passphrase of the OpenPGP private key is wrong.',
      { field: 'keyPassphrase' },
    );
  }
}

/**
 * Tells what opens an OpenPGP message: "openpgp-key" when it names public-key
 * recipients, "passphrase" for `gpg -c` files, null when it is unreadable.
 */
export async function openPgpKeyKind(
  bytes: Uint8Array,
  format: 'openpgp-armored' | 'openpgp-binary',
): Promise<'openpgp-key' | 'passphrase' | null> {
  try {
    const message =
      format === 'openpgp-armored'
        ? await openpgp.readMessage({ armoredMessage: Buffer.from(bytes).toString('utf8') })
        : await openpgp.readMessage({ binaryMessage: bytes });
    return message.getEncryptionKeyIDs().length > 0 ? 'openpgp-key' : 'passphrase';
  } catch {
    return null;
  }
}

/**
 * Decrypts an OpenPGP message (armored or binary) with a private key or,
 * for files made with `gpg -c`, a passphrase. Integrity protection is
 * required: openpgp 6 rejects messages without MDC or AEAD by default.
 */
export async function openWithOpenPgp(
  bytes: Uint8Array,
  format: 'openpgp-armored' | 'openpgp-binary',
  secret: OpenPgpSecret,
): Promise<string> {
  let message: openpgp.Message<string | Uint8Array>;
  try {
    message =
      format === 'openpgp-armored'
        ? await openpgp.readMessage({ armoredMessage: Buffer.from(bytes).toString('utf8') })
        : await openpgp.readMessage({ binaryMessage: bytes });
  } catch (error) {
    throw damaged(error);
  }
  const options =
    secret.kind === 'private-key'
      ? { decryptionKeys: await readPrivateKey(secret.armoredKey, secret.passphrase) }
      : { passwords: [secret.passphrase] };
  try {
    const { data } = await openpgp.decrypt({ message, ...options, format: 'utf8' });
    return data as string;
  } catch (error) {
    if (secret.kind === 'passphrase') {
      // gpg -c derives the data key from the passphrase itself, so a wrong
      // passphrase and a changed file fail the same integrity check.
      throw new AppFailure(
        'sealing.wrong-passphrase',
        'The passphrase does not open this file. Check it with the sender; if it is right, ' +
          'the file was changed.',
      );
    }
    const text = error instanceof Error ? error.message : String(error);
    if (/session key|No (public|symmetrically) key|decryption key/i.test(text)) {
      throw new AppFailure(
        'sealing.wrong-key',
        'The OpenPGP private key does not open this file: it was sealed to someone else, or changed.',
      );
    }
    throw damaged(error);
  }
}

function damaged(error: unknown): AppFailure {
  const detail =
    error instanceof Error ? error.message.split('\n')[0]!.slice(0, 200) : 'unreadable';
  return new AppFailure(
    'sealing.pgp-damaged',
    `The OpenPGP file is damaged or was changed (${detail}). Ask the sender for a new file.`,
    { params: { detail } },
  );
}
