import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * Runs axe-core on the page as it is now and fails on any serious or
 * critical violation, listing each rule with the elements it found.
 * `state` names the screen and state in the failure message.
 */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  // A violation that lasts only while a transition runs (a focus ring or a
  // popover still moving) is retried for a few seconds; one that stays fails.
  await expect(async () => {
    await checkOnce(page, state);
  }).toPass({ timeout: 5_000 });
}

async function checkOnce(page: Page, state: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const blocking = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
    }));
  expect(blocking, `axe violations on ${state}`).toEqual([]);
}
