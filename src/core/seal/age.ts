import { Decrypter, Encrypter, armor, type Identity, type Stanza } from 'age-encryption';
import { AppFailure } from '../../shared/result.ts';
import { DEFAULT_WORK_FACTOR, NativeScryptIdentity, NativeScryptRecipient } from './scrypt.ts';

const ARMOR_BEGIN = '-----BEGIN AGE ENCRYPTED FILE-----';
const ARMOR_END = '-----END AGE ENCRYPTED FILE-----';
const BINARY_MAGIC = 'age-encryption.org/';

/** Stanza types of age recipients that take a key, not a passphrase (age 1.1 and later). */
const KEY_STANZA_TYPES = new Set([
  'X25519',
  'ssh-ed25519',
  'ssh-rsa',
  'mlkem768x25519',
  'p256tag',
  'mlkem768p256tag',
]);

/** An age X25519 recipient: "age1" and 58 bech32 characters. */
const X25519_RECIPIENT = /^age1[02-9ac-hj-np-z]{58}$/;

export type AgeTarget =
  | { kind: 'passphrase'; passphrase: string; workFactor?: number }
  | { kind: 'recipients'; recipients: readonly string[] };

export type AgeKey =
  | { kind: 'passphrase'; passphrase: string }
  | { kind: 'identities'; identities: readonly string[] };

/**
 * Checks age X25519 recipients and returns them trimmed. Throws
 * `sealing.recipient-invalid` naming the first bad one, so the user sees
 * which line to fix.
 */
export function parseAgeRecipients(recipients: readonly string[]): string[] {
  const trimmed = recipients.map((recipient) => recipient.trim()).filter((r) => r.length > 0);
  if (trimmed.length === 0) {
    throw new AppFailure(
      'sealing.recipient-missing',
      'Enter at least one age recipient (age1...).',
      {
        field: 'recipients',
      },
    );
  }
  for (const recipient of trimmed) {
    const invalid = () =>
      new AppFailure(
        'sealing.recipient-invalid',
        `"${recipient}" is not a valid age recipient: expected age1 followed by 58 characters, ` +
          'as printed by age-keygen.',
        { field: 'recipients', params: { recipient } },
      );
    if (!X25519_RECIPIENT.test(recipient.toLowerCase())) {
      throw invalid();
    }
    try {
      // Checks the bech32 checksum and the key length.
      new Encrypter().addRecipient(recipient.toLowerCase());
    } catch {
      throw invalid();
    }
  }
  return [...new Set(trimmed.map((recipient) => recipient.toLowerCase()))];
}

/**
 * Parses an age identity file: one `AGE-SECRET-KEY-1...` per line, `#`
 * comments and blank lines allowed, as written by age-keygen.
 */
export function parseAgeIdentityFile(text: string): string[] {
  const identities: string[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) {
      continue;
    }
    if (!line.startsWith('AGE-SECRET-KEY-1')) {
      throw new AppFailure(
        'sealing.identity-invalid',
        'The identity file contains a line that is not an age secret key (AGE-SECRET-KEY-1...). ' +
          'Plugin identities are not supported.',
        { field: 'identity' },
      );
    }
    try {
      new Decrypter().addIdentity(line);
    } catch {
      throw new AppFailure(
        'sealing.identity-invalid',
        'The identity file contains an invalid age secret key.',
        {
          field: 'identity',
        },
      );
    }
    identities.push(line);
  }
  if (identities.length === 0) {
    throw new AppFailure(
      'sealing.identity-invalid',
      'The identity file contains no age secret key.',
      {
        field: 'identity',
      },
    );
  }
  return identities;
}

/** Encrypts a plaintext with age and returns the ASCII-armored file. */
export async function sealWithAge(plaintext: string, target: AgeTarget): Promise<string> {
  const encrypter = new Encrypter();
  if (target.kind === 'passphrase') {
    const workFactor = target.workFactor ?? DEFAULT_WORK_FACTOR;
    encrypter.addRecipient(new NativeScryptRecipient(target.passphrase, workFactor));
  } else {
    for (const recipient of parseAgeRecipients(target.recipients)) {
      encrypter.addRecipient(recipient);
    }
  }
  const binary = await encrypter.encrypt(plaintext);
  return armor.encode(binary);
}

/** What kind of file a byte string is, judged by its first bytes only. */
export type SealedFormat = 'age-armored' | 'age-binary' | 'openpgp-armored' | 'openpgp-binary';

export function detectFormat(bytes: Uint8Array): SealedFormat | null {
  const head = Buffer.from(bytes.subarray(0, 64)).toString('latin1').trimStart();
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 64))).toString('latin1');
  if (head.startsWith(BINARY_MAGIC)) {
    return 'age-binary';
  }
  // An armor label with a changed byte is still recognised by its other end.
  if (head.startsWith(ARMOR_BEGIN) || tail.trimEnd().endsWith(ARMOR_END)) {
    return 'age-armored';
  }
  if (head.startsWith('-----BEGIN PGP MESSAGE-----')) {
    return 'openpgp-armored';
  }
  const first = bytes[0];
  if (first !== undefined && isOpenPgpSessionKeyPacket(first)) {
    return 'openpgp-binary';
  }
  return null;
}

/**
 * True for the first byte of an OpenPGP public-key or symmetric-key
 * encrypted session key packet (tags 1 and 3), in the old or new format.
 */
function isOpenPgpSessionKeyPacket(first: number): boolean {
  if ((first & 0x80) === 0) {
    return false;
  }
  const tag = (first & 0x40) !== 0 ? first & 0x3f : (first >> 2) & 0x0f;
  return tag === 1 || tag === 3;
}

/** The stanza types of an age header and where the header ends. */
interface HeaderOutline {
  stanzaTypes: string[];
  /** Offset of the first payload byte (after the MAC line). */
  payloadOffset: number;
}

/**
 * Reads just enough of an age header to tell which key opens it and whether
 * it is complete. The full parse and authentication is age-encryption's.
 */
function outlineHeader(binary: Uint8Array): HeaderOutline {
  const stanzaTypes: string[] = [];
  let offset = 0;
  for (;;) {
    const newline = binary.indexOf(0x0a, offset);
    if (newline < 0) {
      throw failure(
        'sealing.truncated',
        'The sealed file ends inside its header: it was cut off. Ask the sender for the whole file.',
      );
    }
    const line = Buffer.from(binary.subarray(offset, newline)).toString('latin1');
    const first = offset === 0;
    offset = newline + 1;
    if (first) {
      continue;
    }
    if (line.startsWith('-> ')) {
      stanzaTypes.push(line.split(' ')[1] ?? '');
    } else if (line.startsWith('--- ')) {
      return { stanzaTypes, payloadOffset: offset };
    } else if (!/^[A-Za-z0-9+/]{0,64}$/.test(line)) {
      // Neither a stanza, a stanza body nor the MAC: the header was changed.
      throw failure(
        'sealing.header-damaged',
        'The header of the sealed file is damaged (invalid header line). Ask the sender for a new file.',
        { detail: 'invalid header line' },
      );
    }
  }
}

function failure(
  code: string,
  message: string,
  params?: Record<string, string | number>,
): AppFailure {
  return new AppFailure(code, message, params === undefined ? {} : { params });
}

/** Decodes the ASCII armor; a file that ends inside the base64 lines was cut off. */
function dearmor(text: string): Uint8Array {
  const trimmed = text.trim();
  const lastLine = trimmed.slice(trimmed.lastIndexOf('\n') + 1);
  if (!trimmed.endsWith(ARMOR_END) && /^[A-Za-z0-9+/=]+$/.test(lastLine)) {
    throw failure(
      'sealing.truncated',
      'The sealed file has no end line: it was cut off. Ask the sender for the whole file.',
    );
  }
  try {
    return armor.decode(trimmed);
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'invalid armor';
    throw failure(
      'sealing.armor-damaged',
      `The text of the sealed file was changed (${detail}). Ask the sender for a new file.`,
      { detail },
    );
  }
}

/**
 * Decodes the armor and outlines the header of an age file; throws the
 * `sealing.*` failure of a file that is cut off or whose header is damaged.
 */
function readAgeHeader(
  bytes: Uint8Array,
  format: 'age-armored' | 'age-binary',
): { binary: Uint8Array; outline: HeaderOutline } {
  const binary = format === 'age-armored' ? dearmor(Buffer.from(bytes).toString('latin1')) : bytes;
  const magic = Buffer.from(binary.subarray(0, BINARY_MAGIC.length)).toString('latin1');
  if (magic !== BINARY_MAGIC) {
    throw failure(
      'sealing.header-damaged',
      'The header of the sealed file is damaged (no age version line). Ask the sender for a new file.',
      { detail: 'version line' },
    );
  }
  const outline = outlineHeader(binary);
  // A nonce of 16 bytes and at least one tag of 16 bytes follow the header.
  if (binary.length - outline.payloadOffset < 32) {
    throw failure(
      'sealing.truncated',
      'The sealed file ends right after its header: it was cut off.',
    );
  }
  return { binary, outline };
}

/**
 * Tells what opens an age file from its header: "passphrase" for a scrypt
 * stanza, "identity" for a key stanza, null when the header is unreadable.
 */
export function ageKeyKind(
  bytes: Uint8Array,
  format: 'age-armored' | 'age-binary',
): 'passphrase' | 'identity' | null {
  try {
    const { stanzaTypes } = readAgeHeader(bytes, format).outline;
    if (stanzaTypes.includes('scrypt')) {
      return 'passphrase';
    }
    return stanzaTypes.some((type) => KEY_STANZA_TYPES.has(type)) ? 'identity' : null;
  } catch {
    return null;
  }
}

/**
 * Decrypts an age file (armored or binary) and returns the plaintext. Every
 * failure is an AppFailure whose code says which part of the file or which
 * key was wrong.
 */
export async function openWithAge(
  bytes: Uint8Array,
  format: 'age-armored' | 'age-binary',
  key: AgeKey,
): Promise<string> {
  const { binary, outline } = readAgeHeader(bytes, format);
  const passphraseFile = outline.stanzaTypes.includes('scrypt');
  const keyFile = outline.stanzaTypes.some((type) => KEY_STANZA_TYPES.has(type));
  if (key.kind === 'passphrase' && keyFile && !passphraseFile) {
    throw failure(
      'sealing.needs-identity',
      'This file was sealed to an age key, not to a passphrase: open it with the identity file.',
    );
  }
  if (key.kind === 'identities' && passphraseFile) {
    throw failure(
      'sealing.needs-passphrase',
      'This file was sealed with a passphrase: open it with the passphrase from the sender.',
    );
  }

  const decrypter = new Decrypter();
  // Called first for every file, so a call proves that the header parsed.
  let headerParsed = false;
  const probe: Identity = {
    unwrapFileKey: (_stanzas: Stanza[]) => {
      headerParsed = true;
      return null;
    },
  };
  decrypter.addIdentity(probe);
  if (key.kind === 'passphrase') {
    decrypter.addIdentity(new NativeScryptIdentity(key.passphrase));
  } else {
    for (const identity of key.identities) {
      decrypter.addIdentity(identity);
    }
  }

  let output: ReadableStream<Uint8Array>;
  try {
    // With a stream, decrypt() resolves once the header is authenticated and
    // the payload is read afterwards, so the two failure kinds stay apart.
    output = await decrypter.decrypt(streamOf(binary));
  } catch (error) {
    throw headerFailure(error, headerParsed, key.kind);
  }
  try {
    return await readText(output);
  } catch (error) {
    if (error instanceof AppFailure) {
      throw error;
    }
    throw failure(
      'sealing.payload-damaged',
      'The content of the sealed file was changed or cut off: it fails its integrity check. ' +
        'Ask the sender for a new file.',
    );
  }
}

function headerFailure(error: unknown, headerParsed: boolean, keyKind: AgeKey['kind']): AppFailure {
  if (error instanceof AppFailure) {
    return error;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (!headerParsed) {
    return failure(
      'sealing.header-damaged',
      `The header of the sealed file is damaged (${message}). Ask the sender for a new file.`,
      { detail: message },
    );
  }
  if (message.includes('no identity matched')) {
    return keyKind === 'passphrase'
      ? failure(
          'sealing.wrong-passphrase',
          'The passphrase does not open this file. Check it with the sender; if it is right, ' +
            'the file was changed.',
        )
      : failure(
          'sealing.wrong-key',
          'None of the keys in the identity file opens this file: it was sealed to someone else, ' +
            'or changed.',
        );
  }
  if (message.includes('HMAC')) {
    return failure(
      'sealing.header-mac-mismatch',
      'The header of the sealed file was changed: it fails its authentication check. ' +
        'Ask the sender for a new file.',
    );
  }
  return failure(
    'sealing.header-damaged',
    `The header of the sealed file is damaged (${message}). Ask the sender for a new file.`,
    { detail: message },
  );
}

function streamOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

async function readText(stream: ReadableStream<Uint8Array>): Promise<string> {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      break;
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw failure(
      'sealing.manifest-not-json',
      'The file decrypted, but its content is not text: it was not made by Cobra Koppelhulp.',
    );
  }
}
