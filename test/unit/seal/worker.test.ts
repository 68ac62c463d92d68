import { armor } from 'age-encryption';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createWorkerEngine, sourceWorkerUrl } from '../../../src/core/seal/engine.ts';
import { generatePassphrase } from '../../../src/core/seal/passphrase.ts';
import { ageWithPassphrase, sampleManifest, tempDir } from '../../support/seal.ts';

// Three scrypt runs at work factor 18, about a second of CPU each; the build
// machines are shared, so the test gets a generous timeout.
const REAL_WORK_FACTOR_TIMEOUT = 120_000;

describe('seal worker', () => {
  const engine = createWorkerEngine(sourceWorkerUrl());
  const manifest = sampleManifest();
  const dir = tempDir('koppelhulp-worker-');
  afterAll(() => dir.remove());

  it(
    'seals at the default work factor, and both the worker and age -d open it',
    async () => {
      const passphrase = generatePassphrase();
      let ticks = 0;
      const timer = setInterval(() => (ticks += 1), 5);

      const sealed = await engine.seal(manifest, { kind: 'passphrase', passphrase });
      const ticksWhileSealing = ticks;
      clearInterval(timer);

      const header = Buffer.from(armor.decode(sealed.text)).toString('latin1');
      expect(header).toMatch(/^-> scrypt [A-Za-z0-9+/]{22} 18$/m);
      // The main thread's event loop kept running during scrypt.
      expect(ticksWhileSealing).toBeGreaterThan(3);

      const opened = await engine.open(new TextEncoder().encode(sealed.text), {
        kind: 'passphrase',
        passphrase,
      });
      expect(opened).toEqual(manifest);

      const file = join(dir.path, 'real-work-factor.age');
      const output = join(dir.path, 'real-work-factor.json');
      writeFileSync(file, sealed.text);
      await ageWithPassphrase(['-d', '-o', output, file], passphrase, 1);
      expect(JSON.parse(readFileSync(output, 'utf8'))).toEqual(manifest);
    },
    REAL_WORK_FACTOR_TIMEOUT,
  );

  it('passes expected failures back with their code', async () => {
    const promise = engine.open(new TextEncoder().encode('no sealed file'), {
      kind: 'passphrase',
      passphrase: 'x',
    });
    await expect(promise).rejects.toMatchObject({
      name: 'AppFailure',
      code: 'sealing.not-sealed-file',
    });
  });

  it('passes the fingerprint of the sealed file back', async () => {
    const sealed = await engine.seal(manifest, {
      kind: 'passphrase',
      passphrase: generatePassphrase(),
      workFactor: 4,
    });
    expect(sealed.fingerprint.replaceAll(' ', '')).toBe(sealed.sha256);
    expect(sealed.fingerprint).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
  });
});
