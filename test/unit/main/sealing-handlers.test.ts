import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as openpgp from 'openpgp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENERATED_PASSPHRASE_BITS } from '../../../src/core/seal/passphrase.ts';
import { sealManifest } from '../../../src/core/seal/seal.ts';
import { manualTimers } from '../core/vault/helpers.ts';
import { ipcCaller } from '../../support/ipc.ts';
import { sampleManifest, tempDir } from '../../support/seal.ts';
import { createTestServices } from '../../support/services.ts';

function setup() {
  const timers = manualTimers();
  const test = createTestServices({ timers });
  const call = ipcCaller(test.services);
  /** Calls a channel that must succeed and returns its value. */
  const value = async <T>(channel: string, payload?: unknown): Promise<T> => {
    const result = await call(channel, payload);
    if (!result.ok) {
      throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
    }
    return result.value as T;
  };
  return { ...test, timers, call, value };
}

describe('sealing handlers', () => {
  const dir = tempDir('koppelhulp-sealing-handlers-');
  const manifest = sampleManifest();
  const files = {
    toKey: join(dir.path, 'to-key.age'),
    identity: join(dir.path, 'identity.txt'),
    otherIdentity: join(dir.path, 'other.txt'),
    toPassphrase: join(dir.path, 'to-passphrase.age'),
    publicKey: join(dir.path, 'public.asc'),
    notSealed: join(dir.path, 'notes.txt'),
  };
  const passphrase = 'vx7q-mp2k-zr9w-ht4n-b8cd-e3fg';

  beforeAll(async () => {
    const identity = await generateX25519Identity();
    writeFileSync(files.identity, `${identity}\n`);
    writeFileSync(files.otherIdentity, `${await generateX25519Identity()}\n`);
    const toKey = await sealManifest(manifest, {
      kind: 'age-recipients',
      recipients: [await identityToRecipient(identity)],
    });
    writeFileSync(files.toKey, toKey.text);
    const toPassphrase = await sealManifest(manifest, {
      kind: 'passphrase',
      passphrase,
      workFactor: 4,
    });
    writeFileSync(files.toPassphrase, toPassphrase.text);
    const { publicKey } = await openpgp.generateKey({
      userIDs: [{ name: 'NN Inkomen', email: 'spa.inkomen@nn.example' }],
      format: 'armored',
    });
    writeFileSync(files.publicKey, publicKey);
    writeFileSync(files.notSealed, 'client_id=abc\n');
  });
  afterAll(() => dir.remove());

  it('generates a passphrase and masks it in the log', async () => {
    const { value, services, logFile } = setup();
    const generated = await value<{ passphrase: string; bits: number }>(
      'sealing:generate-passphrase',
    );
    expect(generated.bits).toBe(Math.floor(GENERATED_PASSPHRASE_BITS));
    expect(generated.passphrase).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){5}$/);

    services.log.info(`typed ${generated.passphrase}`);
    expect(readFileSync(logFile, 'utf8')).not.toContain(generated.passphrase);
  });

  it('checks a typed passphrase', async () => {
    const { value } = setup();
    const weak = await value<{ acceptable: boolean; problem: string }>('sealing:check-passphrase', {
      passphrase: 'wachtwoord1',
    });
    expect(weak).toMatchObject({ acceptable: false, problem: 'too-short' });
  });

  it('names the invalid age recipient', async () => {
    const { call } = setup();
    const result = await call('sealing:check-recipients', { recipients: ['age1nope'] });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'sealing.recipient-invalid', params: { recipient: 'age1nope' } },
    });
  });

  it('reads a public key file and shows who it belongs to', async () => {
    const { value, dialogAnswers } = setup();
    dialogAnswers.open.push([files.publicKey]);
    const read = await value<{ info: { userIds: string[]; fingerprint: string } }>(
      'sealing:read-public-key-file',
    );
    expect(read.info.userIds).toEqual(['NN Inkomen <spa.inkomen@nn.example>']);
    expect(read.info.fingerprint).toMatch(/^([0-9A-F]{4} ){9}[0-9A-F]{4}$/);

    expect(await value('sealing:read-public-key-file')).toBeNull();
  });

  it('opens a file with an identity file and keeps the secret in main', async () => {
    const { value, call, dialogAnswers, clipboardText, timers, logFile } = setup();
    dialogAnswers.open.push([files.toKey], [files.identity]);

    const chosen = await value<{ fileId: string; keyKind: string; fingerprint: string }>(
      'sealing:choose-file',
    );
    expect(chosen.keyKind).toBe('age-identity');
    expect(chosen.fingerprint).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
    const key = await value<{ keyId: string }>('sealing:choose-key-file', {
      kind: 'age-identity',
    });
    const opened = await value<{ openedId: string; manifest: { clientSecret: string } }>(
      'sealing:open-file',
      { fileId: chosen.fileId, key: { kind: 'age-identity', keyId: key.keyId } },
    );
    expect(opened.manifest.clientSecret).toBe('••••••••5b4a');
    expect(JSON.stringify(opened)).not.toContain(manifest.clientSecret);

    const copied = await value<{ clearAfterSeconds: number }>('sealing:copy-secret', {
      openedId: opened.openedId,
    });
    expect(copied.clearAfterSeconds).toBe(30);
    expect(clipboardText.value).toBe(manifest.clientSecret);
    timers.fireAll();
    await expect.poll(() => clipboardText.value).toBe('');

    await value('sealing:copy-secret', { openedId: opened.openedId });
    await value('sealing:close-opened', { openedId: opened.openedId });
    await expect.poll(() => clipboardText.value).toBe('');
    const afterClose = await call('sealing:copy-secret', { openedId: opened.openedId });
    expect(afterClose).toMatchObject({ ok: false, error: { code: 'sealing.session-expired' } });

    expect(readFileSync(logFile, 'utf8')).not.toContain(manifest.clientSecret);
  });

  it('reports a wrong key and a wrong passphrase by code', async () => {
    const { value, call, dialogAnswers } = setup();
    dialogAnswers.open.push([files.toKey], [files.otherIdentity], [files.toPassphrase]);

    const toKey = await value<{ fileId: string }>('sealing:choose-file');
    const other = await value<{ keyId: string }>('sealing:choose-key-file', {
      kind: 'age-identity',
    });
    const wrongKey = await call('sealing:open-file', {
      fileId: toKey.fileId,
      key: { kind: 'age-identity', keyId: other.keyId },
    });
    expect(wrongKey).toMatchObject({ ok: false, error: { code: 'sealing.wrong-key' } });

    const toPassphrase = await value<{ fileId: string; keyKind: string }>('sealing:choose-file');
    expect(toPassphrase.keyKind).toBe('passphrase');
    const wrongPassphrase = await call('sealing:open-file', {
      fileId: toPassphrase.fileId,
      key: { kind: 'passphrase', passphrase: 'fout' },
    });
    expect(wrongPassphrase).toMatchObject({
      ok: false,
      error: { code: 'sealing.wrong-passphrase' },
    });
    const right = await value<{ manifest: { clientId: string } }>('sealing:open-file', {
      fileId: toPassphrase.fileId,
      key: { kind: 'passphrase', passphrase },
    });
    expect(right.manifest.clientId).toBe('client-4711');
  });

  it('opens with the passphrase as read out by phone', async () => {
    const { value, dialogAnswers, logFile } = setup();
    dialogAnswers.open.push([files.toPassphrase]);
    const chosen = await value<{ fileId: string }>('sealing:choose-file');
    const typed = ` ${passphrase.toUpperCase().replaceAll('-', ' ')} `;
    const opened = await value<{ manifest: { clientId: string } }>('sealing:open-file', {
      fileId: chosen.fileId,
      key: { kind: 'passphrase', passphrase: typed },
    });
    expect(opened.manifest.clientId).toBe('client-4711');
    const log = readFileSync(logFile, 'utf8');
    expect(log).not.toContain(passphrase);
    expect(log).not.toContain(typed.trim());
  });

  it('rejects a file that is not sealed when it is chosen', async () => {
    const { call, dialogAnswers } = setup();
    dialogAnswers.open.push([files.notSealed]);
    expect(await call('sealing:choose-file')).toMatchObject({
      ok: false,
      error: { code: 'sealing.not-sealed-file' },
    });
  });

  it('rejects an unknown file id', async () => {
    const { call } = setup();
    const result = await call('sealing:open-file', {
      fileId: '7d4f5a0e-3c1b-4b8e-9a6f-2f1e0d9c8b7a',
      key: { kind: 'passphrase', passphrase: 'x' },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'sealing.session-expired' } });
  });
});
