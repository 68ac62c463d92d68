import type { RendererApi } from '../../src/shared/ipc/contract.ts';
import type { LaunchedApp } from '../../test/e2e/harness/launch.ts';

/** The element the benchmark waits for: the first connection's task list. */
export const TASK_LIST_SELECTOR = '[data-testid="task-list"] a';

/**
 * Creates one connection with part of its checklist ticked, through the
 * page's own API, so every reload after it shows a task list.
 */
export async function seedConnection(app: LaunchedApp): Promise<void> {
  await app.page.evaluate(async () => {
    const api = (window as unknown as { koppelhulp: RendererApi }).koppelhulp;
    const created = await api.connections.create({
      name: 'Benchmark',
      profileId: 'xpertsuite-loongegevens',
    });
    if (!created.ok) {
      throw new Error(created.error.message);
    }
    for (const itemId of ['activate.menu', 'activate.tab']) {
      await api.connections.setChecklistItem({ id: created.value.id, itemId, done: true });
    }
  });
}

/** Fails unless the task list reacts to input, not only is painted. */
export async function checkInteractive(app: LaunchedApp): Promise<void> {
  await app.page.locator(TASK_LIST_SELECTOR).first().click();
  await app.page.waitForURL(/#\/connection\//);
}
