import type { Page } from '@playwright/test';
import type { RendererApi } from '../../../src/shared/ipc/contract.ts';

export interface SeedInput {
  name: string;
  profileId: string;
  environmentUrl: string;
  clientId: string;
  secret: string;
  companyNumbers: string[];
  validFrom?: string | null;
  validUntil?: string | null;
}

/**
 * Creates a complete connection through the page's own API (the real
 * preload and handlers), for tests about what comes after the form.
 * Returns the connection id.
 */
export async function seedConnection(page: Page, input: SeedInput): Promise<string> {
  return page.evaluate(async (seed) => {
    const api = (window as unknown as { koppelhulp: RendererApi }).koppelhulp;
    const created = await api.connections.create({ name: seed.name, profileId: seed.profileId });
    if (!created.ok) {
      throw new Error(created.error.message);
    }
    const id = created.value.id;
    const updated = await api.connections.update({
      id,
      patch: {
        environmentUrl: seed.environmentUrl,
        clientId: seed.clientId,
        companyNumbers: seed.companyNumbers,
        validFrom: seed.validFrom ?? null,
        validUntil: seed.validUntil ?? null,
      },
    });
    if (!updated.ok) {
      throw new Error(updated.error.message);
    }
    const saved = await api.secrets.save({ connectionId: id, secret: seed.secret });
    if (!saved.ok) {
      throw new Error(saved.error.message);
    }
    return id;
  }, input);
}

/** Opens a task page of a connection directly by its address. */
export async function gotoTask(page: Page, connectionId: string, task: string): Promise<void> {
  await page.evaluate(
    ([id, name]) => {
      window.location.hash = `#/connection/${id}/${name}`;
    },
    [connectionId, task] as const,
  );
}
