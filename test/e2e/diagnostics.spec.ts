import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppInfo } from '../../src/shared/ipc/app.ts';
import type { HandlerMap } from '../../src/shared/ipc/contract.ts';
import { expect, launchApp, test } from './harness/app.ts';

test.describe('crash screen', () => {
  // A getInfo handler that returns no value is the kind of bug in main that
  // makes a screen throw while rendering: the About screen reads `info.version`.
  const brokenInfo = {
    adjustHandlers: (handlers: HandlerMap) => {
      handlers.app.getInfo = () => undefined as unknown as AppInfo;
    },
  };

  test('replaces a screen that throws and reports the error to main', async ({ page }) => {
    const app = await launchApp(page, brokenInfo);
    try {
      await page.getByRole('link', { name: 'Over' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Er ging iets mis' })).toBeVisible();
      await expect(page.getByTestId('crash-details')).toContainText('TypeError');
      await expect.poll(() => readFileSync(app.logFile, 'utf8')).toContain('"source":"react"');
      expect(app.calls.get('app:report-renderer-error')).toBeGreaterThanOrEqual(1);
    } finally {
      await app.close();
    }
  });

  test('copies the details through main', async ({ page }) => {
    const app = await launchApp(page, brokenInfo);
    try {
      await page.getByRole('link', { name: 'Over' }).click();
      await page.getByRole('button', { name: 'Details kopiëren' }).click();
      await expect(
        page.getByRole('status').filter({ hasText: 'Details gekopieerd.' }),
      ).toBeVisible();
      expect(app.clipboardText.value).toContain('TypeError');
      expect(app.calls.get('diagnostics:copy-error-details')).toBe(1);
    } finally {
      await app.close();
    }
  });

  test('saves a diagnostics file from the crash screen', async ({ page }) => {
    const app = await launchApp(page, brokenInfo);
    try {
      await page.getByRole('link', { name: 'Over' }).click();
      const target = join(app.userDataDir, 'crash-diagnostics.zip');
      app.dialogAnswers.save.push(target);
      await page.getByRole('button', { name: 'Diagnosebestand opslaan' }).click();
      await expect(page.getByText(`Diagnosebestand opgeslagen in ${target}.`)).toBeVisible();
      expect(existsSync(target)).toBe(true);
    } finally {
      await app.close();
    }
  });
});

test.describe('help screen', () => {
  test('exports diagnostics and reports a cancelled dialog', async ({ app }) => {
    const { page } = app;
    await page.getByRole('link', { name: 'Hulp' }).click();
    const button = page.getByRole('button', { name: 'Diagnosebestand opslaan' });

    await button.click();
    await expect(page.getByText('Niet opgeslagen.')).toBeVisible();

    const target = join(app.userDataDir, 'diagnostics.zip');
    app.dialogAnswers.save.push(target);
    await button.click();
    await expect(page.getByText(`Diagnosebestand opgeslagen in ${target}.`)).toBeVisible();
    expect(readFileSync(target).subarray(0, 2).toString('latin1')).toBe('PK');
  });
});

test.describe('about screen', () => {
  test('lists the third-party licences with their texts', async ({ app }) => {
    const { page } = app;
    await page.getByRole('link', { name: 'Over' }).click();
    await expect(
      page.getByRole('heading', { level: 2, name: 'Opensourcelicenties' }),
    ).toBeVisible();
    const list = page.getByTestId('licence-list');
    const react = list.locator('summary', { hasText: /^react \S+ \(MIT\)$/ });
    await expect(react).toBeVisible();
    await react.click();
    await expect(list.locator('details[open] pre')).toContainText('Permission is hereby granted');
  });
});
