import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectAccessible } from './harness/axe.ts';
import { expect, test } from './harness/app.ts';
import {
  createConnection,
  daysFromToday,
  isoDate,
  openTask,
  tick,
  typeDate,
} from './support/ui.ts';

const XPERTSUITE = /XpertSuite Loongegevens/;
const LEARNED = /Learned/;

test.describe('setup assistant', () => {
  test('keeps ticked steps after a restart', async ({ app }) => {
    const { page } = app;
    await expect(page.getByTestId('no-connections')).toBeVisible();
    await expectAccessible(page, 'start screen without connections');

    await page.getByRole('button', { name: 'Nieuwe verbinding' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectAccessible(page, 'create connection dialog');
    await page.getByRole('dialog').getByRole('button', { name: 'Annuleren' }).click();

    await createConnection(page, 'Bakkerij Van den Berg – productie', XPERTSUITE);
    await tick(page.getByRole('checkbox', { name: /Open het menu Beheer/ }));
    await tick(page.getByRole('checkbox', { name: /Kies het tabblad "Activeren"/ }));
    await expectAccessible(page, 'task 1 with two steps ticked');

    await page.getByRole('link', { name: 'Terug naar de taken' }).click();
    const task1 = page.getByTestId('task-list').locator('li[data-task="activate"]');
    await expect(task1).toContainText('Bezig');
    await expect(page.getByTestId('task-progress')).toHaveText('U hebt 0 van 5 taken voltooid.');
    await expectAccessible(page, 'start screen with a connection');
    await page.screenshot({ path: 'docs/screenshots/start.png' });

    await app.restart();
    await expect(task1).toContainText('Bezig');
    await openTask(page, /Cobra API activeren/);
    await expect(page.getByRole('checkbox', { name: /Open het menu Beheer/ })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: /Kies het tabblad/ })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: /voorwaarden/ })).not.toBeChecked();

    await tick(page.getByRole('checkbox', { name: 'De Cobra API was al actief' }));
    await tick(page.getByRole('checkbox', { name: /kosten rekent/ }));
    await page.screenshot({ path: 'docs/screenshots/task-activate.png', fullPage: true });
    await page.getByRole('link', { name: 'Terug naar de taken' }).click();
    await expect(task1).toContainText('Voltooid');
    await expect(page.getByTestId('task-progress')).toHaveText('U hebt 1 van 5 taken voltooid.');

    const stored = JSON.parse(readFileSync(join(app.userDataDir, 'connections.json'), 'utf8')) as {
      connections: Record<string, { checklist: Record<string, boolean> }>;
    };
    const [connection] = Object.values(stored.connections);
    expect(connection?.checklist['activate.already-active']).toBe(true);
  });

  test('renames, and deletes only after confirmation', async ({ app }) => {
    const { page } = app;
    await createConnection(page, 'Test', LEARNED);
    await page.getByRole('link', { name: 'Verbindingen' }).click();

    await page.getByRole('button', { name: 'Naam wijzigen van Test' }).click();
    const rename = page.getByRole('dialog');
    await rename.getByRole('textbox', { name: 'Naam' }).fill('Acceptatie');
    await rename.getByRole('button', { name: 'Naam wijzigen' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Acceptatie' })).toBeVisible();

    await page.getByRole('button', { name: 'Acceptatie verwijderen' }).click();
    await expect(page.getByRole('dialog')).toContainText('In Cobra verandert niets.');
    await expectAccessible(page, 'delete confirmation');
    await page.getByRole('dialog').getByRole('button', { name: 'Annuleren' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Acceptatie' })).toBeVisible();

    await page.getByRole('button', { name: 'Acceptatie verwijderen' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ja, verwijderen' }).click();
    await expect(page.getByTestId('no-connections')).toBeVisible();
  });

  test('checks the client details inline', async ({ app }) => {
    const { page } = app;
    await createConnection(page, 'Productie', XPERTSUITE);
    await openTask(page, /API-client aanmaken/);

    const displayName = page.getByRole('textbox', { name: 'Weergavenaam' });
    await expect(displayName).toHaveValue('XpertSuite Loongegevens');
    await page.getByRole('button', { name: 'Naam kopiëren' }).click();
    await expect.poll(() => app.clipboardText.value).toBe('XpertSuite Loongegevens');

    await typeDate(page, 'valid-from', daysFromToday(10));
    await expect(page.getByTestId('valid-from-warning')).toContainText('ligt in de toekomst');
    await typeDate(page, 'valid-until', daysFromToday(5));
    await expect(page.getByTestId('valid-until')).toContainText(
      'De einddatum ligt vóór de startdatum',
    );
    await typeDate(page, 'valid-from', daysFromToday(-30));
    await expect(page.getByTestId('valid-from-warning')).toHaveCount(0);
    await typeDate(page, 'valid-until', daysFromToday(-1));
    await expect(page.getByTestId('valid-until-warning')).toContainText('al voorbij');

    const clientId = page.getByRole('textbox', { name: 'Client-ID' });
    await clientId.fill('abc def');
    await clientId.blur();
    await expect(page.getByTestId('client-id')).toContainText('spaties, regeleinden');

    const url = page.getByRole('textbox', { name: 'URL van de Cobra API-omgeving' });
    await url.fill('http://apidemo.cobra.sdworx.com');
    await url.blur();
    await expect(page.getByTestId('environment-url')).toContainText('https');

    const companies = page.getByRole('textbox', { name: 'Bedrijfsnummers' });
    await companies.fill('40100, 4O200');
    await companies.blur();
    await expect(page.getByTestId('company-numbers')).toContainText('"4O200"');
    await expectAccessible(page, 'client form with errors');

    await companies.fill('40100\n40200, 40100');
    await companies.blur();
    await expect(page.getByTestId('company-numbers')).toContainText('Herkend: 40100, 40200');

    await page.getByLabel('Client secret').fill('  demo-secret-for-ui-tests-Xy12 ');
    await page.getByRole('button', { name: 'Secret opslaan' }).click();
    await expect(page.getByTestId('secret-status')).toContainText('Eindigt op Xy12.');
    await expect(page.getByText('rond het geplakte secret stonden spaties')).toBeVisible();
    await expect(page.getByLabel('Client secret')).toHaveValue('');

    const stored = JSON.parse(readFileSync(join(app.userDataDir, 'connections.json'), 'utf8')) as {
      connections: Record<string, { companyNumbers: string[]; clientId: string }>;
    };
    const [connection] = Object.values(stored.connections);
    expect(connection?.companyNumbers).toEqual(['40100', '40200']);
    expect(connection?.clientId).toBe('');
  });

  test('stores a retyped date once it is complete', async ({ app }) => {
    const { page } = app;
    await createConnection(page, 'Productie', XPERTSUITE);
    await openTask(page, /API-client aanmaken/);
    await typeDate(page, 'valid-from', daysFromToday(-10));
    await typeDate(page, 'valid-until', daysFromToday(30));
    const stored = () => {
      const file = JSON.parse(readFileSync(join(app.userDataDir, 'connections.json'), 'utf8')) as {
        connections: Record<string, { validFrom: string | null }>;
      };
      return Object.values(file.connections)[0]?.validFrom;
    };

    // Typed one key at a time, the year passes through 2, 20 and 202.
    await typeDate(page, 'valid-from', daysFromToday(-40), { delay: 60 });
    await expect.poll(stored).toBe(isoDate(daysFromToday(-40)));

    // A start after the end is shown as an error once and not stored.
    await typeDate(page, 'valid-from', daysFromToday(40), { delay: 60 });
    await expect(page.getByTestId('valid-until')).toContainText('De einddatum ligt vóór');
    await expect(page.getByText('De einddatum ligt vóór')).toHaveCount(1);
    expect(stored()).toBe(isoDate(daysFromToday(-40)));

    // Moving the end date after it stores both.
    await typeDate(page, 'valid-until', daysFromToday(60));
    await expect.poll(stored).toBe(isoDate(daysFromToday(40)));
  });

  test('lists the endpoints to tick, with salary markers', async ({ app }) => {
    const { page } = app;
    await createConnection(page, 'Productie', XPERTSUITE);
    await openTask(page, /Endpoints aanvinken/);

    await expect(page.getByTestId('endpoints-unconfirmed')).toContainText('spa.inkomen@nn.nl');
    const list = page.getByTestId('endpoint-list');
    await expect(list.locator('tr[data-resource="SalaryEmployment"]')).toContainText(
      'Loongegevens',
    );
    await expect(list.locator('tr[data-resource="Person"]')).not.toContainText('Loongegevens');
    await expectAccessible(page, 'endpoint list');
    await page.screenshot({ path: 'docs/screenshots/task-permissions.png', fullPage: true });

    for (const box of await list.getByRole('checkbox').all()) {
      await tick(box);
    }
    await page.getByRole('link', { name: 'Terug naar de taken' }).click();
    const task3 = page.getByTestId('task-list').locator('li[data-task="permissions"]');
    await expect(task3).toContainText('Bezig');

    await openTask(page, /Endpoints aanvinken/);
    await tick(page.getByRole('checkbox', { name: 'De ontvanger heeft deze lijst bevestigd' }));
    await page.getByRole('link', { name: 'Terug naar de taken' }).click();
    await expect(task3).toContainText('Voltooid');
  });

  test('reads in English with British dates', async ({ app }) => {
    const { page } = app;
    await createConnection(page, 'Production', XPERTSUITE);
    await page.getByRole('radio', { name: 'English' }).click();
    await page.getByRole('link', { name: 'Connections' }).click();
    await expect(page.getByTestId('task-progress')).toHaveText('You have completed 0 of 5 tasks.');
    await page
      .getByTestId('task-list')
      .getByRole('link', { name: /Create the API client/ })
      .click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Create the API client' }),
    ).toBeVisible();
    await typeDate(page, 'valid-from', new Date(2026, 0, 31));
    await expect(page.getByTestId('valid-from').getByRole('group').first()).toContainText(
      '31/01/2026',
    );
    await expectAccessible(page, 'client task in English');
  });
});
