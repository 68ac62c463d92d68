import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './harness/app.ts';

test.describe('application shell', () => {
  test('opens in Dutch with the main menu', async ({ app }) => {
    const { page } = app;
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Verbindingen' })).toBeVisible();
    await expect(page.getByTestId('no-connections')).toBeVisible();
    await page.screenshot({ path: 'docs/screenshots/shell-start.png' });
  });

  test('reads the start data once per load', async ({ app }) => {
    const { page } = app;
    await expect(page.getByTestId('no-connections')).toBeVisible();
    expect(app.calls.get('connections:list')).toBe(1);
    expect(app.calls.get('profiles:list')).toBe(1);

    // A second visit reads the list again instead of reusing the first read.
    await page.getByRole('link', { name: 'Hulp' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Hulp' })).toBeVisible();
    await page.getByRole('link', { name: 'Verbindingen' }).click();
    await expect(page.getByTestId('no-connections')).toBeVisible();
    await expect.poll(() => app.calls.get('connections:list')).toBe(2);
  });

  test('exposes only the typed API, no Node or ipcRenderer', async ({ app }) => {
    const globals = await app.page.evaluate(() => {
      const page = window as unknown as Record<string, unknown>;
      return {
        api: typeof page['koppelhulp'],
        require: typeof page['require'],
        process: typeof page['process'],
        ipcRenderer: typeof page['ipcRenderer'],
        groups: Object.keys(page['koppelhulp'] as object),
      };
    });
    expect(globals.api).toBe('object');
    expect(globals.require).toBe('undefined');
    expect(globals.process).toBe('undefined');
    expect(globals.ipcRenderer).toBe('undefined');
    expect(globals.groups).toContain('app');
  });

  test('shows the version from main on the About screen', async ({ app }) => {
    await app.page.getByRole('link', { name: 'Over' }).click();
    await expect(app.page.getByTestId('app-info')).toContainText('Versie 0.0.0-test');
    expect(app.calls.get('app:get-info')).toBe(1);
  });

  test('switches to English and keeps the choice after a restart', async ({ app }) => {
    const { page } = app;
    await page
      .getByRole('radiogroup', { name: 'Taal' })
      .getByRole('radio', { name: 'English' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Connections' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    const stored = JSON.parse(readFileSync(join(app.userDataDir, 'settings.json'), 'utf8')) as {
      settings: { language: string };
    };
    expect(stored.settings.language).toBe('en');

    await app.restart();
    await expect(page.getByRole('heading', { level: 1, name: 'Connections' })).toBeVisible();
  });

  test('rejects an invalid payload with the field name and changes nothing', async ({ app }) => {
    const result = await app.page.evaluate(async () => {
      const api = (
        window as unknown as {
          koppelhulp: { app: { updateSettings(p: unknown): Promise<unknown> } };
        }
      ).koppelhulp;
      return api.app.updateSettings({ language: 'fr' });
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'ipc.invalid-payload', field: 'language' },
    });
    const settings = await app.page.evaluate(async () => {
      const api = (
        window as unknown as { koppelhulp: { app: { getSettings(): Promise<unknown> } } }
      ).koppelhulp;
      return api.app.getSettings();
    });
    expect(settings).toMatchObject({ ok: true, value: { language: 'nl' } });
  });

  test('runs under the CSP: inline script is blocked', async ({ app }) => {
    const ran = await app.page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 50));
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(ran).toBe(false);
  });

  test('rejects IPC from an iframe of the page', async ({ app }) => {
    const { page } = app;
    // The CSP forbids frames, so serve this check from a page without it: a
    // subframe must be rejected by the sender check on its own.
    await page.route(`${app.origin}/frame-host.html`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<iframe src="${app.origin}/frame-child.html"></iframe>`,
      }),
    );
    await page.route(`${app.origin}/frame-child.html`, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<p>child</p>' }),
    );
    await page.goto(`${app.origin}/frame-host.html`);
    const child = page.frames().find((frame) => frame.url().endsWith('frame-child.html'));
    expect(child).toBeDefined();
    await expect
      .poll(() =>
        child!.evaluate(() => typeof (window as unknown as { koppelhulp?: unknown }).koppelhulp),
      )
      .toBe('object');
    const result = await child!.evaluate(async () => {
      const api = (window as unknown as { koppelhulp: { app: { getInfo(): Promise<unknown> } } })
        .koppelhulp;
      return api.app.getInfo();
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc.untrusted-sender' } });
  });
});
