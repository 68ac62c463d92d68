import { DEMO_CLIENTS, startSandbox, type Sandbox } from '../../src/sandbox/index.ts';
import { expectAccessible } from './harness/axe.ts';
import { expect, test } from './harness/app.ts';
import { gotoTask, seedConnection } from './support/seed.ts';
import { createConnection, daysFromToday, openTask, typeDate } from './support/ui.ts';

const PROFILE = 'xpertsuite-loongegevens';
const COMPANIES = ['40100', '40200'];

let sandbox: Sandbox;

test.beforeAll(async () => {
  sandbox = await startSandbox({ host: '127.0.0.1', port: 0 });
});

test.afterAll(async () => {
  await sandbox.close();
});

test.beforeEach(() => {
  sandbox.setOptions({ latencyMs: 0 });
});

/** The demo client's credentials in the shape seedConnection takes. */
function demo(name: keyof typeof DEMO_CLIENTS, overrides: { secret?: string } = {}) {
  const client = DEMO_CLIENTS[name];
  return {
    name: `Demo ${name}`,
    profileId: PROFILE,
    environmentUrl: sandbox.baseUrl,
    clientId: client.id,
    secret: overrides.secret ?? client.secret,
    companyNumbers: COMPANIES,
  };
}

test.describe('verification', () => {
  test('full client: every check passes, through the form', async ({ app }) => {
    const { page } = app;
    const client = DEMO_CLIENTS.full;
    await createConnection(page, 'Bakkerij Van den Berg – test', /XpertSuite Loongegevens/);
    await openTask(page, /API-client aanmaken/);
    await typeDate(page, 'valid-from', daysFromToday(-30));
    await typeDate(page, 'valid-until', daysFromToday(365));
    await page.getByRole('textbox', { name: 'Client-ID' }).fill(client.id);
    await page.getByLabel('Client secret').fill(client.secret);
    await page.getByRole('button', { name: 'Secret opslaan' }).click();
    await expect(page.getByTestId('secret-status')).toContainText('Eindigt op');
    const url = page.getByRole('textbox', { name: 'URL van de Cobra API-omgeving' });
    await url.fill(`${sandbox.baseUrl}/odata/`);
    await url.blur();
    await expect(page.getByTestId('environment-url')).toContainText('lokale testomgeving');
    await expect(url).toHaveValue(sandbox.baseUrl);
    const companies = page.getByRole('textbox', { name: 'Bedrijfsnummers' });
    await companies.fill(COMPANIES.join(', '));
    await companies.blur();
    await expect(page.getByTestId('company-numbers')).toContainText('Herkend: 40100, 40200');
    await page.screenshot({ path: 'docs/screenshots/task-client.png', fullPage: true });

    await page.getByRole('link', { name: /Volgende taak/ }).click();
    await page.getByRole('link', { name: /Volgende taak/ }).click();
    await expect(page.getByTestId('no-report')).toBeVisible();
    await expectAccessible(page, 'test task before a run');
    await page.getByRole('button', { name: 'Test starten' }).click();

    const summary = page.getByTestId('report-summary');
    await expect(summary).toContainText('Alles werkt');
    await expect(page.getByTestId('last-report')).toHaveAttribute('data-verdict', 'pass');
    const matrix = page.getByTestId('endpoint-matrix');
    await expect(matrix.locator('td[data-tone="ok"]')).toHaveCount(8);
    await expect(page.getByTestId('company-matrix').locator('td[data-tone="ok"]')).toHaveCount(2);
    await expect(page.getByTestId('report-time')).toContainText('verzoeken aan Cobra');
    await expectAccessible(page, 'test task with a passed report');
    await page.screenshot({ path: 'docs/screenshots/task-test-pass.png', fullPage: true });

    await page.getByRole('link', { name: 'Terug naar de taken' }).click();
    const task4 = page.getByTestId('task-list').locator('li[data-task="test"]');
    await expect(task4).toContainText('Voltooid');
  });

  test('partial client: exactly the two missing endpoints fail', async ({ app }) => {
    const { page } = app;
    const id = await seedConnection(page, demo('partial'));
    await gotoTask(page, id, 'test');
    await page.getByRole('button', { name: 'Test starten' }).click();

    await expect(page.getByTestId('report-summary')).toContainText(
      'Met fouten: 2 van de 8 endpoints en 0 van de 2 bedrijfsnummers',
    );
    const failed = page.getByTestId('endpoint-matrix').locator('tr:has(td[data-tone="fail"])');
    await expect(failed).toHaveCount(2);
    await expect(failed.nth(0)).toHaveAttribute('data-resource', 'EmploymentHistory');
    await expect(failed.nth(1)).toHaveAttribute('data-resource', 'CalculatedSalaryComponent');
    await expect(failed.nth(0)).toContainText('Werkt niet');
    await expect(failed.nth(0)).toContainText('mag EmploymentHistory niet lezen');
    await expect(failed.nth(0)).toContainText('vinkje');
    await expectAccessible(page, 'test task with a failed report');
    await page.screenshot({ path: 'docs/screenshots/task-test-fail.png', fullPage: true });
  });

  test('expired client and wrong secret: no token, with the fix', async ({ app }) => {
    const { page } = app;
    const expired = await seedConnection(page, demo('expired'));
    await gotoTask(page, expired, 'test');
    await page.getByRole('button', { name: 'Test starten' }).click();
    await expect(page.getByTestId('last-report')).toHaveAttribute('data-verdict', 'error');
    await expect(page.getByTestId('report-summary')).toContainText('Geen verbinding of geen token');
    await expect(page.getByTestId('report-summary')).toContainText('Cobra weigert');

    const wrong = await seedConnection(page, demo('full', { secret: 'not-the-demo-secret-0000' }));
    await gotoTask(page, wrong, 'test');
    await page.getByRole('button', { name: 'Test starten' }).click();
    await expect(page.getByTestId('last-report')).toHaveAttribute('data-verdict', 'error');
    await expect(page.getByTestId('report-summary')).toContainText('client secret');
  });

  test('unknown company number fails its own row', async ({ app }) => {
    const { page } = app;
    const id = await seedConnection(page, { ...demo('full'), companyNumbers: ['40100', '99999'] });
    await gotoTask(page, id, 'test');
    await page.getByRole('button', { name: 'Test starten' }).click();

    const row = page.getByTestId('company-matrix').locator('tr[data-company="99999"]');
    await expect(row.locator('td')).toHaveAttribute('data-tone', 'fail');
    await expect(row).toContainText('Bedrijfsnummer 99999 bestaat niet');
    const known = page.getByTestId('company-matrix').locator('tr[data-company="40100"]');
    await expect(known.locator('td')).toHaveAttribute('data-tone', 'ok');
    await expect(page.getByTestId('report-summary')).toContainText(
      'Met fouten: 0 van de 8 endpoints en 1 van de 2 bedrijfsnummers',
    );
  });

  test('cancel stops a slow run', async ({ app }) => {
    const { page } = app;
    const id = await seedConnection(page, demo('full'));
    sandbox.setOptions({ latencyMs: 1_500 });
    await gotoTask(page, id, 'test');
    await page.getByRole('button', { name: 'Test starten' }).click();
    await expect(page.getByRole('progressbar')).toBeVisible();
    await expectAccessible(page, 'test task while running');
    await page.getByRole('button', { name: 'Test stoppen' }).click();
    await expect(page.getByTestId('last-report')).toHaveAttribute('data-verdict', 'cancelled');
    await expect(page.getByTestId('report-summary')).toContainText('gestopt');
    await expect(page.getByRole('button', { name: 'Opnieuw testen' })).toBeEnabled();
  });

  test('returning to a running test shows its end', async ({ app }) => {
    const { page } = app;
    const id = await seedConnection(page, demo('full'));
    sandbox.setOptions({ latencyMs: 300 });
    await gotoTask(page, id, 'test');
    await page.getByRole('button', { name: 'Test starten' }).click();
    await expect(page.getByRole('progressbar')).toBeVisible();
    await page.getByRole('link', { name: 'Terug naar de taken' }).click();
    await gotoTask(page, id, 'test');

    // The page opened during the run follows it to its end.
    await expect(page.getByRole('progressbar')).toBeVisible();
    await expect(page.getByTestId('last-report')).toHaveAttribute('data-verdict', 'pass', {
      timeout: 30_000,
    });
    await expect(page.getByRole('button', { name: 'Opnieuw testen' })).toBeEnabled();
  });

  test('tests again after an input changed', async ({ app }) => {
    const { page } = app;
    const id = await seedConnection(page, demo('full'));
    await gotoTask(page, id, 'test');
    await page.getByRole('button', { name: 'Test starten' }).click();
    await expect(page.getByTestId('report-summary')).toContainText('Alles werkt');

    await gotoTask(page, id, 'client');
    const companies = page.getByRole('textbox', { name: 'Bedrijfsnummers' });
    await companies.fill('40100, 40300');
    await companies.blur();
    await expect(page.getByTestId('auto-test')).toContainText('Opnieuw getest na uw wijziging');
    await page.getByTestId('auto-test').getByRole('link').click();
    await expect(
      page.getByTestId('company-matrix').locator('tr[data-company="40300"]'),
    ).toHaveCount(1);
    await expect(page.getByTestId('report-stale')).toHaveCount(0);
  });

  test('reads the report in English', async ({ app }) => {
    const { page } = app;
    const id = await seedConnection(page, demo('partial'));
    await page.getByRole('radio', { name: 'English' }).click();
    await gotoTask(page, id, 'test');
    await page.getByRole('button', { name: 'Start test' }).click();
    await expect(page.getByTestId('report-summary')).toContainText(
      'With errors: 2 of the 8 endpoints and 0 of the 2 company numbers',
    );
    const failed = page.getByTestId('endpoint-matrix').locator('tr:has(td[data-tone="fail"])');
    await expect(failed.nth(0)).toContainText('Does not work');
    await expectAccessible(page, 'test task in English');
  });
});
