import { expect, type Locator, type Page } from '@playwright/test';

/** Creates a connection through the start screen's dialog and waits for task 1. */
export async function createConnection(page: Page, name: string, profile?: string | RegExp) {
  await page.getByRole('link', { name: 'Verbindingen' }).click();
  await page.getByRole('button', { name: 'Nieuwe verbinding' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Naam' }).fill(name);
  if (profile !== undefined) {
    await tick(dialog.getByRole('radio', { name: profile }));
  }
  await dialog.getByRole('button', { name: 'Aanmaken' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cobra API activeren' })).toBeVisible();
}

/** Opens a task of the only connection from the start screen. */
export async function openTask(page: Page, task: RegExp) {
  await page.getByRole('link', { name: 'Verbindingen' }).click();
  await page.getByTestId('task-list').getByRole('link', { name: task }).click();
}

/**
 * Types a date into a react-aria date field segment by segment, in the
 * locale's order: day, month, year for both nl-NL and en-GB.
 */
export async function typeDate(
  page: Page,
  testId: string,
  date: Date,
  options: { delay?: number } = {},
) {
  const day = String(date.getDate()).padStart(2, '0');
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const segments = page.getByTestId(testId).getByRole('spinbutton');
  await segments.first().click();
  await page.keyboard.type(`${day}${month}${date.getFullYear()}`, options);
  // Leaving the field commits the value, as a user tabbing on would.
  await page.keyboard.press('Tab');
}

/** A local date as ISO 8601 (YYYY-MM-DD), as the stores keep it. */
export function isoDate(date: Date): string {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

export function daysFromToday(days: number): Date {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return date;
}

/**
 * Ticks a react-aria checkbox or radio by clicking its label, as a user does:
 * react-aria hides the native input, so Playwright's check() cannot click it.
 */
export async function tick(input: Locator) {
  await input.locator('xpath=ancestor::label[1]').click();
  await expect(input).toBeChecked();
}
