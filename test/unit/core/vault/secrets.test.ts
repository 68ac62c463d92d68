import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../../src/shared/result.ts';
import { openVault, readJson, type VaultFixture } from './helpers.ts';

const PROFILE = 'xpertsuite-loongegevens';

function withConnection(fixture: VaultFixture = openVault(), name = 'Productie') {
  const connection = fixture.vault.connections.create({ name, profileId: PROFILE });
  return { ...fixture, id: connection.id };
}

async function failureCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppFailure) {
      return error.code;
    }
    throw error;
  }
  throw new Error('expected an AppFailure, but the call succeeded');
}

/** Connection ids that have a ciphertext in secrets.json. */
function storedSecretIds(directory: string): string[] {
  return Object.keys(readJson(join(directory, 'secrets.json'))['secrets'] as object);
}

/** Reads every file in the folder as text, to search for a leaked secret. */
function allFileText(directory: string): string {
  return readdirSync(directory)
    .map((name) => readFileSync(join(directory, name), 'utf8'))
    .join('\n');
}

describe('vault secrets', () => {
  it.each([
    ['special characters', 'a+b/c=d&e%f"g\'h\\i<j>k{l}m'],
    ['non-ASCII characters', 'Geheim-ëïöü-€-日本語-🔑-ß'],
    ['a long random secret', 'Zx9!'.repeat(64)],
  ])('round-trips a secret with %s after a restart', async (_name, secret) => {
    const first = withConnection();
    await first.vault.saveSecret(first.id, secret);

    const reopened = first.reopen();
    expect(await reopened.vault.readSecret(first.id)).toBe(secret);
    const status = await reopened.vault.secretStatus(first.id);
    expect(status).toMatchObject({ stored: true, readable: true, storage: 'vault' });
    expect(status.hint).toBe([...secret].slice(-4).join(''));
  });

  it('stores ciphertext, backend and time, never the plaintext', async () => {
    const { vault, id, directory } = withConnection();
    const secret = 'plain-Secret-123/+=';
    await vault.saveSecret(id, secret);

    const stored = readJson(join(directory, 'secrets.json'))['secrets'] as Record<
      string,
      { ciphertext: string; backend: string; storedAt: string }
    >;
    expect(stored[id]?.backend).toBe('test_cipher');
    expect(Date.parse(stored[id]!.storedAt)).not.toBeNaN();
    expect(Buffer.from(stored[id]!.ciphertext, 'base64').length).toBeGreaterThan(secret.length);
    const text = allFileText(directory);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(Buffer.from(secret).toString('base64'));
    expect(text).not.toContain(encodeURIComponent(secret));
  });

  it.each([
    ['an empty secret', '', 'vault.secret-empty'],
    ['only spaces and a newline', '  \n\t ', 'vault.secret-empty'],
    ['only zero-width spaces', '\u200b\u200b', 'vault.secret-empty'],
    ['a line break inside', 'first\nsecond', 'vault.secret-invalid-characters'],
    ['a NUL character inside', 'abc\u0000def', 'vault.secret-invalid-characters'],
  ])('rejects %s and stores nothing', async (_name, entered, code) => {
    const { vault, id, directory } = withConnection();
    expect(await failureCode(vault.saveSecret(id, entered))).toBe(code);
    expect((await vault.secretStatus(id)).stored).toBe(false);
    expect(storedSecretIds(directory)).toEqual([]);
  });

  it('trims whitespace around a pasted secret and says so', async () => {
    const { vault, id } = withConnection();
    const result = await vault.saveSecret(id, ' \u00a0abcdef-1234\r\n');
    expect(result.trimmed).toBe(true);
    expect(await vault.readSecret(id)).toBe('abcdef-1234');

    const again = await vault.saveSecret(id, 'abcdef-5678');
    expect(again.trimmed).toBe(false);
  });

  it('gives no hint for a secret shorter than 8 characters', async () => {
    const { vault, id } = withConnection();
    const result = await vault.saveSecret(id, 'short');
    expect(result.status).toMatchObject({ stored: true, readable: true, hint: null });
  });

  it('reports a secret from another machine as unreadable and keeps the rest', async () => {
    const first = withConnection(openVault(), 'Test');
    const other = first.vault.connections.create({ name: 'Productie', profileId: PROFILE });
    await first.vault.saveSecret(first.id, 'secret-of-test-1');
    await first.vault.saveSecret(other.id, 'secret-of-prod-2');
    const before = readFileSync(join(first.directory, 'secrets.json'), 'utf8');

    const elsewhere = first.reopen({ machine: 'another-computer' });
    expect(elsewhere.vault.connections.list().map((item) => item.name)).toEqual([
      'Test',
      'Productie',
    ]);
    expect(await elsewhere.vault.secretStatus(first.id)).toEqual({
      stored: true,
      readable: false,
      hint: null,
      storage: 'vault',
      savedAt: expect.any(String) as string,
    });
    expect(await failureCode(elsewhere.vault.readSecret(first.id))).toBe('vault.secret-unreadable');
    expect(readFileSync(join(first.directory, 'secrets.json'), 'utf8')).toBe(before);

    // Entering it again on this computer replaces the unreadable one.
    await elsewhere.vault.saveSecret(first.id, 'entered-again-3');
    expect(await elsewhere.vault.readSecret(first.id)).toBe('entered-again-3');
    expect((await elsewhere.vault.secretStatus(other.id)).readable).toBe(false);
  });

  it('refuses the basic_text backend and offers memory instead', async () => {
    const { vault, id, directory } = withConnection(
      openVault(undefined, { backend: 'basic_text' }),
    );
    expect(await vault.storageStatus()).toEqual({
      backend: 'basic_text',
      canStore: false,
      reason: 'basic-text',
    });
    expect(await failureCode(vault.saveSecret(id, 'would-be-stored'))).toBe(
      'vault.storage-unavailable',
    );
    expect(storedSecretIds(directory)).toEqual([]);
  });

  it('refuses storage when encryption is not available', async () => {
    const { vault, id } = withConnection(openVault(undefined, { available: false }));
    expect(await vault.storageStatus()).toMatchObject({ canStore: false, reason: 'unavailable' });
    expect(await failureCode(vault.saveSecret(id, 'would-be-stored'))).toBe(
      'vault.storage-unavailable',
    );
  });

  it('reports a key store that fails to encrypt', async () => {
    const { vault, id, directory, logLines } = withConnection(
      openVault(undefined, { encryptFails: true }),
    );
    expect(await failureCode(vault.saveSecret(id, 'denied-by-keychain'))).toBe(
      'vault.encrypt-failed',
    );
    expect(storedSecretIds(directory)).toEqual([]);
    expect(logLines.join('\n')).toContain('Encrypting the client secret failed');
    expect(logLines.join('\n')).not.toContain('denied-by-keychain');
  });

  it('keeps a secret in memory until the app quits', async () => {
    const fixture = withConnection(openVault(undefined, { backend: 'basic_text' }));
    const { vault, id, directory } = fixture;
    const result = await vault.keepSecretInMemory(id, ' kept-in-memory-9 ');
    expect(result.trimmed).toBe(true);
    expect(result.status).toMatchObject({ stored: true, readable: true, storage: 'memory' });
    expect(result.status.hint).toBe('ry-9');
    expect(await vault.readSecret(id)).toBe('kept-in-memory-9');
    expect(allFileText(directory)).not.toContain('kept-in-memory-9');

    const restarted = fixture.reopen();
    expect((await restarted.vault.secretStatus(id)).stored).toBe(false);
  });

  it('forgets a secret from memory and disk', async () => {
    const { vault, id, clipboard } = withConnection();
    await vault.saveSecret(id, 'to-be-forgotten');
    await vault.copySecret(id);
    const status = await vault.forgetSecret(id);
    expect(status).toMatchObject({ stored: false, readable: false, hint: null, storage: null });
    expect(await failureCode(vault.readSecret(id))).toBe('vault.secret-missing');
    expect(clipboard.value).toBe('');
  });

  it('deletes the secret with its connection', async () => {
    const fixture = withConnection();
    const { vault, id, directory } = fixture;
    await vault.saveSecret(id, 'deleted-with-connection');
    await vault.deleteConnection(id);

    expect(vault.connections.list()).toEqual([]);
    expect(storedSecretIds(directory)).toEqual([]);
    expect(await failureCode(fixture.reopen().vault.readSecret(id))).toBe('connections.not-found');
  });

  it('keeps every secret when several are saved at once', async () => {
    const fixture = openVault();
    const ids = ['A', 'B', 'C', 'D', 'E'].map(
      (name) => fixture.vault.connections.create({ name, profileId: PROFILE }).id,
    );
    await Promise.all(
      ids.map((id, index) => fixture.vault.saveSecret(id, `secret-number-${index}`)),
    );

    const reopened = fixture.reopen();
    for (const [index, id] of ids.entries()) {
      expect(await reopened.vault.readSecret(id)).toBe(`secret-number-${index}`);
    }
  });

  it('applies concurrent saves of one secret in call order', async () => {
    const fixture = withConnection();
    const saves = ['first-value-1', 'second-value-2', 'third-value-3'].map((secret) =>
      fixture.vault.saveSecret(fixture.id, secret),
    );
    const results = await Promise.all(saves);
    expect(results.map((result) => result.status.hint)).toEqual(['ue-1', 'ue-2', 'ue-3']);
    expect(await fixture.reopen().vault.readSecret(fixture.id)).toBe('third-value-3');
  });

  it('does not store a secret for a connection deleted while saving', async () => {
    const fixture = withConnection();
    const save = fixture.vault.saveSecret(fixture.id, 'racing-the-delete');
    const remove = fixture.vault.deleteConnection(fixture.id);
    await save;
    await remove;
    expect(allFileText(fixture.directory)).not.toContain(fixture.id);
  });

  it('rejects secret calls for an unknown connection', async () => {
    const { vault } = openVault();
    const unknown = crypto.randomUUID();
    expect(await failureCode(vault.saveSecret(unknown, 'secret-value'))).toBe(
      'connections.not-found',
    );
    expect(await failureCode(vault.secretStatus(unknown))).toBe('connections.not-found');
  });

  it('registers saved and decrypted secrets so logs redact them', async () => {
    const first = withConnection();
    await first.vault.saveSecret(first.id, 'registered-secret-1');
    expect(first.registry.values()).toContain('registered-secret-1');

    const reopened = first.reopen();
    expect(reopened.registry.values()).not.toContain('registered-secret-1');
    await reopened.vault.secretStatus(first.id);
    expect(reopened.registry.values()).toContain('registered-secret-1');
    expect(reopened.logLines.join('\n')).not.toContain('registered-secret-1');
  });

  it('asks the key store once per stored secret', async () => {
    const first = withConnection();
    await first.vault.saveSecret(first.id, 'decrypted-once-1');
    const reopened = first.reopen();
    await reopened.vault.secretStatus(first.id);
    await reopened.vault.secretStatus(first.id);
    await reopened.vault.readSecret(first.id);
    expect(reopened.cipher.calls.decrypt).toBe(1);
  });
});

describe('vault secret store file', () => {
  it('re-encrypts a secret when the key store rotated its key', async () => {
    const first = withConnection();
    await first.vault.saveSecret(first.id, 'rotated-secret-1');
    const before = readJson(join(first.directory, 'secrets.json'));

    const rotated = first.reopen({ reEncrypt: true });
    expect(await rotated.vault.readSecret(first.id)).toBe('rotated-secret-1');
    expect(rotated.cipher.calls.encrypt).toBe(1);
    const after = readJson(join(first.directory, 'secrets.json'));
    expect(after).not.toEqual(before);
    expect(await first.reopen().vault.readSecret(first.id)).toBe('rotated-secret-1');
  });

  it('moves a damaged secrets file aside and keeps the connections', async () => {
    const first = withConnection();
    await first.vault.saveSecret(first.id, 'lost-with-the-file');
    writeFileSync(join(first.directory, 'secrets.json'), '{"secrets": {"');

    const reopened = first.reopen();
    expect(reopened.vault.connections.list().map((item) => item.id)).toEqual([first.id]);
    expect((await reopened.vault.secretStatus(first.id)).stored).toBe(false);
    const [notice] = reopened.vault.notices.list();
    expect(notice?.code).toBe('vault.store-recovered');
    expect(notice?.params['file']).toBe('secrets.json');
    expect(readdirSync(first.directory)).toContain(notice?.params['movedTo']);
  });

  it('keeps the valid secrets when one entry is invalid', async () => {
    const first = withConnection(openVault(), 'Test');
    const other = first.vault.connections.create({ name: 'Productie', profileId: PROFILE });
    await first.vault.saveSecret(first.id, 'valid-secret-1');
    await first.vault.saveSecret(other.id, 'broken-secret-2');
    const path = join(first.directory, 'secrets.json');
    const file = readJson(path) as { secrets: Record<string, { ciphertext: string }> };
    file.secrets[other.id]!.ciphertext = 'not base64 !';
    writeFileSync(path, JSON.stringify(file));

    const reopened = first.reopen();
    expect(await reopened.vault.readSecret(first.id)).toBe('valid-secret-1');
    expect((await reopened.vault.secretStatus(other.id)).stored).toBe(false);
    expect(reopened.vault.notices.list().map((notice) => notice.code)).toEqual([
      'vault.entries-dropped',
    ]);
  });
});

describe('vault clipboard', () => {
  it('clears the clipboard after 30 s when it still holds the secret', async () => {
    const { vault, id, clipboard, timers } = withConnection();
    await vault.saveSecret(id, 'copied-secret-1');
    expect(await vault.copySecret(id)).toEqual({ clearAfterSeconds: 30 });
    expect(clipboard.value).toBe('copied-secret-1');
    expect(timers.delays).toEqual([30_000]);

    timers.fireAll();
    await expect.poll(() => clipboard.cleared).toBe(1);
    expect(clipboard.value).toBe('');
  });

  it('leaves the clipboard alone when the user copied something else', async () => {
    const { vault, id, clipboard, timers } = withConnection();
    await vault.saveSecret(id, 'copied-secret-2');
    await vault.copySecret(id);
    clipboard.value = 'something the user copied';

    timers.fireAll();
    await Promise.resolve();
    await new Promise((resolve) => setImmediate(resolve));
    expect(clipboard.cleared).toBe(0);
    expect(clipboard.value).toBe('something the user copied');
  });

  it('clears the clipboard early before the app quits', async () => {
    const { vault, id, clipboard, timers } = withConnection();
    await vault.saveSecret(id, 'copied-before-quit');
    await vault.copySecret(id);
    expect(vault.clipboardClearPending).toBe(true);

    await vault.clearClipboard();
    expect(clipboard.value).toBe('');
    expect(vault.clipboardClearPending).toBe(false);
    expect(timers.pending).toBe(0);
  });

  it('keeps one pending clear when the secret is copied twice', async () => {
    const { vault, id, timers } = withConnection();
    await vault.saveSecret(id, 'copied-secret-3');
    await vault.copySecret(id);
    await vault.copySecret(id);
    expect(timers.pending).toBe(1);
  });

  it('cannot copy a secret that does not decrypt here', async () => {
    const first = withConnection();
    await first.vault.saveSecret(first.id, 'not-readable-here');
    const elsewhere = first.reopen({ machine: 'another-computer' });
    expect(await failureCode(elsewhere.vault.copySecret(first.id))).toBe('vault.secret-unreadable');
    expect(elsewhere.clipboard.value).toBe('');
  });
});
