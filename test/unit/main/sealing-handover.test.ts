import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLIPBOARD_CLEAR_SECONDS } from '../../../src/core/vault/clipboard-guard.ts';
import { manualTimers } from '../core/vault/helpers.ts';
import { ipcCaller } from '../../support/ipc.ts';
import { tempDir } from '../../support/seal.ts';
import { createTestServices } from '../../support/services.ts';

const SECRET = 'Handover-Unit-Secret-8xQ2';
const PASSPHRASE = 'kq7m-vx2p-zr9w-ht4n-b8cd-e3fg';

describe('sealing handover handlers', () => {
  const dir = tempDir('koppelhulp-handover-');
  afterAll(() => dir.remove());

  function setup() {
    const timers = manualTimers();
    const test = createTestServices({ timers });
    return { ...test, timers, call: ipcCaller(test.services) };
  }

  /** Exports a complete connection to a fresh age key, unverified, and returns the result. */
  async function exportOnce(test: ReturnType<typeof setup>, fileName: string) {
    const { vault } = test.services;
    const connection = vault.connections.create({
      name: 'Bakkerij De Vries',
      profileId: 'xpertsuite-loongegevens',
    });
    vault.connections.update(connection.id, {
      environmentUrl: 'https://bakkerij.cobra.example',
      clientId: 'client-4711',
      companyNumbers: ['40100'],
    });
    await vault.saveSecret(connection.id, SECRET);
    const recipient = await identityToRecipient(await generateX25519Identity());
    const path = join(dir.path, fileName);
    test.dialogAnswers.save.push(path);
    const result = await test.call('sealing:export-file', {
      connectionId: connection.id,
      target: { kind: 'age-recipients', recipients: [recipient] },
      confirmUnverified: true,
    });
    if (!result.ok) {
      throw new Error(`export failed: ${result.error.code}`);
    }
    return { path, value: result.value as { exportId: string; path: string } };
  }

  it('reveals an exported file by its id', async () => {
    const test = setup();
    const { path, value } = await exportOnce(test, 'shown.age');
    expect(value.exportId).toMatch(/^[0-9a-f-]{36}$/);

    const shown = await test.call('sealing:show-exported', { exportId: value.exportId });
    expect(shown).toEqual({ ok: true, value: undefined });
    expect(test.shownInFolder).toEqual([path]);
  });

  it('rejects an id main never issued', async () => {
    const test = setup();
    await exportOnce(test, 'other.age');
    const result = await test.call('sealing:show-exported', {
      exportId: '0f8fad5b-d9cb-469f-a165-70867728950e',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'sealing.export-unknown' } });
    expect(test.shownInFolder).toEqual([]);
  });

  it('never takes a path from the page', async () => {
    const test = setup();
    const { path } = await exportOnce(test, 'path.age');
    for (const payload of [{ path }, { exportId: path }, { exportId: 'x', path }]) {
      const result = await test.call('sealing:show-exported', payload);
      expect(result).toMatchObject({ ok: false, error: { code: 'ipc.invalid-payload' } });
    }
    expect(test.shownInFolder).toEqual([]);
  });

  it('names an exported file that was deleted since', async () => {
    const test = setup();
    const { path, value } = await exportOnce(test, 'deleted.age');
    rmSync(path);
    const result = await test.call('sealing:show-exported', { exportId: value.exportId });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'sealing.export-missing', params: { name: 'deleted.age' } },
    });
    expect(test.shownInFolder).toEqual([]);
  });

  it('clears the copied passphrase after 30 seconds', async () => {
    const { call, clipboardText, timers } = setup();
    const result = await call('sealing:copy-passphrase', { passphrase: PASSPHRASE });
    expect(result).toEqual({ ok: true, value: { clearAfterSeconds: CLIPBOARD_CLEAR_SECONDS } });
    expect(clipboardText.value).toBe(PASSPHRASE);
    expect(timers.delays).toEqual([30_000]);

    timers.fireAll();
    await expect.poll(() => clipboardText.value).toBe('');
  });

  it('keeps text the user copied since', async () => {
    const { call, clipboardText, timers } = setup();
    await call('sealing:copy-passphrase', { passphrase: PASSPHRASE });
    clipboardText.value = 'loonstrook december';

    timers.fireAll();
    // The clear reads the clipboard asynchronously; let it run before checking.
    await new Promise((resolve) => setImmediate(resolve));
    expect(clipboardText.value).toBe('loonstrook december');
  });

  it('masks the copied passphrase in the log', async () => {
    const { call, services, logFile } = setup();
    await call('sealing:copy-passphrase', { passphrase: PASSPHRASE });
    services.log.info(`user typed ${PASSPHRASE}`);
    expect(readFileSync(logFile, 'utf8')).not.toContain(PASSPHRASE);
  });

  it('rejects copying the passphrase with copyText', async () => {
    const { call, clipboardText } = setup();
    await call('sealing:copy-passphrase', { passphrase: PASSPHRASE });
    clipboardText.value = '';
    const result = await call('app:copy-text', { text: `wachtwoord: ${PASSPHRASE}` });
    expect(result).toMatchObject({ ok: false, error: { code: 'app.text-contains-secret' } });
    expect(clipboardText.value).toBe('');
  });
});
