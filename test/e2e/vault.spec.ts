import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, launchApp, test } from './harness/app.ts';
import { expectAccessible } from './harness/axe.ts';
import { createConnection as createConnectionThroughUi, openTask } from './support/ui.ts';

/** Pasted with whitespace around it, as a copy from a web page often is. */
const SECRET = 'Xq7+/=&%ü€-Geheim~e2e-9Zk4';
const PASTED = `  ${SECRET}\n`;

/** Every form in which a leaked secret could be written. */
const LEAK_FORMS: [string, string][] = [
  ['plaintext', SECRET],
  ['base64', Buffer.from(SECRET).toString('base64')],
  ['base64 without padding', Buffer.from(SECRET).toString('base64').replace(/=+$/, '')],
  ['URL-encoded', encodeURIComponent(SECRET)],
  ['form-encoded', new URLSearchParams({ s: SECRET }).toString().slice(2)],
  ['JSON-escaped', JSON.stringify(SECRET).slice(1, -1)],
];

function filesUnder(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Creates a connection through the start screen and opens its client task. */
async function createConnection(page: Page, name: string): Promise<void> {
  await createConnectionThroughUi(page, name);
  await openTask(page, /API-client aanmaken/);
}

async function saveSecret(page: Page, value: string): Promise<void> {
  await page.getByLabel('Client secret').fill(value);
  await page.getByRole('button', { name: 'Secret opslaan' }).click();
}

test.describe('credential vault', () => {
  test('saves a secret through the UI and writes it nowhere readable', async ({ app }) => {
    const { page } = app;
    await createConnection(page, 'Bakkerij Jansen – test');
    await expect(page.getByText('Cobra toont het secret één keer')).toBeVisible();

    await saveSecret(page, PASTED);
    await expect(page.getByTestId('secret-status')).toHaveText(
      'Opgeslagen in de sleutelopslag van deze computer. Eindigt op 9Zk4.',
    );
    await expect(page.getByText('rond het geplakte secret stonden spaties')).toBeVisible();
    await expect(page.getByLabel('Client secret')).toHaveValue('');
    expect(await page.content()).not.toContain(SECRET);
    await expectAccessible(page, 'start screen with a saved secret');

    const files = filesUnder(app.userDataDir);
    expect(files.map((path) => path.slice(app.userDataDir.length + 1))).toEqual(
      expect.arrayContaining(['connections.json', 'secrets.json', join('logs', 'main.log')]),
    );
    expect(readFileSync(join(app.userDataDir, 'secrets.json'), 'utf8')).toContain('ciphertext');
    expect(readFileSync(app.logFile, 'utf8')).toContain('Client secret saved');
    for (const path of [...files, app.logFile]) {
      const text = readFileSync(path).toString('latin1') + readFileSync(path, 'utf8');
      for (const [form, value] of LEAK_FORMS) {
        expect(text.includes(value), `${form} secret in ${path}`).toBe(false);
      }
    }
  });

  test('shows the stored status after a restart', async ({ app }) => {
    const { page } = app;
    await createConnection(page, 'Productie');
    await saveSecret(page, SECRET);
    await expect(page.getByTestId('secret-status')).toContainText('Eindigt op 9Zk4.');

    await app.restart();
    await expect(page.getByRole('heading', { level: 2, name: 'Productie' })).toBeVisible();
    await openTask(page, /API-client aanmaken/);
    await expect(page.getByTestId('secret-status')).toHaveText(
      'Opgeslagen in de sleutelopslag van deze computer. Eindigt op 9Zk4.',
    );
  });

  test('asks to re-enter a secret made on another computer', async ({ app }) => {
    const { page } = app;
    await createConnection(page, 'Verhuisd');
    await saveSecret(page, SECRET);
    await expect(page.getByTestId('secret-status')).toContainText('Eindigt op 9Zk4.');

    await app.restart({ cipher: { machine: 'another-computer' } });
    await openTask(page, /API-client aanmaken/);
    await expect(page.getByTestId('secret-status')).toHaveText(
      'Het opgeslagen secret kan op deze computer niet worden gelezen. Voer het opnieuw in.',
    );
    await expect(page.getByRole('button', { name: 'Secret kopiëren' })).toHaveCount(0);
  });

  test('offers memory when the key store is basic_text', async ({ app }) => {
    const { page } = app;
    app.cipher.backend = 'basic_text';
    await createConnection(page, 'Linux');
    await expect(page.getByTestId('storage-status')).toContainText('gevonden: basic_text');

    await saveSecret(page, SECRET);
    await expect(page.getByRole('alert')).toContainText('kan het secret niet veilig opslaan');
    await expectAccessible(page, 'secret field when storage is refused');
    await page.getByRole('button', { name: 'In het geheugen bewaren tot de app sluit' }).click();
    await expect(page.getByTestId('secret-status')).toHaveText(
      'Alleen in het geheugen: na het sluiten van de app moet u het opnieuw invoeren. Eindigt op 9Zk4.',
    );
    await expect(page.getByLabel('Client secret')).toHaveValue('');
    const stored = JSON.parse(readFileSync(join(app.userDataDir, 'secrets.json'), 'utf8')) as {
      secrets: object;
    };
    expect(stored.secrets).toEqual({});
  });

  test('copies the secret in main without sending it to the page', async ({ app }) => {
    const { page } = app;
    await createConnection(page, 'Kopie');
    await saveSecret(page, SECRET);
    await page.getByRole('button', { name: 'Secret kopiëren' }).click();
    await expect(page.getByText('Het klembord wordt na 30 seconden gewist.')).toBeVisible();
    expect(app.clipboardText.value).toBe(SECRET);
    expect(await page.content()).not.toContain(SECRET);
  });

  test('forgets a secret only after confirmation', async ({ app }) => {
    const { page } = app;
    await createConnection(page, 'Vergeten');
    await saveSecret(page, SECRET);

    await page.getByRole('button', { name: 'Secret vergeten' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Client secret vergeten?' });
    await expect(dialog).toBeVisible();
    await expectAccessible(page, 'forget confirmation dialog');
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await expect(page.getByTestId('secret-status')).toContainText('Eindigt op 9Zk4.');

    await page.getByRole('button', { name: 'Secret vergeten' }).click();
    await dialog.getByRole('button', { name: 'Ja, vergeten' }).click();
    await expect(page.getByTestId('secret-status')).toHaveText(
      'Nog geen client secret opgeslagen.',
    );
  });

  test('renames and deletes a connection with its secret', async ({ app }) => {
    const { page } = app;
    await createConnection(page, 'Oude naam');
    await saveSecret(page, SECRET);

    await page.getByRole('link', { name: 'Verbindingen' }).click();
    await page.getByRole('button', { name: 'Naam wijzigen van Oude naam' }).click();
    await page.getByRole('dialog').getByRole('textbox', { name: 'Naam' }).fill('Nieuwe naam');
    await page.getByRole('dialog').getByRole('button', { name: 'Naam wijzigen' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Nieuwe naam' })).toBeVisible();

    await page.getByRole('button', { name: 'Nieuwe naam verwijderen' }).click();
    await page
      .getByRole('dialog', { name: 'Nieuwe naam verwijderen?' })
      .getByRole('button', { name: 'Ja, verwijderen' })
      .click();
    await expect(page.getByTestId('no-connections')).toBeVisible();
    const stored = JSON.parse(readFileSync(join(app.userDataDir, 'secrets.json'), 'utf8')) as {
      secrets: object;
    };
    expect(stored.secrets).toEqual({});
  });
});

test.describe('key store status on the settings screen', () => {
  test('names the key store that protects the secret', async ({ app }) => {
    await app.page.getByRole('link', { name: 'Instellingen' }).click();
    const status = app.page.getByTestId('key-store-status');
    await expect(status).toContainText('Sleutelopslag van deze computer: test_cipher.');
    await expect(status).toContainText('wordt versleuteld opgeslagen');
  });

  test('says why basic_text is not used', async ({ app }) => {
    app.cipher.backend = 'basic_text';
    await app.page.getByRole('link', { name: 'Instellingen' }).click();
    const status = app.page.getByTestId('key-store-status');
    await expect(status).toContainText('geen sleutelopslag die het secret beschermt');
    await expect(status).toContainText('in het geheugen bewaren');
    await expectAccessible(app.page, 'settings screen without a usable key store');
  });
});

test('tells the user about a damaged store file and keeps it', async ({ page }) => {
  const userDataDir = mkdtempSync(join(tmpdir(), 'koppelhulp-e2e-'));
  writeFileSync(join(userDataDir, 'connections.json'), '{"connections": {"7d4f');
  const app = await launchApp(page, { userDataDir });
  try {
    const notice = page.locator('[data-notice-code="vault.store-recovered"]');
    await expect(notice).toContainText('connections.json was beschadigd');
    const kept = readdirSync(userDataDir).filter((name) =>
      name.startsWith('connections.json.corrupt-'),
    );
    expect(kept).toHaveLength(1);
    await expect(notice).toContainText(kept[0]!);
    await notice.getByRole('button', { name: 'Melding sluiten' }).click();
    await expect(notice).toHaveCount(0);
  } finally {
    await app.close();
  }
});
