import type { LaunchedApp } from '../../test/e2e/harness/launch.ts';

/** What the benchmark waits for: the start screen's first task list. */
export const TASK_LIST_SELECTOR = '[data-testid="start-ready"]';

/**
 * Prepares the app state the benchmark loads.
 * TODO: create a connection through the connections API once it exists, and
 * wait for its task list instead of the start screen's heading.
 */
export async function seedConnection(_app: LaunchedApp): Promise<void> {}

/** Fails unless the measured screen reacts to input, not only is painted. */
export async function checkInteractive(app: LaunchedApp): Promise<void> {
  await app.page.getByRole('link', { name: 'Hulp' }).click();
  await app.page.waitForURL(/#\/help/);
}
