import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './harness/app.ts';
import { ageWithPassphrase, tempDir } from '../support/seal.ts';

const SECRET = 'Sealed-e2e-Secret-7f3K9q';

/** Calls the preload's API in the page, as the renderer does. */
function api(page: Page, group: string, name: string, payload?: unknown): Promise<unknown> {
  return page.evaluate(
    async ([groupName, channelName, request]) => {
      const bridge = (
        window as unknown as {
          koppelhulp: Record<string, Record<string, (p?: unknown) => Promise<unknown>>>;
        }
      ).koppelhulp;
      return bridge[groupName as string]![channelName as string]!(request);
    },
    [group, name, payload] as const,
  );
}

async function value<T>(page: Page, group: string, name: string, payload?: unknown): Promise<T> {
  const result = (await api(page, group, name, payload)) as {
    ok: boolean;
    value?: T;
    error?: { code: string };
  };
  if (!result.ok) {
    throw new Error(`${group}.${name} failed: ${result.error?.code}`);
  }
  return result.value as T;
}

test.describe('sealing through the page', () => {
  test('exports with a generated passphrase and opens the file again', async ({ app }) => {
    const { page } = app;
    const dir = tempDir('koppelhulp-e2e-seal-');
    try {
      const connection = await value<{ id: string }>(page, 'connections', 'create', {
        name: 'Bakkerij De Vries',
        profileId: 'xpertsuite-loongegevens',
      });
      await value(page, 'connections', 'update', {
        id: connection.id,
        patch: {
          environmentUrl: 'https://bakkerij.cobra.sdworx.com',
          clientId: 'client-4711',
          companyNumbers: ['40100'],
        },
      });
      await value(page, 'secrets', 'save', { connectionId: connection.id, secret: SECRET });

      const status = await value<{ state: string; defaultFileName: string }>(
        page,
        'sealing',
        'getExportStatus',
        {
          connectionId: connection.id,
        },
      );
      expect(status.state).toBe('missing');
      expect(status.defaultFileName).toMatch(
        /^cobra-koppelhulp-xpertsuite-loongegevens-bakkerij-de-vries-\d{4}-\d{2}-\d{2}\.age$/,
      );

      const refused = (await api(page, 'sealing', 'exportFile', {
        connectionId: connection.id,
        target: { kind: 'age-recipients', recipients: ['age1invalid'] },
      })) as { ok: boolean; error: { code: string } };
      expect(refused.ok).toBe(false);

      const { passphrase } = await value<{ passphrase: string }>(
        page,
        'sealing',
        'generatePassphrase',
      );
      const path = join(dir.path, 'export.age');
      app.dialogAnswers.save.push(path);
      const exported = await value<{ saved: boolean; fingerprint: string; state: string }>(
        page,
        'sealing',
        'exportFile',
        {
          connectionId: connection.id,
          target: { kind: 'passphrase', passphrase },
          confirmUnverified: true,
        },
      );
      expect(exported).toMatchObject({ saved: true, state: 'missing' });
      expect(exported.fingerprint).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);

      const plaintext = join(dir.path, 'export.json');
      await ageWithPassphrase(['-d', '-o', plaintext, path], passphrase, 1);
      expect(JSON.parse(readFileSync(plaintext, 'utf8'))).toMatchObject({ clientSecret: SECRET });

      app.dialogAnswers.open.push([path]);
      const chosen = await value<{ fileId: string; keyKind: string }>(
        page,
        'sealing',
        'chooseFile',
      );
      expect(chosen.keyKind).toBe('passphrase');
      const opened = await value<{ manifest: { clientSecret: string; clientId: string } }>(
        page,
        'sealing',
        'openFile',
        { fileId: chosen.fileId, key: { kind: 'passphrase', passphrase } },
      );
      expect(opened.manifest.clientId).toBe('client-4711');
      expect(opened.manifest.clientSecret).toBe('••••••••3K9q');
      expect(JSON.stringify(opened)).not.toContain(SECRET);
      expect(readFileSync(app.logFile, 'utf8')).not.toContain(SECRET);
      expect(readFileSync(app.logFile, 'utf8')).not.toContain(passphrase);
    } finally {
      dir.remove();
    }
  });
});
