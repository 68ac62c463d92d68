import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as openpgp from 'openpgp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeManifest } from '../../../src/shared/manifest.ts';
import { inspectRecipientKey, groupFingerprint } from '../../../src/core/seal/openpgp.ts';
import { openSealedFile, sealManifest } from '../../../src/core/seal/seal.ts';
import { createGnupgHome, sampleManifest, type GnupgHome } from '../../support/seal.ts';

type KeyPair = Awaited<ReturnType<GnupgHome['createKey']>>;

describe('OpenPGP interoperability', () => {
  const manifest = sampleManifest();
  let gnupg: GnupgHome;
  let recipient: KeyPair;
  let protectedKey: KeyPair;
  let stranger: KeyPair;
  const keyPassphrase = 'sleutel-wachtwoord-van-de-ontvanger';

  beforeAll(async () => {
    gnupg = createGnupgHome();
    recipient = await gnupg.createKey('NN Inkomen <spa.inkomen@nn.example>');
    protectedKey = await gnupg.createKey('Beveiligd <beveiligd@nn.example>', keyPassphrase);
    stranger = await gnupg.createKey('Iemand Anders <anders@example.nl>');
    writeFileSync(join(gnupg.path, 'manifest.json'), serializeManifest(manifest));
  }, 60_000);
  afterAll(() => gnupg.remove());

  it('shows the fingerprint and user id that gpg shows', async () => {
    const info = await inspectRecipientKey(recipient.publicKey);
    expect(info.fingerprint).toBe(groupFingerprint(recipient.fingerprint));
    expect(info.fingerprint).toMatch(/^([0-9A-F]{4} ){9}[0-9A-F]{4}$/);
    expect(info.userIds).toEqual(['NN Inkomen <spa.inkomen@nn.example>']);
    expect(info.expiresAt).toBeNull();
  });

  it('seals a file that gpg -d opens', async () => {
    const sealed = await sealManifest(manifest, {
      kind: 'openpgp',
      publicKeys: [recipient.publicKey],
    });
    expect(sealed.extension).toBe('asc');
    expect(sealed.text).toContain('-----BEGIN PGP MESSAGE-----');
    const file = join(gnupg.path, 'app.asc');
    writeFileSync(file, sealed.text);

    const plaintext = await gnupg.gpg(['--decrypt', file]);

    expect(JSON.parse(plaintext)).toEqual(manifest);
  });

  it('opens a file made by gpg -e -a', async () => {
    const file = join(gnupg.path, 'cli.asc');
    await gnupg.gpg([
      '--trust-model',
      'always',
      '--armor',
      '--encrypt',
      '--recipient',
      'spa.inkomen@nn.example',
      '--output',
      file,
      join(gnupg.path, 'manifest.json'),
    ]);
    const bytes = new Uint8Array(readFileSync(file));

    expect(
      await openSealedFile(bytes, { kind: 'openpgp-key', privateKey: recipient.privateKey }),
    ).toEqual(manifest);
    await expect(
      openSealedFile(bytes, { kind: 'openpgp-key', privateKey: stranger.privateKey }),
    ).rejects.toMatchObject({ code: 'sealing.wrong-key' });
  });

  it('opens a binary gpg file with a protected key and its passphrase', async () => {
    const file = join(gnupg.path, 'cli.gpg');
    await gnupg.gpg([
      '--trust-model',
      'always',
      '--encrypt',
      '--recipient',
      'beveiligd@nn.example',
      '--output',
      file,
      join(gnupg.path, 'manifest.json'),
    ]);
    const bytes = new Uint8Array(readFileSync(file));
    const privateKey = protectedKey.privateKey;

    expect(
      await openSealedFile(bytes, { kind: 'openpgp-key', privateKey, passphrase: keyPassphrase }),
    ).toEqual(manifest);
    await expect(openSealedFile(bytes, { kind: 'openpgp-key', privateKey })).rejects.toMatchObject({
      code: 'sealing.pgp-secret-key-locked',
    });
    await expect(
      openSealedFile(bytes, { kind: 'openpgp-key', privateKey, passphrase: 'fout' }),
    ).rejects.toMatchObject({ code: 'sealing.pgp-secret-key-passphrase-wrong' });
  });

  it('opens a file made by gpg -c with its passphrase', async () => {
    const file = join(gnupg.path, 'symmetric.asc');
    const passphrase = 'vx7Q-mp2K-zr9W-ht4N';
    const passFile = join(gnupg.path, 'symmetric-passphrase');
    writeFileSync(passFile, passphrase);
    await gnupg.gpg([
      '--pinentry-mode',
      'loopback',
      '--passphrase-file',
      passFile,
      '--armor',
      '--symmetric',
      '--output',
      file,
      join(gnupg.path, 'manifest.json'),
    ]);
    const bytes = new Uint8Array(readFileSync(file));

    expect(await openSealedFile(bytes, { kind: 'passphrase', passphrase })).toEqual(manifest);
    await expect(
      openSealedFile(bytes, { kind: 'passphrase', passphrase: 'fout' }),
    ).rejects.toMatchObject({ code: 'sealing.wrong-passphrase' });
  });

  it('rejects a key that can only sign', async () => {
    await gnupg.gpg([
      '--pinentry-mode',
      'loopback',
      '--passphrase',
      '',
      '--quick-gen-key',
      'Alleen Tekenen <teken@example.nl>',
      'ed25519',
      'sign',
      'never',
    ]);
    const publicKey = await gnupg.gpg(['--armor', '--export', 'teken@example.nl']);
    await expect(inspectRecipientKey(publicKey)).rejects.toMatchObject({
      code: 'sealing.pgp-key-no-encryption',
    });
  });

  it('rejects an expired key and names the date', async () => {
    const created = new Date('2025-01-01T00:00:00Z');
    const { publicKey } = await openpgp.generateKey({
      userIDs: [{ name: 'Verlopen', email: 'verlopen@example.nl' }],
      date: created,
      keyExpirationTime: 86_400,
      format: 'armored',
    });
    const promise = inspectRecipientKey(publicKey);
    await expect(promise).rejects.toMatchObject({ code: 'sealing.pgp-key-expired' });
    await expect(promise).rejects.toThrow('2025-01-02');
  });

  it('rejects a revoked key', async () => {
    const { privateKey } = await openpgp.generateKey({
      userIDs: [{ name: 'Ingetrokken', email: 'ingetrokken@example.nl' }],
      format: 'object',
    });
    const { publicKey } = await openpgp.revokeKey({ key: privateKey, format: 'armored' });
    await expect(inspectRecipientKey(publicKey)).rejects.toMatchObject({
      code: 'sealing.pgp-key-revoked',
    });
  });

  it('rejects two public keys pasted together', async () => {
    const other = await openpgp.generateKey({
      userIDs: [{ name: 'Tweede', email: 'tweede@example.nl' }],
      format: 'armored',
    });
    const promise = inspectRecipientKey(`${recipient.publicKey}\n${other.publicKey}`);
    await expect(promise).rejects.toMatchObject({
      code: 'sealing.pgp-key-several',
      params: { count: '2' },
    });
  });

  it('rejects a private key pasted as the recipient key, and garbage', async () => {
    await expect(inspectRecipientKey(recipient.privateKey)).rejects.toMatchObject({
      code: 'sealing.pgp-key-private-key',
    });
    await expect(inspectRecipientKey('hello')).rejects.toMatchObject({
      code: 'sealing.pgp-key-invalid',
    });
  });
});
