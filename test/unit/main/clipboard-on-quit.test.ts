import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../src/core/log/logger.ts';
import { clearClipboardOnQuit } from '../../../src/main/clipboard-on-quit.ts';

function fakeApp() {
  let listener: ((event: { preventDefault(): void }) => void) | undefined;
  const quit = vi.fn();
  return {
    target: {
      on: (_name: 'before-quit', handler: typeof listener) => {
        listener = handler;
      },
      quit,
    },
    quit,
    /** Emits before-quit and returns whether a listener prevented it. */
    beforeQuit(): boolean {
      let prevented = false;
      listener?.({ preventDefault: () => (prevented = true) });
      return prevented;
    },
  };
}

describe('clearClipboardOnQuit', () => {
  it('lets the app quit when no clear is pending', () => {
    const app = fakeApp();
    const vault = { clipboardClearPending: false, clearClipboard: vi.fn(async () => undefined) };
    clearClipboardOnQuit(app.target, vault, silentLogger);
    expect(app.beforeQuit()).toBe(false);
    expect(vault.clearClipboard).not.toHaveBeenCalled();
  });

  it('clears a pending secret, then quits once', async () => {
    const app = fakeApp();
    const vault = { clipboardClearPending: true, clearClipboard: vi.fn(async () => undefined) };
    clearClipboardOnQuit(app.target, vault, silentLogger);

    expect(app.beforeQuit()).toBe(true);
    expect(vault.clearClipboard).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(1));
    expect(app.beforeQuit()).toBe(false);
  });

  it('quits even when clearing fails', async () => {
    const app = fakeApp();
    const vault = {
      clipboardClearPending: true,
      clearClipboard: vi.fn(async () => {
        throw new Error('clipboard busy');
      }),
    };
    clearClipboardOnQuit(app.target, vault, silentLogger);
    expect(app.beforeQuit()).toBe(true);
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(1));
  });
});
