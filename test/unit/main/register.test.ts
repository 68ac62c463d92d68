import { describe, expect, it, vi } from 'vitest';

const handlers = vi.hoisted(() => new Map<string, (...args: unknown[]) => Promise<unknown>>());

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: (...args: unknown[]) => Promise<unknown>) => {
      handlers.set(channel, handler);
    },
  },
}));

const { registerIpcHandlers } = await import('../../../src/main/ipc/register.ts');
const { contract } = await import('../../../src/shared/ipc/contract.ts');
const { createHandlers } = await import('../../../src/main/handlers/index.ts');
const { createTestServices } = await import('../../support/services.ts');
const { silentLogger } = await import('../../../src/core/log/logger.ts');

function register() {
  handlers.clear();
  const { services } = createTestServices();
  registerIpcHandlers(contract, createHandlers(services), {
    trustedOrigins: ['app://koppelhulp'],
    log: silentLogger,
  });
}

function eventFrom(url: string, isMainFrame = true) {
  return { senderFrame: { url, parent: isMainFrame ? null : { url } } };
}

describe('ipcMain registration', () => {
  it('registers a handler for every invoke channel of the contract', () => {
    register();
    for (const group of Object.values(contract)) {
      for (const spec of Object.values(group)) {
        if (spec.kind === 'invoke') {
          expect(handlers.has(spec.channel), spec.channel).toBe(true);
        }
      }
    }
  });

  it('answers the app page', async () => {
    register();
    const result = (await handlers.get('app:get-info')!(
      eventFrom('app://koppelhulp/index.html'),
      undefined,
    )) as {
      ok: boolean;
    };
    expect(result.ok).toBe(true);
  });

  it('rejects a message from another origin', async () => {
    register();
    const result = await handlers.get('app:get-info')!(
      eventFrom('https://evil.example/'),
      undefined,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc.untrusted-sender' } });
  });

  it('rejects a message from a subframe of the app', async () => {
    register();
    const result = await handlers.get('app:get-info')!(
      eventFrom('app://koppelhulp/index.html', false),
      undefined,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc.untrusted-sender' } });
  });

  it('rejects a message whose frame is gone', async () => {
    register();
    const result = await handlers.get('app:get-info')!({ senderFrame: null }, undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc.untrusted-sender' } });
  });
});
