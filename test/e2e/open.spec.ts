import { armor } from 'age-encryption';
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { generatePassphrase } from '../../src/core/seal/passphrase.ts';
import { fingerprintOf, MAX_SEALED_FILE_BYTES, sealManifest } from '../../src/core/seal/seal.ts';
import { DEMO_CLIENTS, startSandbox, type Sandbox } from '../../src/sandbox/index.ts';
import { serializeManifest, type Manifest } from '../../src/shared/manifest.ts';
import {
  ageWithPassphrase,
  createGnupgHome,
  sampleManifest,
  sampleReport,
  tempDir,
  type GnupgHome,
} from '../support/seal.ts';
import { expectAccessible } from './harness/axe.ts';
import { expect, launchApp, test, type LaunchedApp } from './harness/app.ts';
import { daysFromToday } from './support/ui.ts';

const run = promisify(execFile);
const COMPANIES = ['40100', '40200'];
// A low scrypt work factor for the files the test seals itself; `age -p` uses 18.
const WORK_FACTOR = 10;

let sandbox: Sandbox;
const dir = tempDir('koppelhulp-e2e-open-');

test.beforeAll(async () => {
  sandbox = await startSandbox({ host: '127.0.0.1', port: 0 });
});

test.afterAll(async () => {
  await sandbox.close();
  dir.remove();
});

function isoDay(days: number): string {
  const date = daysFromToday(days);
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

/** A manifest for a sandbox demo client, valid today, with every URL on loopback. */
function demoManifest(name: 'full' | 'partial', overrides: Partial<Manifest> = {}): Manifest {
  const client = DEMO_CLIENTS[name];
  return sampleManifest({
    environmentUrl: sandbox.baseUrl,
    tokenUrl: `${sandbox.baseUrl}/OAuth/Token`,
    clientId: client.id,
    clientSecret: client.secret,
    clientDisplayName: client.displayName,
    validFrom: isoDay(-30),
    validUntil: null,
    useBefore: isoDay(14),
    companyNumbers: COMPANIES,
    sender: {
      name: 'Jan de Vries',
      organisation: 'Bakkerij Van den Berg B.V.',
      email: 'jan@example.nl',
      phone: '+31 20 123 4567',
    },
    ...overrides,
  });
}

/** Seals a manifest with the app's code to a passphrase and writes it to the test folder. */
async function sealToFile(manifest: Manifest, passphrase: string, fileName: string) {
  const sealed = await sealManifest(manifest, {
    kind: 'passphrase',
    passphrase,
    workFactor: WORK_FACTOR,
  });
  const path = join(dir.path, fileName);
  writeFileSync(path, sealed.text);
  return { path, fingerprint: sealed.fingerprint, text: sealed.text };
}

/** Writes a manifest's plaintext, the input of the standard tools. */
function plaintextFile(manifest: Manifest, fileName: string): string {
  const path = join(dir.path, fileName);
  writeFileSync(path, serializeManifest(manifest));
  return path;
}

async function gotoOpen(page: Page) {
  await page.getByRole('link', { name: 'Verzegeld bestand openen' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Verzegeld bestand openen' }),
  ).toBeVisible();
}

async function chooseFile(app: LaunchedApp, path: string) {
  app.dialogAnswers.open.push([path]);
  await app.page.getByRole('button', { name: /^(Ander b|B)estand kiezen…$/ }).click();
  await expect(app.page.getByTestId('file-name')).toHaveText(path.split('/').at(-1)!);
}

async function openWithPassphrase(page: Page, passphrase: string) {
  await page.getByLabel('Wachtwoord van de afzender').fill(passphrase);
  await page.getByRole('button', { name: 'Bestand openen' }).click();
}

/** Fails when the page's text or markup contains the secret anywhere. */
async function expectSecretHidden(page: Page, secret: string) {
  expect(await page.content()).not.toContain(secret);
  expect(await page.locator('body').innerText()).not.toContain(secret);
}

test.describe('open sealed file', () => {
  test('passphrase file: summary, copy, test from this computer', async ({ app }) => {
    const { page } = app;
    const client = DEMO_CLIENTS.full;
    const passphrase = generatePassphrase();
    const manifest = demoManifest('full', {
      verification: { state: 'passed', confirmedDespiteState: false, report: sampleReport() },
    });
    const file = await sealToFile(manifest, passphrase, 'bakkerij.age');

    await gotoOpen(page);
    await expect(page.getByText('Nog geen bestand gekozen.')).toBeVisible();
    await expectAccessible(page, 'open screen, empty');

    // A cancelled dialog changes nothing.
    app.dialogAnswers.open.push([]);
    await page.getByRole('button', { name: 'Bestand kiezen…' }).click();
    await expect(page.getByText('Nog geen bestand gekozen.')).toBeVisible();
    expect(app.calls.get('sealing:choose-file')).toBe(1);

    // By keyboard: the choose button, then the passphrase field, then Enter submits.
    app.dialogAnswers.open.push([file.path]);
    await page.getByRole('button', { name: 'Bestand kiezen…' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('file-name')).toHaveText('bakkerij.age');
    await expect(page.getByTestId('file-format')).toHaveText('age');
    await expect(page.getByTestId('file-fingerprint')).toHaveText(file.fingerprint);
    await expect(page.getByTestId('chosen-file')).toContainText('vergelijk deze vingerafdruk');
    await expect(page.getByLabel('Wachtwoord van de afzender')).toHaveAccessibleDescription(
      /telefonisch voorlas/,
    );
    await expectAccessible(page, 'open screen, file chosen');

    await page.getByLabel('Wachtwoord van de afzender').focus();
    await page.keyboard.type(passphrase);
    await page.keyboard.press('Enter');

    const opened = page.getByTestId('opened');
    await expect(opened).toBeVisible();
    await expect(page.getByTestId('opened-environment-url')).toHaveText(sandbox.baseUrl);
    await expect(page.getByTestId('opened-token-url')).toHaveText(`${sandbox.baseUrl}/OAuth/Token`);
    await expect(page.getByTestId('opened-client-id')).toHaveText(client.id);
    await expect(page.getByTestId('opened-secret')).toHaveText(
      `••••••••${client.secret.slice(-4)}`,
    );
    await expect(page.getByTestId('opened-display-name')).toHaveText(client.displayName);
    await expect(page.getByTestId('opened-companies')).toHaveText('40100, 40200');
    await expect(page.getByTestId('opened-validity')).toContainText('zonder einddatum');
    await expect(page.getByTestId('opened-profile')).toContainText('(versie 1)');
    await expect(page.getByTestId('opened-recipient')).toHaveText('NN Inkomen <spa.inkomen@nn.nl>');
    await expect(page.getByTestId('opened-endpoints').locator('li')).toHaveCount(8);
    await expect(page.getByTestId('opened-sender')).toHaveText(
      'Jan de Vries, Bakkerij Van den Berg B.V., jan@example.nl, +31 20 123 4567',
    );
    await expect(page.getByTestId('opened-created-at')).toContainText('2026');
    await expect(page.getByTestId('sender-test')).toHaveAttribute('data-state', 'passed');
    await expect(page.getByTestId('sender-test')).toContainText('alles werkte');
    await expect(opened.locator('[data-warning]')).toHaveCount(0);
    await expectSecretHidden(page, client.secret);
    await expectAccessible(page, 'open screen, opened');

    await page.getByRole('button', { name: 'Client secret kopiëren' }).click();
    await expect(page.getByTestId('copy-status')).toContainText('30 seconden na het kopiëren');
    expect(app.clipboardText.value).toBe(client.secret);
    await page.getByRole('button', { name: 'Client-ID kopiëren' }).click();
    await expect(page.getByTestId('copy-status')).toHaveText('Client-ID gekopieerd.');
    expect(app.clipboardText.value).toBe(client.id);

    await page.getByRole('button', { name: 'Testen vanaf deze computer' }).click();
    await expect(page.getByTestId('retest-report')).toHaveAttribute('data-verdict', 'pass');
    await expect(page.getByTestId('report-summary')).toContainText('Alles werkt');
    const matrix = page.getByTestId('endpoint-matrix');
    await expect(matrix.locator('td[data-tone="ok"]')).toHaveCount(8);
    await expect(page.getByTestId('company-matrix').locator('td[data-tone="ok"]')).toHaveCount(2);
    await expectSecretHidden(page, client.secret);
    await expectAccessible(page, 'open screen, tested');
    await page.screenshot({ path: 'docs/screenshots/open.png', fullPage: true });

    const requests = sandbox.requestCount();
    await page.getByRole('button', { name: 'Opnieuw testen' }).click();
    await expect.poll(() => sandbox.requestCount()).toBeGreaterThan(requests);
    await expect(page.getByTestId('retest-report')).toHaveAttribute('data-verdict', 'pass');

    const log = readFileSync(app.logFile, 'utf8');
    expect(log).not.toContain(client.secret);
    expect(log).not.toContain(passphrase);

    await page.getByRole('button', { name: 'Bestand sluiten' }).click();
    await expect(page.getByTestId('open-status')).toContainText('Het bestand is gesloten');
    await expect(opened).toHaveCount(0);
    expect(app.calls.get('sealing:close-opened')).toBe(1);
  });

  test('partial client: the matrix shows its two missing endpoints', async ({ app }) => {
    const { page } = app;
    const passphrase = generatePassphrase();
    const report = sampleReport({ verdict: 'fail' });
    const manifest = demoManifest('partial', {
      verification: { state: 'failed', confirmedDespiteState: true, report },
    });
    const file = await sealToFile(manifest, passphrase, 'partial.age');

    await gotoOpen(page);
    await chooseFile(app, file.path);
    await openWithPassphrase(page, passphrase);
    const senderTest = page.getByTestId('sender-test');
    await expect(senderTest).toHaveAttribute('data-state', 'failed');
    await expect(senderTest).toContainText('de laatste test van de afzender is niet geslaagd');
    await expect(senderTest).toContainText('Test de gegevens hieronder');

    await page.getByRole('button', { name: 'Testen vanaf deze computer' }).click();
    await expect(page.getByTestId('report-summary')).toContainText(
      'Met fouten: 2 van de 8 endpoints en 0 van de 2 bedrijfsnummers',
    );
    await expect(page.getByTestId('retest-for-sender')).toContainText('voor de afzender');
    const failed = page.getByTestId('endpoint-matrix').locator('tr:has(td[data-tone="fail"])');
    await expect(failed).toHaveCount(2);
    await expect(failed.nth(0)).toHaveAttribute('data-resource', 'EmploymentHistory');
    await expect(failed.nth(1)).toHaveAttribute('data-resource', 'CalculatedSalaryComponent');
    await expect(failed.nth(0)).toContainText('vinkje');
    await expectAccessible(page, 'open screen, tested with failures');

    // Leaving the screen closes the file.
    await page.getByRole('link', { name: 'Verbindingen' }).click();
    await expect.poll(() => app.calls.get('sealing:close-opened')).toBe(1);
  });

  test('wrong passphrase keeps the file and the text', async ({ app }) => {
    const { page } = app;
    const passphrase = generatePassphrase();
    const manifest = demoManifest('full', {
      validFrom: isoDay(-400),
      validUntil: isoDay(-2),
      useBefore: isoDay(-1),
      sender: {},
    });
    const file = await sealToFile(manifest, passphrase, 'old.age');

    await gotoOpen(page);
    await chooseFile(app, file.path);
    await openWithPassphrase(page, 'k7md-x3pf-9vhs-2nqe-tb4w-r8cy');
    const error = page.getByRole('alert');
    await expect(error).toHaveAttribute('data-error-code', 'sealing.wrong-passphrase');
    await expect(error).toContainText('Met dit wachtwoord gaat het bestand niet open');
    const field = page.getByLabel('Wachtwoord van de afzender');
    await expect(field).toHaveValue('k7md-x3pf-9vhs-2nqe-tb4w-r8cy');
    await expect(field).toBeFocused();
    await expect(page.getByTestId('file-name')).toHaveText('old.age');
    await expectAccessible(page, 'open screen, wrong passphrase');

    // Typed as read out by phone: groups with spaces, in capitals.
    await openWithPassphrase(page, passphrase.toUpperCase().replaceAll('-', ' '));
    await expect(page.getByTestId('opened')).toBeVisible();
    expect(app.calls.get('sealing:choose-file')).toBe(1);
    await expect(page.getByTestId('opened-validity')).toContainText(' tot en met ');
    await expect(page.locator('[data-warning="opened.validityEnded"]')).toBeVisible();
    await expect(page.locator('[data-warning="opened.useBeforePassed"]')).toContainText(
      'Vraag de afzender om een nieuw bestand',
    );
    await expect(page.getByTestId('opened-sender')).toHaveText(
      'De afzender heeft geen contactgegevens ingevuld.',
    );
    await expect(page.getByTestId('sender-test')).toContainText('nooit getest');
    await expectAccessible(page, 'open screen, opened with warnings');

    // Opening another file replaces the first.
    const second = await sealToFile(demoManifest('full'), passphrase, 'second.age');
    await chooseFile(app, second.path);
    await expect(page.getByTestId('opened')).toHaveCount(0);
    await expect(page.getByLabel('Wachtwoord van de afzender')).toHaveValue('');
    expect(app.calls.get('sealing:close-opened')).toBe(1);
  });

  test('leaving while a file opens closes it in main', async ({ page }) => {
    // Main's open waits until the page has left the screen.
    let release = () => undefined as void;
    const left = new Promise<void>((resolve) => {
      release = resolve;
    });
    const app = await launchApp(page, {
      adjustHandlers: (handlers) => {
        const openFile = handlers.sealing.openFile;
        handlers.sealing.openFile = async (request, context) => {
          await left;
          return openFile(request, context);
        };
      },
    });
    try {
      const passphrase = generatePassphrase();
      const file = await sealToFile(demoManifest('full'), passphrase, 'leave.age');
      await gotoOpen(page);
      await chooseFile(app, file.path);
      await openWithPassphrase(page, passphrase);
      await expect(page.getByTestId('open-busy')).toContainText('Bezig met openen');
      await page.getByRole('link', { name: 'Verbindingen' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Verbindingen' })).toBeVisible();
      release();

      await expect.poll(() => app.calls.get('sealing:close-opened')).toBe(1);
      await expect.poll(() => readFileSync(app.logFile, 'utf8')).toContain('Sealed file opened');
    } finally {
      await app.close();
    }
  });

  test('file from age -p, with a busy state and one submit', async ({ app }) => {
    const { page } = app;
    const passphrase = generatePassphrase();
    const path = join(dir.path, 'debian-age-p.age');
    const input = plaintextFile(demoManifest('full'), 'age-p.json');
    await ageWithPassphrase(['-p', '-a', '-o', path, input], passphrase, 2);

    await gotoOpen(page);
    await chooseFile(app, path);
    await expect(page.getByTestId('file-fingerprint')).toHaveText(
      fingerprintOf(readFileSync(path)).fingerprint,
    );
    await page.getByLabel('Wachtwoord van de afzender').fill(passphrase);
    const submit = page.getByRole('button', { name: 'Bestand openen' });
    await submit.click();
    // age -p uses scrypt work factor 18, so the opening takes long enough to see.
    await expect(page.getByTestId('open-busy')).toContainText('Bezig met openen');
    await expect(submit).toBeDisabled();
    await submit.click({ force: true });
    await expect(page.getByTestId('opened')).toBeVisible();
    expect(app.calls.get('sealing:open-file')).toBe(1);
  });

  test('file from age -r, opened with the identity file', async ({ app }) => {
    const { page } = app;
    const identity = join(dir.path, 'identity.txt');
    await run('age-keygen', ['-o', identity]);
    const recipient = (await run('age-keygen', ['-y', identity])).stdout.trim();
    const path = join(dir.path, 'debian-age-r.age');
    const input = plaintextFile(demoManifest('full'), 'age-r.json');
    await run('age', ['-r', recipient, '-a', '-o', path, input]);

    await gotoOpen(page);
    await chooseFile(app, path);
    // Focus moves on to the key, since the choose button was busy.
    await expect(page.getByRole('heading', { level: 2, name: 'Sleutel' })).toBeFocused();
    await expect(page.getByLabel('Wachtwoord van de afzender')).toHaveCount(0);
    await page.getByRole('button', { name: 'Bestand openen' }).click();
    await expect(page.getByTestId('key-missing')).toHaveText('Kies eerst uw sleutelbestand.');

    // A wrong key, then a folder: the folder's error replaces the first key and its error.
    const other = join(dir.path, 'other-identity.txt');
    await run('age-keygen', ['-o', other]);
    app.dialogAnswers.open.push([other]);
    await page.getByRole('button', { name: 'Sleutelbestand kiezen…' }).click();
    await expect(page.getByTestId('key-file')).toHaveText(
      'Gekozen sleutelbestand: other-identity.txt',
    );
    await page.getByRole('button', { name: 'Bestand openen' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'sleutel' })).toHaveCount(1);
    app.dialogAnswers.open.push([dir.path]);
    await page.getByRole('button', { name: /sleutelbestand kiezen…/i }).click();
    await expect(page.getByText('is geen gewoon bestand')).toBeVisible();
    await expect(page.getByTestId('key-file')).toHaveText('Nog geen sleutelbestand gekozen.');
    await expect(page.getByRole('alert')).toHaveCount(1);

    app.dialogAnswers.open.push([identity]);
    await page.getByRole('button', { name: 'Sleutelbestand kiezen…' }).click();
    await expect(page.getByTestId('key-file')).toHaveText('Gekozen sleutelbestand: identity.txt');
    await expectAccessible(page, 'open screen, identity file chosen');
    await page.getByRole('button', { name: 'Bestand openen' }).click();
    await expect(page.getByTestId('opened-client-id')).toHaveText(DEMO_CLIENTS.full.id);
    await expect(page.getByRole('heading', { level: 2, name: 'Inhoud' })).toBeFocused();

    await page.getByRole('button', { name: 'Bestand sluiten' }).click();
    await expect(page.getByRole('button', { name: /estand kiezen…$/ })).toBeFocused();
  });

  test.describe('gpg', () => {
    let gnupg: GnupgHome;
    test.beforeAll(() => {
      gnupg = createGnupgHome();
    });
    test.afterAll(() => gnupg.remove());

    /** Encrypts the demo manifest with gpg -e to `userId` and writes the exported secret key. */
    async function gpgFile(userId: string, keyPassphrase: string | undefined, name: string) {
      const key = await gnupg.createKey(userId, keyPassphrase);
      const keyFile = join(dir.path, `${name}-secret.asc`);
      writeFileSync(keyFile, key.privateKey);
      const path = join(dir.path, `${name}.asc`);
      const input = plaintextFile(demoManifest('full'), `${name}.json`);
      await gnupg.gpg([
        '--trust-model',
        'always',
        '--armor',
        '--encrypt',
        '--recipient',
        key.fingerprint,
        '--output',
        path,
        input,
      ]);
      return { path, keyFile };
    }

    test('opens gpg -e files with and without a key passphrase', async ({ app }) => {
      const { page } = app;
      const plain = await gpgFile('Ontvanger <ontvanger@example.nl>', undefined, 'gpg-plain');
      const keyPassphrase = 'mijn eigen sleutelwachtwoord';
      const locked = await gpgFile('Beveiligd <beveiligd@example.nl>', keyPassphrase, 'gpg-locked');

      await gotoOpen(page);
      await chooseFile(app, plain.path);
      await expect(page.getByTestId('file-format')).toHaveText('OpenPGP');
      app.dialogAnswers.open.push([plain.keyFile]);
      await page.getByRole('button', { name: 'Sleutelbestand kiezen…' }).click();
      await page.getByRole('button', { name: 'Bestand openen' }).click();
      await expect(page.getByTestId('opened-client-id')).toHaveText(DEMO_CLIENTS.full.id);

      await chooseFile(app, locked.path);
      app.dialogAnswers.open.push([locked.keyFile]);
      await page.getByRole('button', { name: 'Sleutelbestand kiezen…' }).click();
      await expect(page.getByLabel('Wachtwoord van uw privésleutel')).toHaveCount(0);
      await page.getByRole('button', { name: 'Bestand openen' }).click();
      await expect(page.getByRole('alert')).toHaveAttribute(
        'data-error-code',
        'sealing.pgp-secret-key-locked',
      );
      const keyField = page.getByLabel('Wachtwoord van uw privésleutel');
      await expect(keyField).toBeFocused();
      await expectAccessible(page, 'open screen, key passphrase asked');

      await keyField.fill('fout');
      await page.getByRole('button', { name: 'Bestand openen' }).click();
      await expect(page.getByRole('alert')).toHaveAttribute(
        'data-error-code',
        'sealing.pgp-secret-key-passphrase-wrong',
      );
      await keyField.fill(keyPassphrase);
      await page.getByRole('button', { name: 'Bestand openen' }).click();
      await expect(page.getByTestId('opened-client-id')).toHaveText(DEMO_CLIENTS.full.id);
      expect(readFileSync(app.logFile, 'utf8')).not.toContain(keyPassphrase);
    });
  });

  test('tampered, foreign and oversized files get their own messages', async ({ app }) => {
    const { page } = app;
    const passphrase = generatePassphrase();
    const file = await sealToFile(demoManifest('full'), passphrase, 'original.age');
    const binary = armor.decode(file.text);
    binary[binary.length - 20] = binary[binary.length - 20]! ^ 0x01;
    const tampered = join(dir.path, 'tampered.age');
    writeFileSync(tampered, armor.encode(binary));
    const foreign = join(dir.path, 'credentials.txt');
    writeFileSync(foreign, 'client_id=abc\nclient_secret=def\n');
    const oversized = join(dir.path, 'oversized.age');
    writeFileSync(oversized, Buffer.alloc(MAX_SEALED_FILE_BYTES + 1, 0x61));

    await gotoOpen(page);
    await chooseFile(app, tampered);
    await openWithPassphrase(page, passphrase);
    const alert = page.getByRole('alert');
    await expect(alert).toHaveAttribute('data-error-code', 'sealing.payload-damaged');
    await expect(alert).toContainText('De inhoud van het verzegelde bestand is gewijzigd');
    await expectAccessible(page, 'open screen, damaged file');

    app.dialogAnswers.open.push([foreign]);
    await page.getByRole('button', { name: 'Ander bestand kiezen…' }).click();
    await expect(alert).toHaveAttribute('data-error-code', 'sealing.not-sealed-file');
    await expect(alert).toContainText('Dit is geen age- of OpenPGP-versleuteld bestand');
    await expect(page.getByTestId('chosen-file')).toHaveCount(0);
    await expectAccessible(page, 'open screen, not a sealed file');

    app.dialogAnswers.open.push([oversized]);
    await page.getByRole('button', { name: 'Bestand kiezen…' }).click();
    await expect(alert).toHaveAttribute('data-error-code', 'sealing.file-too-large');
  });

  test('reads in English', async ({ app }) => {
    const { page } = app;
    const passphrase = generatePassphrase();
    const file = await sealToFile(demoManifest('full'), passphrase, 'english.age');
    await page.getByRole('radio', { name: 'English' }).click();
    await page.getByRole('link', { name: 'Open sealed file' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Open a sealed file' })).toBeVisible();

    app.dialogAnswers.open.push([file.path]);
    await page.getByRole('button', { name: 'Choose file…' }).click();
    await expect(page.getByTestId('chosen-file')).toContainText('compare this fingerprint');
    await page.getByLabel('Passphrase from the sender').fill('wrong');
    await page.getByRole('button', { name: 'Open file' }).click();
    await expect(page.getByRole('alert')).toContainText('This passphrase does not open the file');
    await page.getByLabel('Passphrase from the sender').fill(passphrase);
    await page.getByRole('button', { name: 'Open file' }).click();
    await expect(page.getByTestId('sender-test')).toContainText('never tested');
    await page.getByRole('button', { name: 'Test from this computer' }).click();
    await expect(page.getByTestId('report-summary')).toContainText('Everything works');
    await expectAccessible(page, 'open screen in English, tested');
  });
});
