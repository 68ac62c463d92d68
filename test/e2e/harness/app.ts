import { test as base } from '@playwright/test';
import { launchApp, type LaunchedApp } from './launch.ts';

export { launchApp, type LaunchedApp } from './launch.ts';

/** Playwright test with an `app` fixture: the app opened on a fresh user data folder. */
export const test = base.extend<{ app: LaunchedApp; pageErrors: string[] }>({
  pageErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') {
        errors.push(message.text());
      }
    });
    await use(errors);
  },
  app: async ({ page, pageErrors: _ }, use) => {
    const app = await launchApp(page);
    await use(app);
    await app.close();
  },
});

export { expect } from '@playwright/test';
