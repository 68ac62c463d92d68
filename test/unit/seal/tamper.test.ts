import { armor, Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { beforeAll, describe, expect, it } from 'vitest';
import { generatePassphrase } from '../../../src/core/seal/passphrase.ts';
import {
  MAX_SEALED_FILE_BYTES,
  openSealedFile,
  sealManifest,
  type OpenKey,
} from '../../../src/core/seal/seal.ts';
import { AppFailure } from '../../../src/shared/result.ts';
import { sampleManifest } from '../../support/seal.ts';

const encoder = new TextEncoder();

async function codeOf(bytes: Uint8Array, key: OpenKey): Promise<string> {
  try {
    await openSealedFile(bytes, key);
  } catch (error) {
    if (error instanceof AppFailure) {
      return error.code;
    }
    return `crash: ${String(error)}`;
  }
  return 'opened';
}

/** Byte ranges of a binary age file, found from its text structure. */
interface Regions {
  versionLine: [number, number];
  stanza: [number, number];
  mac: [number, number];
  nonce: [number, number];
  payload: [number, number];
  finalTag: [number, number];
}

function regionsOf(binary: Uint8Array): Regions {
  const text = Buffer.from(binary).toString('latin1');
  const versionEnd = text.indexOf('\n') + 1;
  const macStart = text.indexOf('\n--- ') + 1;
  const headerEnd = text.indexOf('\n', macStart) + 1;
  return {
    versionLine: [0, versionEnd - 1],
    stanza: [versionEnd, macStart],
    mac: [macStart, headerEnd - 1],
    nonce: [headerEnd, headerEnd + 16],
    payload: [headerEnd + 16, binary.length - 16],
    finalTag: [binary.length - 16, binary.length],
  };
}

function flipped(binary: Uint8Array, offset: number, mask = 0x01): Uint8Array {
  const copy = new Uint8Array(binary);
  copy[offset] = copy[offset]! ^ mask;
  return copy;
}

/** Every offset of a short range, about 40 spread over a long one. */
function offsetsIn([start, end]: [number, number]): number[] {
  const step = Math.max(1, Math.floor((end - start) / 40));
  const offsets: number[] = [];
  for (let offset = start; offset < end; offset += step) {
    offsets.push(offset);
  }
  offsets.push(end - 1);
  return [...new Set(offsets)];
}

describe('tampered files', () => {
  const manifest = sampleManifest();
  let identityFile: string;
  let recipientFile: { text: string; binary: Uint8Array };
  let passphraseFile: { text: string; binary: Uint8Array; passphrase: string };

  beforeAll(async () => {
    identityFile = await generateX25519Identity();
    const sealed = await sealManifest(manifest, {
      kind: 'age-recipients',
      recipients: [await identityToRecipient(identityFile)],
    });
    recipientFile = { text: sealed.text, binary: armor.decode(sealed.text) };
    const passphrase = generatePassphrase();
    const locked = await sealManifest(manifest, { kind: 'passphrase', passphrase, workFactor: 4 });
    passphraseFile = { text: locked.text, binary: armor.decode(locked.text), passphrase };
  });

  const identityKey = (): OpenKey => ({ kind: 'age-identity', identityFile });

  it('opens the untouched files', async () => {
    expect(await codeOf(encoder.encode(recipientFile.text), identityKey())).toBe('opened');
    const key: OpenKey = { kind: 'passphrase', passphrase: passphraseFile.passphrase };
    expect(await codeOf(encoder.encode(passphraseFile.text), key)).toBe('opened');
  });

  // A changed stanza cannot be distinguished from a file for another key,
  // because the MAC is keyed with the file key that only a matching stanza yields.
  const recipientExpectations: [keyof Regions, string[]][] = [
    ['versionLine', ['sealing.header-damaged']],
    ['stanza', ['sealing.wrong-key', 'sealing.header-damaged']],
    ['mac', ['sealing.header-mac-mismatch', 'sealing.header-damaged']],
    ['nonce', ['sealing.payload-damaged']],
    ['payload', ['sealing.payload-damaged']],
    ['finalTag', ['sealing.payload-damaged']],
  ];
  it.each(recipientExpectations)(
    'rejects every changed byte in the %s of an X25519 file',
    async (region, codes) => {
      const range = regionsOf(recipientFile.binary)[region];
      expect(range[1]).toBeGreaterThan(range[0]);
      for (const offset of offsetsIn(range)) {
        for (const mask of [0x01, 0x80]) {
          const tampered = armor.encode(flipped(recipientFile.binary, offset, mask));
          const code = await codeOf(encoder.encode(tampered), identityKey());
          expect(codes, `byte ${offset} ^ ${mask}`).toContain(code);
        }
      }
    },
  );

  const passphraseExpectations: [keyof Regions, string[]][] = [
    ['versionLine', ['sealing.header-damaged']],
    [
      'stanza',
      ['sealing.wrong-passphrase', 'sealing.header-damaged', 'sealing.work-factor-too-high'],
    ],
    ['mac', ['sealing.header-mac-mismatch', 'sealing.header-damaged']],
    ['nonce', ['sealing.payload-damaged']],
    ['payload', ['sealing.payload-damaged']],
    ['finalTag', ['sealing.payload-damaged']],
  ];
  it.each(passphraseExpectations)(
    'rejects every changed byte in the %s of a passphrase file',
    async (region, codes) => {
      const key: OpenKey = { kind: 'passphrase', passphrase: passphraseFile.passphrase };
      const range = regionsOf(passphraseFile.binary)[region];
      for (const offset of offsetsIn(range)) {
        const tampered = armor.encode(flipped(passphraseFile.binary, offset));
        const code = await codeOf(encoder.encode(tampered), key);
        expect(codes, `byte ${offset}`).toContain(code);
      }
    },
  );

  it('rejects a changed armor header or footer line', async () => {
    const text = recipientFile.text;
    const footerStart = text.lastIndexOf('-----END');
    const lineOffsets = [
      ...offsetsIn([0, text.indexOf('\n')]),
      ...offsetsIn([footerStart, text.length - 1]),
    ];
    for (const offset of lineOffsets) {
      const tampered = flipped(encoder.encode(text), offset);
      expect(await codeOf(tampered, identityKey()), `character ${offset}`).toBe(
        'sealing.armor-damaged',
      );
    }
  });

  it('rejects a character outside base64 in the armor', async () => {
    const text = recipientFile.text;
    const offset = text.indexOf('\n') + 10;
    const tampered = `${text.slice(0, offset)}!${text.slice(offset + 1)}`;
    expect(await codeOf(encoder.encode(tampered), identityKey())).toBe('sealing.armor-damaged');
  });

  it('rejects truncated files', async () => {
    const text = recipientFile.text;
    const lines = text.trimEnd().split('\n');
    const cutArmor = lines.slice(0, -3).join('\n');
    expect(await codeOf(encoder.encode(cutArmor), identityKey())).toBe('sealing.truncated');

    const binary = recipientFile.binary;
    const { mac, nonce } = regionsOf(binary);
    const cases: [number, string][] = [
      [binary.length - 1, 'sealing.payload-damaged'],
      [nonce[1], 'sealing.truncated'],
      [mac[0] + 10, 'sealing.truncated'],
    ];
    for (const [length, code] of cases) {
      const cut = binary.subarray(0, length);
      expect(await codeOf(cut, identityKey()), `first ${length} bytes`).toBe(code);
    }
  });

  it('rejects files that are not sealed, empty or too large', async () => {
    const cases: [Uint8Array, string][] = [
      [encoder.encode('{"clientSecret": "plain"}'), 'sealing.not-sealed-file'],
      [new Uint8Array(0), 'sealing.not-sealed-file'],
      [new Uint8Array(MAX_SEALED_FILE_BYTES + 1), 'sealing.file-too-large'],
      [encoder.encode('-----BEGIN PGP MESSAGE-----\n\nnonsense\n'), 'sealing.pgp-damaged'],
    ];
    for (const [bytes, code] of cases) {
      expect(await codeOf(bytes, { kind: 'passphrase', passphrase: 'x' })).toBe(code);
    }
  });

  it('rejects files whose plaintext is not a current manifest', async () => {
    const recipient = await identityToRecipient(identityFile);
    const cases: [string, string][] = [
      ['client_secret=plain', 'sealing.manifest-not-json'],
      ['{"hello": "world"}', 'sealing.manifest-unknown-format'],
      [JSON.stringify({ ...manifest, version: 99 }), 'sealing.manifest-too-new'],
      [JSON.stringify({ ...manifest, companyNumbers: 'all' }), 'sealing.manifest-invalid'],
    ];
    for (const [plaintext, code] of cases) {
      const encrypter = new Encrypter();
      encrypter.addRecipient(recipient);
      const file = armor.encode(await encrypter.encrypt(plaintext));
      expect(await codeOf(encoder.encode(file), identityKey()), plaintext).toBe(code);
    }
  });
});
