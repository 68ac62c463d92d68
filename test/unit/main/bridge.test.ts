import { describe, expect, it, vi } from 'vitest';
import { buildRendererApi } from '../../../src/preload/bridge.ts';
import { contract } from '../../../src/shared/ipc/contract.ts';

function fakeIpc() {
  const listeners = new Map<string, (event: unknown, payload: unknown) => void>();
  return {
    invoke: vi.fn(async (channel: string, payload?: unknown) => ({ channel, payload })),
    on: vi.fn((channel: string, listener: (event: unknown, payload: unknown) => void) => {
      listeners.set(channel, listener);
    }),
    removeListener: vi.fn((channel: string) => {
      listeners.delete(channel);
    }),
    listeners,
  };
}

describe('preload bridge', () => {
  it('exposes exactly one function per contract entry', () => {
    const api = buildRendererApi(contract, fakeIpc()) as unknown as Record<
      string,
      Record<string, unknown>
    >;
    expect(Object.keys(api).sort()).toEqual(Object.keys(contract).sort());
    for (const [group, specs] of Object.entries(contract)) {
      expect(Object.keys(api[group]!).sort()).toEqual(Object.keys(specs).sort());
    }
  });

  it('binds each function to its own channel', async () => {
    const ipc = fakeIpc();
    const api = buildRendererApi(contract, ipc);
    await api.app.updateSettings({ language: 'en' });
    expect(ipc.invoke).toHaveBeenCalledWith('app:update-settings', { language: 'en' });
  });

  it('passes event payloads without the IPC event object', () => {
    const ipc = fakeIpc();
    const api = buildRendererApi(contract, ipc);
    const listener = vi.fn();
    const unsubscribe = api.app.onNotice(listener);
    ipc.listeners.get('app:notice')!({ sender: 'secret internals' }, { code: 'x' });
    expect(listener).toHaveBeenCalledWith({ code: 'x' });
    unsubscribe();
    expect(ipc.removeListener).toHaveBeenCalled();
  });

  it('is frozen so page scripts cannot swap a function', () => {
    const api = buildRendererApi(contract, fakeIpc()) as unknown as Record<
      string,
      Record<string, unknown>
    >;
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.isFrozen(api['app'])).toBe(true);
  });

  it('has no generic invoke or send', () => {
    const api = buildRendererApi(contract, fakeIpc()) as unknown as Record<string, unknown>;
    for (const name of ['invoke', 'send', 'on', 'ipcRenderer']) {
      expect(api[name]).toBeUndefined();
    }
  });
});
