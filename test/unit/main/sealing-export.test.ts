import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSealedFile } from '../../../src/core/seal/seal.ts';
import { DEMO_CLIENTS, startSandbox, type Sandbox } from '../../../src/sandbox/index.ts';
import type { VerificationReport } from '../../../src/shared/report.ts';
import { ipcCaller } from '../../support/ipc.ts';
import { tempDir } from '../../support/seal.ts';
import { createTestServices } from '../../support/services.ts';
import { COMPANIES_WITH_EMPLOYEES, verifyAgainst } from '../../support/verify.ts';

describe('sealing export handlers', () => {
  let sandbox: Sandbox;
  let identity: string;
  let recipient: string;
  const dir = tempDir('koppelhulp-export-');
  const full = DEMO_CLIENTS.full;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    identity = await generateX25519Identity();
    recipient = await identityToRecipient(identity);
  });
  afterAll(async () => {
    await sandbox.close();
    dir.remove();
  });

  /** App services with one connection to the sandbox's fully authorised client. */
  async function setup(client = full) {
    const test = createTestServices();
    const call = ipcCaller(test.services);
    const { vault } = test.services;
    const connection = vault.connections.create({
      name: 'Bakkerij De Vries',
      profileId: 'xpertsuite-loongegevens',
    });
    vault.connections.update(connection.id, {
      environmentUrl: sandbox.baseUrl,
      clientId: client.id,
      clientDisplayName: 'XpertSuite Loongegevens',
      companyNumbers: [...COMPANIES_WITH_EMPLOYEES],
      validFrom: '2026-12-01',
    });
    await vault.saveSecret(connection.id, client.secret);
    const storeReport = (report: VerificationReport) =>
      vault.connections.update(connection.id, { lastReport: report });
    return { ...test, call, connectionId: connection.id, storeReport };
  }

  it('exports after a passing verification and saves through the dialog', async () => {
    const { call, connectionId, storeReport, dialogAnswers, logFile } = await setup();
    storeReport((await verifyAgainst(sandbox, full)).report);
    const status = await call('sealing:get-export-status', { connectionId });
    expect(status).toMatchObject({ ok: true, value: { state: 'passed' } });

    const path = join(dir.path, 'passed.age');
    dialogAnswers.save.push(path);
    const result = await call('sealing:export-file', {
      connectionId,
      target: { kind: 'age-recipients', recipients: [recipient] },
      sender: { organisation: 'Bakkerij De Vries', phone: '+31 20 123 4567' },
    });
    expect(result).toMatchObject({
      ok: true,
      value: { saved: true, path, state: 'passed', confirmedDespiteState: false },
    });

    const bytes = new Uint8Array(readFileSync(path));
    const manifest = await openSealedFile(bytes, { kind: 'age-identity', identityFile: identity });
    expect(manifest.clientSecret).toBe(full.secret);
    expect(manifest.verification.report?.verdict).toBe('pass');
    expect(manifest.sender).toEqual({
      organisation: 'Bakkerij De Vries',
      phone: '+31 20 123 4567',
    });
    expect(manifest.profile.recipient.name).toBeTruthy();
    expect(readFileSync(logFile, 'utf8')).not.toContain(full.secret);
  });

  it('rejects a stale verification unless confirmed, and records the confirmation', async () => {
    const { call, connectionId, storeReport, dialogAnswers } = await setup();
    const { report } = await verifyAgainst(sandbox, full, {
      companies: COMPANIES_WITH_EMPLOYEES.slice(0, 1),
    });
    storeReport(report);
    expect(await call('sealing:get-export-status', { connectionId })).toMatchObject({
      value: { state: 'stale' },
    });
    const request = {
      connectionId,
      target: { kind: 'age-recipients', recipients: [recipient] },
    };

    const path = join(dir.path, 'stale.age');
    dialogAnswers.save.push(path);
    const refused = await call('sealing:export-file', request);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'sealing.verification-stale', field: 'confirmUnverified' },
    });
    expect(existsSync(path)).toBe(false);

    const confirmed = await call('sealing:export-file', { ...request, confirmUnverified: true });
    expect(confirmed).toMatchObject({
      ok: true,
      value: { saved: true, state: 'stale', confirmedDespiteState: true },
    });
  });

  it('returns saved: false when the save dialog is cancelled', async () => {
    const { call, connectionId } = await setup();
    const result = await call('sealing:export-file', {
      connectionId,
      target: { kind: 'age-recipients', recipients: [recipient] },
      confirmUnverified: true,
    });
    expect(result).toEqual({ ok: true, value: { saved: false } });
  });

  it('rejects a weak passphrase before the dialog opens', async () => {
    const { call, connectionId, dialogAnswers } = await setup();
    dialogAnswers.save.push(join(dir.path, 'weak.age'));
    const result = await call('sealing:export-file', {
      connectionId,
      target: { kind: 'passphrase', passphrase: 'wachtwoord2026' },
      confirmUnverified: true,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'sealing.passphrase-common' } });
    expect(dialogAnswers.save).toHaveLength(1);
  });

  /** Exports the connection to the age key, opens the file again and returns its id. */
  async function exportAndOpen(test: Awaited<ReturnType<typeof setup>>, name: string) {
    const { call, connectionId, dialogAnswers } = test;
    const path = join(dir.path, `${name}.age`);
    const identityPath = join(dir.path, `${name}-identity.txt`);
    writeFileSync(identityPath, `${identity}\n`);
    dialogAnswers.save.push(path);
    await call('sealing:export-file', {
      connectionId,
      target: { kind: 'age-recipients', recipients: [recipient] },
      confirmUnverified: true,
    });

    dialogAnswers.open.push([path], [identityPath]);
    const chosen = await call('sealing:choose-file');
    const key = await call('sealing:choose-key-file', { kind: 'age-identity' });
    if (!chosen.ok || !key.ok) {
      throw new Error('choosing the files failed');
    }
    const opened = await call('sealing:open-file', {
      fileId: (chosen.value as { fileId: string }).fileId,
      key: { kind: 'age-identity', keyId: (key.value as { keyId: string }).keyId },
    });
    if (!opened.ok) {
      throw new Error(`opening failed: ${opened.error.code}`);
    }
    return (opened.value as { openedId: string }).openedId;
  }

  it('re-runs the verification of an opened file', async () => {
    const test = await setup();
    const openedId = await exportAndOpen(test, 'for-retest');

    const before = sandbox.requestCount();
    const verified = await test.call('sealing:verify-opened', { openedId });
    expect(verified).toMatchObject({ ok: true, value: { verdict: 'pass', clientId: full.id } });
    expect(sandbox.requestCount()).toBeGreaterThan(before);

    const progress = test.emitted.filter((event) => event.name === 'onVerifyProgress');
    const report = (verified as { value: VerificationReport }).value;
    expect(progress).toHaveLength(report.probes.length);
    expect(progress.every((event) => event.group === 'sealing')).toBe(true);
    expect(progress.at(-1)?.payload).toMatchObject({
      openedId,
      completed: report.probes.length,
      total: report.probes.length,
    });
  });

  it('stops the test of an opened file on cancel', async () => {
    const test = await setup();
    const openedId = await exportAndOpen(test, 'for-cancel');
    sandbox.setOptions({ latencyMs: 2_000 });
    try {
      const before = sandbox.requestCount();
      const run = test.call('sealing:verify-opened', { openedId });
      await expect.poll(() => sandbox.requestCount()).toBeGreaterThan(before);
      const second = await test.call('sealing:verify-opened', { openedId });
      expect(second).toMatchObject({ ok: false, error: { code: 'sealing.verify-running' } });

      const cancelled = await test.call('sealing:cancel-verify-opened', { openedId });
      expect(cancelled).toEqual({ ok: true, value: { cancelled: true } });
      expect(await run).toMatchObject({ ok: true, value: { verdict: 'cancelled' } });

      const idle = await test.call('sealing:cancel-verify-opened', { openedId });
      expect(idle).toEqual({ ok: true, value: { cancelled: false } });
    } finally {
      sandbox.setOptions({ latencyMs: 0 });
    }
  });

  it('stops the test of an opened file when it is closed', async () => {
    const test = await setup();
    const openedId = await exportAndOpen(test, 'for-close');
    sandbox.setOptions({ latencyMs: 2_000 });
    try {
      const before = sandbox.requestCount();
      const run = test.call('sealing:verify-opened', { openedId });
      await expect.poll(() => sandbox.requestCount()).toBeGreaterThan(before);
      await test.call('sealing:close-opened', { openedId });
      expect(await run).toMatchObject({ ok: true, value: { verdict: 'cancelled' } });
    } finally {
      sandbox.setOptions({ latencyMs: 0 });
    }
  });
});
