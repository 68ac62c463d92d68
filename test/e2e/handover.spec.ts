import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { DEMO_CLIENTS, startSandbox, type Sandbox } from '../../src/sandbox/index.ts';
import type { RendererApi } from '../../src/shared/ipc/contract.ts';
import type { Manifest } from '../../src/shared/manifest.ts';
import { ageWithPassphrase, createGnupgHome, tempDir } from '../support/seal.ts';
import { expectAccessible } from './harness/axe.ts';
import { expect, test, type LaunchedApp } from './harness/app.ts';
import { gotoTask, seedConnection } from './support/seed.ts';
import { daysFromToday, tick } from './support/ui.ts';

const PROFILE = 'xpertsuite-loongegevens';
const COMPANIES = ['40100', '40200'];
const FULL = DEMO_CLIENTS.full;

let sandbox: Sandbox;
const files = tempDir('koppelhulp-e2e-handover-');

test.beforeAll(async () => {
  sandbox = await startSandbox({ host: '127.0.0.1', port: 0 });
});

test.afterAll(async () => {
  await sandbox.close();
  files.remove();
});

function isoDay(days: number): string {
  const date = daysFromToday(days);
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

/**
 * Creates a connection to the sandbox's fully authorised client with every
 * input of step 2, so the handover can start. Returns its id.
 */
async function seedFull(page: Page, name = 'Bakkerij Van den Berg'): Promise<string> {
  const id = await seedConnection(page, {
    name,
    profileId: PROFILE,
    environmentUrl: sandbox.baseUrl,
    clientId: FULL.id,
    secret: FULL.secret,
    companyNumbers: COMPANIES,
    validFrom: isoDay(-30),
    validUntil: isoDay(365),
  });
  await page.evaluate(async (connectionId) => {
    const api = (window as unknown as { koppelhulp: RendererApi }).koppelhulp;
    await api.connections.update({
      id: connectionId,
      patch: { clientDisplayName: 'XpertSuite Loongegevens' },
    });
  }, id);
  return id;
}

/** Runs the test task through the page and waits for the passed report. */
async function testGreen(page: Page, connectionId: string): Promise<void> {
  await gotoTask(page, connectionId, 'test');
  await page.getByRole('button', { name: 'Test starten' }).click();
  await expect(page.getByTestId('report-summary')).toContainText('Alles werkt');
}

async function openHandover(page: Page, connectionId: string): Promise<void> {
  await gotoTask(page, connectionId, 'handover');
  await expect(page.getByRole('heading', { level: 1, name: 'Gegevens overdragen' })).toBeVisible();
  await expect(page.getByTestId('verification-state')).toBeVisible();
}

/** Presses "create" with the save dialog returning `path`, and waits for the result. */
async function createFile(app: LaunchedApp, path: string): Promise<void> {
  app.dialogAnswers.save.push(path);
  await app.page.getByRole('button', { name: 'Verzegeld bestand maken' }).click();
  await expect(app.page.getByTestId('export-result')).toBeVisible({ timeout: 30_000 });
}

function readManifest(path: string): Manifest {
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

/** Checks that neither the page's text nor the log file contain the client secret. */
async function expectSecretKept(app: LaunchedApp): Promise<void> {
  const text = await app.page.evaluate(() => document.documentElement.outerHTML);
  expect(text).not.toContain(FULL.secret);
  expect(readFileSync(app.logFile, 'utf8')).not.toContain(FULL.secret);
}

test.describe('handover', () => {
  test('passphrase: tested, sealed, opened with age', async ({ app }) => {
    const { page } = app;
    const id = await seedFull(page);
    await testGreen(page, id);
    await openHandover(page, id);
    await expect(page.getByTestId('verification-state')).toHaveAttribute('data-state', 'passed');
    await expect(page.getByTestId('verification-state')).toContainText('geslaagd');
    await expect(page.getByTestId('confirm-unverified')).toHaveCount(0);

    const shown = page.getByTestId('generated-passphrase');
    await expect(shown).toHaveText(/^[a-z2-9]{4}(-[a-z2-9]{4}){5}$/);
    const passphrase = (await shown.textContent()) ?? '';
    await expectAccessible(page, 'handover before the export');

    await page.getByRole('button', { name: 'Wachtwoord kopiëren' }).first().click();
    await expect(page.getByText('Het klembord wordt over 30 seconden gewist')).toBeVisible();
    expect(app.clipboardText.value).toBe(passphrase);

    const path = join(files.path, 'passphrase.age');
    await createFile(app, path);
    const result = page.getByTestId('export-result');
    await expect(page.getByTestId('result-file-name')).toHaveText('passphrase.age');
    await expect(page.getByTestId('result-fingerprint')).toHaveText(
      /^([0-9a-f]{4} ){15}[0-9a-f]{4}$/,
    );
    await expect(page.getByTestId('result-passphrase')).toHaveText(passphrase);
    await expect(page.getByRole('heading', { name: /opgeslagen/ })).toBeFocused();
    await expect(page.getByTestId('create-status')).toContainText('Opgeslagen als passphrase.age');
    await expectAccessible(page, 'handover after the export');
    await page.screenshot({ path: 'docs/screenshots/task-handover.png', fullPage: true });

    const plaintext = join(files.path, 'passphrase.json');
    await ageWithPassphrase(['-d', '-o', plaintext, path], passphrase, 1);
    const manifest = readManifest(plaintext);
    expect(manifest.clientSecret).toBe(FULL.secret);
    expect(manifest.clientId).toBe(FULL.id);
    expect(manifest.companyNumbers).toEqual(COMPANIES);
    expect(manifest.verification.state).toBe('passed');
    expect(manifest.verification.confirmedDespiteState).toBe(false);

    await result.getByRole('button', { name: 'In map tonen' }).click();
    await expect(result.getByText('De map met het bestand is geopend.')).toBeVisible();
    expect(app.shownInFolder).toEqual([path]);

    await page.getByRole('button', { name: 'E-mail openen in mijn mailprogramma' }).click();
    await expect(page.getByText('Het concept staat klaar in uw mailprogramma.')).toBeVisible();
    expect(app.openedUrls).toHaveLength(1);
    const url = app.openedUrls[0]!;
    expect(url).toMatch(/^mailto:spa\.inkomen@nn\.nl\?subject=/);
    const draft = decodeURIComponent(url);
    expect(draft).toContain(sandbox.baseUrl);
    expect(draft).toContain('40100, 40200');
    expect(draft).toContain('passphrase.age');
    expect(draft).toContain('telefonisch');
    expect(draft).not.toContain(FULL.secret);
    expect(draft).not.toContain(passphrase);

    await page.getByRole('button', { name: 'Tekst tonen om zelf te kopiëren' }).click();
    const text = page.getByRole('textbox', { name: 'Tekst van de e-mail' });
    await expect(text).toHaveValue(/Bedrijfsnummers: 40100, 40200/);
    await page.getByRole('button', { name: 'Tekst kopiëren' }).click();
    await expect(page.getByText('Gekopieerd naar het klembord.')).toBeVisible();
    expect(app.clipboardText.value).toContain(sandbox.baseUrl);
    expect(app.clipboardText.value).not.toContain(passphrase);
    await expectSecretKept(app);
    expect(readFileSync(app.logFile, 'utf8')).not.toContain(passphrase);

    await page.getByRole('link', { name: 'Terug naar de taken' }).click();
    const task = page.getByTestId('task-list').locator('li[data-task="handover"]');
    await expect(task).toContainText('Voltooid');
  });

  test('age keys: export anyway, invalid recipient named', async ({ app }) => {
    const { page } = app;
    const id = await seedFull(page);
    await openHandover(page, id);
    const state = page.getByTestId('verification-state');
    await expect(state).toHaveAttribute('data-state', 'missing');
    await expect(state.getByRole('link', { name: 'Naar Koppeling testen' })).toBeVisible();
    const create = page.getByRole('button', { name: 'Verzegeld bestand maken' });
    await expect(page.getByTestId('create-missing')).toContainText('Toch exporteren');
    await expect(create).toBeDisabled();

    await tick(page.getByRole('radio', { name: /age-sleutels/ }));
    const recipients = page.getByRole('textbox', { name: 'age-ontvangers' });
    const invalid = 'age1ditisgeenechtesleutel';
    await recipients.fill(invalid);
    await expect(page.getByTestId('age-recipients')).toContainText(
      `"${invalid}" is geen geldige age-ontvanger`,
    );
    await expect(recipients).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(page, 'handover with an invalid age recipient');

    const keyFile = join(files.path, 'age-key.txt');
    execFileSync('age-keygen', ['-o', keyFile], { stdio: 'ignore' });
    const recipient = execFileSync('age-keygen', ['-y', keyFile], { encoding: 'utf8' }).trim();
    await recipients.fill(recipient);
    await expect(page.getByTestId('age-recipients')).toContainText('1 geldige age-ontvanger');
    await expect(create).toBeDisabled();
    await tick(page.getByRole('checkbox', { name: 'Toch exporteren zonder geslaagde test' }));
    await expect(create).toBeEnabled();

    const path = join(files.path, 'age-key.age');
    await createFile(app, path);
    await expect(page.getByTestId('result-unverified')).toBeVisible();
    await expect(page.getByTestId('result-passphrase')).toHaveCount(0);

    const plaintext = join(files.path, 'age-key.json');
    execFileSync('age', ['-d', '-i', keyFile, '-o', plaintext, path]);
    const manifest = readManifest(plaintext);
    expect(manifest.clientSecret).toBe(FULL.secret);
    expect(manifest.companyNumbers).toEqual(COMPANIES);
    expect(manifest.verification).toMatchObject({ state: 'missing', confirmedDespiteState: true });

    await page.getByRole('button', { name: 'E-mail openen in mijn mailprogramma' }).click();
    const draft = decodeURIComponent(app.openedUrls[0] ?? '');
    expect(draft).toContain('age -d -i');
    expect(draft).not.toContain('telefonisch door');
    await expectSecretKept(app);
  });

  test('OpenPGP key: fingerprint shown, gpg opens it', async ({ app }) => {
    const { page } = app;
    const gnupg = createGnupgHome();
    try {
      const key = await gnupg.createKey('NN Inkomen <spa.inkomen@nn.example>');
      const id = await seedFull(page);
      await testGreen(page, id);
      await openHandover(page, id);
      await tick(page.getByRole('radio', { name: /OpenPGP-sleutel/ }));
      await page.getByRole('textbox', { name: 'OpenPGP-publieke sleutel' }).fill(key.publicKey);

      const fingerprint = page.getByTestId('openpgp-fingerprint');
      await expect(fingerprint).toBeVisible();
      expect(((await fingerprint.textContent()) ?? '').replace(/ /g, '')).toBe(key.fingerprint);
      await expect(page.getByTestId('openpgp-info')).toContainText('spa.inkomen@nn.example');
      await expectAccessible(page, 'handover with an OpenPGP key');

      const path = join(files.path, 'openpgp.asc');
      await createFile(app, path);
      const plaintext = await gnupg.gpg(['--decrypt', path]);
      const manifest = JSON.parse(plaintext) as Manifest;
      expect(manifest.clientSecret).toBe(FULL.secret);
      expect(manifest.companyNumbers).toEqual(COMPANIES);
      await expectSecretKept(app);
    } finally {
      gnupg.remove();
    }
  });

  test('cancelled save keeps every choice', async ({ app }) => {
    const { page } = app;
    const id = await seedFull(page);
    await testGreen(page, id);
    await openHandover(page, id);

    await tick(page.getByRole('checkbox', { name: 'Mijn eigen wachtwoord gebruiken' }));
    const own = page.getByRole('textbox', { name: 'Eigen wachtwoord' });
    await own.fill('wachtwoord1');
    await expect(page.getByTestId('own-passphrase')).toContainText('te kort');
    await expect(page.getByRole('button', { name: 'Verzegeld bestand maken' })).toBeDisabled();
    const strong = 'Zeilboot Tulpenveld Regenjas Koffiekop 42';
    // A space at the end would be lost when it is read out by phone.
    await own.fill(`${strong} `);
    await expect(page.getByTestId('own-passphrase')).toContainText('eindigt met een spatie');
    await expect(page.getByRole('button', { name: 'Verzegeld bestand maken' })).toBeDisabled();
    await own.fill(strong);
    await expect(page.getByTestId('own-passphrase')).toContainText('Sterk genoeg');

    const phone = page.getByRole('textbox', { name: 'Telefoonnummer' });
    await phone.fill('bel me');
    await expect(page.getByTestId('sender-phone')).toContainText('"bel me" is geen geldig');
    await expect(page.getByRole('button', { name: 'Verzegeld bestand maken' })).toBeDisabled();
    await phone.fill('+31 20 123 4567');
    await page.getByRole('textbox', { name: 'Naam' }).fill('Jan de Vries');

    // No scripted path: the save dialog returns nothing, as when the user cancels.
    await page.getByRole('button', { name: 'Verzegeld bestand maken' }).click();
    await expect(page.getByTestId('create-status')).toContainText('Er is niets misgegaan');
    await expect(page.getByTestId('export-result')).toHaveCount(0);
    await expect(own).toHaveValue(strong);
    await expect(phone).toHaveValue('+31 20 123 4567');
    await expectAccessible(page, 'handover after a cancelled save');

    const path = join(files.path, 'own.age');
    await createFile(app, path);
    await expect(page.getByTestId('result-passphrase')).toHaveText(strong);
    const plaintext = join(files.path, 'own.json');
    await ageWithPassphrase(['-d', '-o', plaintext, path], strong, 1);
    const manifest = readManifest(plaintext);
    expect(manifest.sender).toEqual({ name: 'Jan de Vries', phone: '+31 20 123 4567' });
    expect(readFileSync(app.logFile, 'utf8')).not.toContain(strong);
  });

  test('missing inputs: cannot start, names them', async ({ app }) => {
    const { page } = app;
    const id = await seedConnection(page, {
      name: 'Zonder datums',
      profileId: PROFILE,
      environmentUrl: sandbox.baseUrl,
      clientId: FULL.id,
      secret: FULL.secret,
      companyNumbers: COMPANIES,
    });
    await gotoTask(page, id, 'handover');
    const note = page.getByTestId('handover-cannot-start');
    await expect(note).toContainText('startdatum');
    await expect(note).toContainText('einddatum');
    await expect(note.getByRole('link', { name: 'Naar API-client aanmaken' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Verzegeld bestand maken' })).toHaveCount(0);
    await expectAccessible(page, 'handover that cannot start');
  });

  test('unreadable secret links to the client task', async ({ app }) => {
    const { page } = app;
    const id = await seedFull(page);
    await app.restart({ cipher: { machine: 'another-computer' } });
    await gotoTask(page, id, 'handover');
    const note = page.getByTestId('handover-secret-unreadable');
    await expect(note).toContainText('kan op deze computer niet worden gelezen');
    await expect(note.getByRole('link', { name: 'Naar API-client aanmaken' })).toBeVisible();
  });

  test('reads in English', async ({ app }) => {
    const { page } = app;
    const id = await seedFull(page);
    await page.getByRole('radio', { name: 'English' }).click();
    await gotoTask(page, id, 'handover');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Hand over the credentials' }),
    ).toBeVisible();
    await expect(page.getByTestId('verification-state')).toContainText('not been tested yet');
    await expect(page.getByRole('button', { name: 'Create sealed file' })).toBeDisabled();
    await expect(page.getByTestId('use-before').getByRole('group').first()).toContainText(
      /\d{2}\/\d{2}\/\d{4}/,
    );
    await expectAccessible(page, 'handover in English');
  });
});
