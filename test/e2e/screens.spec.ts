import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectAccessible } from './harness/axe.ts';
import { expect, test } from './harness/app.ts';

test.describe('shell screens', () => {
  test('skip link is the first stop and focuses the content', async ({ app }) => {
    const { page } = app;
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Naar de inhoud' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('#main')).toBeFocused();
    expect(page.url()).not.toContain('#main');
    await expectAccessible(page, 'start screen');
  });

  test('settings store the network limits', async ({ app }) => {
    const { page } = app;
    await page.getByRole('link', { name: 'Instellingen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Instellingen' })).toBeVisible();
    await expectAccessible(page, 'settings screen');
    await page.screenshot({ path: 'docs/screenshots/settings.png', fullPage: true });

    const timeout = page.getByRole('textbox', { name: 'Wachttijd per verzoek (seconden)' });
    await expect(timeout).toHaveValue('15');
    await timeout.fill('30');
    const concurrency = page.getByRole('textbox', { name: 'Gelijktijdige verzoeken' });
    await concurrency.fill('2');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Instellingen opgeslagen.' }),
    ).toBeVisible();

    const stored = JSON.parse(readFileSync(join(app.userDataDir, 'settings.json'), 'utf8')) as {
      settings: { network: { requestTimeoutMs: number; concurrency: number } };
    };
    expect(stored.settings.network).toEqual({ requestTimeoutMs: 30_000, concurrency: 2 });
  });

  test('settings reject a timeout out of range', async ({ app }) => {
    const { page } = app;
    await page.getByRole('link', { name: 'Instellingen' }).click();
    const timeout = page.getByRole('textbox', { name: 'Wachttijd per verzoek (seconden)' });
    await timeout.fill('500');
    await timeout.blur();
    // NumberField clamps to its maximum on blur, so the stored value stays in range.
    await expect(timeout).toHaveValue('120');
  });

  test('help names who to ask, in both languages', async ({ app }) => {
    const { page } = app;
    await page.getByRole('link', { name: 'Hulp' }).click();
    await expect(page.getByText('Over Cobra zelf: SD Worx')).toBeVisible();
    await expect(page.getByTestId('help-recipients')).toContainText(
      'NN Inkomensverzekeringen (XpertSuite, Otherside at Work), spa.inkomen@nn.nl',
    );
    await expectAccessible(page, 'help screen');
    await page.screenshot({ path: 'docs/screenshots/help.png', fullPage: true });
    await page.getByRole('radio', { name: 'English' }).click();
    await expect(page.getByText('About Cobra itself: SD Worx')).toBeVisible();
    await expectAccessible(page, 'help screen in English');
  });

  test('about and open screens pass axe', async ({ app }) => {
    const { page } = app;
    await page.getByRole('link', { name: 'Over' }).click();
    await expect(page.getByTestId('app-info')).toBeVisible();
    await expectAccessible(page, 'about screen');
    await page.screenshot({ path: 'docs/screenshots/about.png', fullPage: true });
    await page.getByRole('link', { name: 'Verzegeld bestand openen' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Verzegeld bestand openen');
    await expectAccessible(page, 'open screen');
  });
});
