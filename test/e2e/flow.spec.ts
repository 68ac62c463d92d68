/**
 * The whole handover as the two people do it, through the screens only:
 * the administrator walks the five tasks for the sandbox's fully authorised
 * client, and the recipient opens the sealed file and tests it again.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_CLIENTS, startSandbox, type Sandbox } from '../../src/sandbox/index.ts';
import { tempDir } from '../support/seal.ts';
import { expectAccessible } from './harness/axe.ts';
import { expect, test } from './harness/app.ts';
import { createConnection, daysFromToday, tick, typeDate } from './support/ui.ts';

const CLIENT = DEMO_CLIENTS.full;
const COMPANIES = '40100, 40200';

let sandbox: Sandbox;
const files = tempDir('koppelhulp-e2e-flow-');

test.beforeAll(async () => {
  sandbox = await startSandbox({ host: '127.0.0.1', port: 0 });
});

test.afterAll(async () => {
  await sandbox.close();
  files.remove();
});

test('whole handover: five tasks, then the recipient opens the file', async ({ app }) => {
  const { page } = app;
  const taskList = page.getByTestId('task-list');
  const backToTasks = () => page.getByRole('link', { name: 'Terug naar de taken' }).click();

  // Task 1: the Cobra API was already active.
  await createConnection(page, 'Bakkerij Van den Berg', /XpertSuite Loongegevens/);
  await tick(page.getByRole('checkbox', { name: 'De Cobra API was al actief' }));
  await tick(page.getByRole('checkbox', { name: /kosten rekent/ }));

  // Task 2: the API client, as Cobra showed it.
  await page.getByRole('link', { name: /Volgende taak/ }).click();
  await tick(page.getByRole('checkbox', { name: /Rollen/ }));
  await tick(page.getByRole('checkbox', { name: /Cobra API client toevoegen/ }));
  await typeDate(page, 'valid-from', daysFromToday(-1));
  await typeDate(page, 'valid-until', daysFromToday(365));
  await page.getByRole('textbox', { name: 'Client-ID' }).fill(CLIENT.id);
  await page.getByLabel('Client secret').fill(CLIENT.secret);
  await page.getByRole('button', { name: 'Secret opslaan' }).click();
  await expect(page.getByTestId('secret-status')).toContainText(CLIENT.secret.slice(-4));
  const url = page.getByRole('textbox', { name: 'URL van de Cobra API-omgeving' });
  await url.fill(` ${sandbox.baseUrl}/Resources `);
  await url.blur();
  const companies = page.getByRole('textbox', { name: 'Bedrijfsnummers' });
  await companies.fill(COMPANIES);
  await companies.blur();
  await expect(page.getByTestId('company-numbers')).toContainText(`Herkend: ${COMPANIES}`);
  await tick(page.getByRole('checkbox', { name: /Opslaan/ }));

  // Task 3: every endpoint ticked, and the list confirmed with the recipient.
  await page.getByRole('link', { name: /Volgende taak/ }).click();
  for (const box of await page.getByTestId('endpoint-list').getByRole('checkbox').all()) {
    await tick(box);
  }
  await tick(page.getByRole('checkbox', { name: 'De ontvanger heeft deze lijst bevestigd' }));

  // Task 4: the test passes.
  await page.getByRole('link', { name: /Volgende taak/ }).click();
  await page.getByRole('button', { name: 'Test starten' }).click();
  await expect(page.getByTestId('report-summary')).toContainText('Alles werkt');

  // Task 5: sealed with the generated passphrase.
  await page.getByRole('link', { name: /Volgende taak/ }).click();
  await expect(page.getByTestId('verification-state')).toHaveAttribute('data-state', 'passed');
  const passphrase = (await page.getByTestId('generated-passphrase').textContent()) ?? '';
  expect(passphrase).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){5}$/);
  const path = join(files.path, 'bakkerij.age');
  app.dialogAnswers.save.push(path);
  await page.getByRole('button', { name: 'Verzegeld bestand maken' }).click();
  await expect(page.getByTestId('export-result')).toBeVisible({ timeout: 30_000 });
  const fingerprint = (await page.getByTestId('result-fingerprint').textContent()) ?? '';

  await backToTasks();
  await expect(page.getByTestId('task-progress')).toHaveText('U hebt 5 van 5 taken voltooid.');
  for (const task of ['activate', 'client', 'permissions', 'test', 'handover']) {
    await expect(taskList.locator(`li[data-task="${task}"]`), task).toContainText('Voltooid');
  }
  await expectAccessible(page, 'start screen with every task done');

  // The recipient's side, after a restart: nothing of the sender's session is left in memory.
  await app.restart();
  await page.getByRole('link', { name: 'Verzegeld bestand openen' }).click();
  app.dialogAnswers.open.push([path]);
  await page.getByRole('button', { name: 'Bestand kiezen…' }).click();
  await expect(page.getByTestId('file-fingerprint')).toHaveText(fingerprint);
  // Read out by phone, in capitals and with spaces instead of dashes.
  await page
    .getByLabel('Wachtwoord van de afzender')
    .fill(passphrase.toUpperCase().replace(/-/g, ' '));
  await page.getByRole('button', { name: 'Bestand openen' }).click();
  await expect(page.getByTestId('opened-client-id')).toHaveText(CLIENT.id);
  await expect(page.getByTestId('opened-environment-url')).toHaveText(sandbox.baseUrl);
  await expect(page.getByTestId('opened-companies')).toHaveText(COMPANIES);
  await expect(page.getByTestId('sender-test')).toHaveAttribute('data-state', 'passed');

  await page.getByRole('button', { name: 'Testen vanaf deze computer' }).click();
  await expect(page.getByTestId('retest-report')).toHaveAttribute('data-verdict', 'pass');
  await expect(page.getByTestId('report-summary')).toContainText('Alles werkt');

  expect(await page.content()).not.toContain(CLIENT.secret);
  const log = readFileSync(app.logFile, 'utf8');
  expect(log).not.toContain(CLIENT.secret);
  expect(log).not.toContain(passphrase);
});
