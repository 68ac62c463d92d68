import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { createWorkerEngine } from '../../src/core/seal/engine.ts';
import { generatePassphrase } from '../../src/core/seal/passphrase.ts';
import { sampleManifest } from '../support/seal.ts';

// The app starts the worker from the production build, not from source.
const BUILT_WORKER = join(import.meta.dirname, '../../out/main/seal-worker.js');

test.describe('built seal worker', () => {
  test('seals and opens a file', async () => {
    expect(existsSync(BUILT_WORKER)).toBe(true);
    const engine = createWorkerEngine(BUILT_WORKER);
    const manifest = sampleManifest();
    const passphrase = generatePassphrase();

    const sealed = await engine.seal(manifest, { kind: 'passphrase', passphrase, workFactor: 4 });
    const opened = await engine.open(new TextEncoder().encode(sealed.text), {
      kind: 'passphrase',
      passphrase,
    });

    expect(opened).toEqual(manifest);
  });

  test('loads the OpenPGP code on demand', async () => {
    const engine = createWorkerEngine(BUILT_WORKER);
    const promise = engine.seal(sampleManifest(), { kind: 'openpgp', publicKeys: ['not a key'] });
    await expect(promise).rejects.toMatchObject({ code: 'sealing.pgp-key-invalid' });
  });
});
