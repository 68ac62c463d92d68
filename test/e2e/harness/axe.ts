import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const AXE_ATTEMPTS = 4;
const AXE_RETRY_DELAY_MS = 500;

/**
 * Runs axe-core on the page as it is now and fails on any serious or
 * critical violation, listing each rule with the elements it found.
 * `state` names the screen and state in the failure message.
 */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  // A violation that lasts only while a transition runs (a focus ring or a
  // popover still moving) is checked again a few times; one that stays fails.
  // The retries are counted, not timed: one analysis alone can take seconds
  // on a loaded machine.
  for (let attempt = 1; attempt < AXE_ATTEMPTS; attempt += 1) {
    if ((await blockingViolations(page)).length === 0) {
      return;
    }
    await page.waitForTimeout(AXE_RETRY_DELAY_MS);
  }
  expect(await blockingViolations(page), `axe violations on ${state}`).toEqual([]);
}

async function blockingViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
    }));
}
