import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSealedFile, sealManifest, type OpenKey } from '../../../src/core/seal/seal.ts';
import { generatePassphrase } from '../../../src/core/seal/passphrase.ts';
import { serializeManifest } from '../../../src/shared/manifest.ts';
import { AppFailure } from '../../../src/shared/result.ts';
import { ageWithPassphrase, sampleManifest, tempDir } from '../../support/seal.ts';

const run = promisify(execFile);
// Fast scrypt for tests; the real work factor is covered in worker.test.ts.
const WORK_FACTOR = 10;
// age -p always uses work factor 18, about a second of CPU per scrypt, and
// the build machines are shared, so this test gets a generous timeout.
const REAL_WORK_FACTOR_TIMEOUT = 120_000;

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppFailure) {
      return error.code;
    }
    throw error;
  }
  throw new Error('expected an AppFailure');
}

describe('age interoperability', () => {
  const dir = tempDir('koppelhulp-age-');
  const manifest = sampleManifest();
  const identity = { file: join(dir.path, 'key.txt'), recipient: '' };
  const other = { file: join(dir.path, 'other.txt'), recipient: '' };

  beforeAll(async () => {
    for (const key of [identity, other]) {
      await run('age-keygen', ['-o', key.file]);
      key.recipient = (await run('age-keygen', ['-y', key.file])).stdout.trim();
    }
    writeFileSync(join(dir.path, 'manifest.json'), serializeManifest(manifest));
  });
  afterAll(() => dir.remove());

  const bytesOf = (path: string) => new Uint8Array(readFileSync(path));
  const identityKey = (path: string): OpenKey => ({
    kind: 'age-identity',
    identityFile: readFileSync(path, 'utf8'),
  });

  it('opens a passphrase file of the app with age -d', async () => {
    const passphrase = generatePassphrase();
    const sealed = await sealManifest(manifest, {
      kind: 'passphrase',
      passphrase,
      workFactor: WORK_FACTOR,
    });
    expect(sealed.text.startsWith('-----BEGIN AGE ENCRYPTED FILE-----\n')).toBe(true);
    const file = join(dir.path, 'app-passphrase.age');
    const output = join(dir.path, 'app-passphrase.json');
    writeFileSync(file, sealed.text);

    await ageWithPassphrase(['-d', '-o', output, file], passphrase, 1);

    expect(JSON.parse(readFileSync(output, 'utf8'))).toEqual(manifest);
  });

  it('opens a file of the app sealed to two recipients with age -d -i', async () => {
    const sealed = await sealManifest(manifest, {
      kind: 'age-recipients',
      recipients: [identity.recipient, other.recipient],
    });
    const file = join(dir.path, 'app-recipients.age');
    writeFileSync(file, sealed.text);

    for (const key of [identity, other]) {
      const { stdout } = await run('age', ['-d', '-i', key.file, file]);
      expect(JSON.parse(stdout)).toEqual(manifest);
    }
  });

  it(
    'opens a file made by age -p',
    async () => {
      const passphrase = generatePassphrase();
      const file = join(dir.path, 'cli-passphrase.age');
      await ageWithPassphrase(
        ['-p', '-a', '-o', file, join(dir.path, 'manifest.json')],
        passphrase,
        2,
      );

      const opened = await openSealedFile(bytesOf(file), { kind: 'passphrase', passphrase });

      expect(opened).toEqual(manifest);
    },
    REAL_WORK_FACTOR_TIMEOUT,
  );

  it('opens binary and armored files made by age -r', async () => {
    for (const armor of [[], ['-a']]) {
      const file = join(dir.path, `cli-recipient${armor.length}.age`);
      await run('age', [
        ...armor,
        '-r',
        identity.recipient,
        '-o',
        file,
        join(dir.path, 'manifest.json'),
      ]);

      expect(await openSealedFile(bytesOf(file), identityKey(identity.file))).toEqual(manifest);
      expect(await codeOf(openSealedFile(bytesOf(file), identityKey(other.file)))).toBe(
        'sealing.wrong-key',
      );
    }
  });

  it('tells which kind of key a file needs', async () => {
    const toKey = await sealManifest(manifest, {
      kind: 'age-recipients',
      recipients: [identity.recipient],
    });
    const toPassphrase = await sealManifest(manifest, {
      kind: 'passphrase',
      passphrase: generatePassphrase(),
      workFactor: WORK_FACTOR,
    });
    const bytes = (text: string) => new TextEncoder().encode(text);

    expect(
      await codeOf(openSealedFile(bytes(toKey.text), { kind: 'passphrase', passphrase: 'x' })),
    ).toBe('sealing.needs-identity');
    expect(await codeOf(openSealedFile(bytes(toPassphrase.text), identityKey(identity.file)))).toBe(
      'sealing.needs-passphrase',
    );
    expect(
      await codeOf(openSealedFile(bytes(toKey.text), { kind: 'openpgp-key', privateKey: 'x' })),
    ).toBe('sealing.needs-age-key');
  });

  it('rejects an invalid recipient and names it', async () => {
    const bad = `${identity.recipient.slice(0, -1)}${identity.recipient.endsWith('q') ? 'p' : 'q'}`;
    for (const recipient of [bad, 'age1short', 'ssh-ed25519 AAAA']) {
      const promise = sealManifest(manifest, {
        kind: 'age-recipients',
        recipients: [identity.recipient, recipient],
      });
      await expect(promise).rejects.toMatchObject({
        code: 'sealing.recipient-invalid',
        params: { recipient },
      });
    }
  });

  it('rejects a weak passphrase before sealing', async () => {
    const promise = sealManifest(manifest, { kind: 'passphrase', passphrase: 'wachtwoord123' });
    await expect(promise).rejects.toMatchObject({
      code: 'sealing.passphrase-common',
      params: { minimum: 64 },
    });
  });

  it('rejects an identity file without a key', async () => {
    const sealed = await sealManifest(manifest, {
      kind: 'age-recipients',
      recipients: [identity.recipient],
    });
    const open = (identityFile: string) =>
      openSealedFile(new TextEncoder().encode(sealed.text), { kind: 'age-identity', identityFile });
    expect(await codeOf(open('# only a comment\n'))).toBe('sealing.identity-invalid');
    expect(await codeOf(open('AGE-SECRET-KEY-1NOTAKEY\n'))).toBe('sealing.identity-invalid');
  });
});
