import { beforeEach, describe, expect, it, vi } from 'vitest';

/** A mocked `electron` module: an app that may or may not be ready, and a safeStorage. */
const mocks = vi.hoisted(() => {
  const state = { ready: true, backend: 'gnome_libsecret' };
  return {
    state,
    app: { isReady: () => state.ready },
    safeStorage: {
      isAsyncEncryptionAvailable: vi.fn(async () => true),
      encryptStringAsync: vi.fn(async (text: string) => Buffer.from(`enc:${text}`)),
      decryptStringAsync: vi.fn(async (data: Buffer) => ({
        result: data.toString().replace(/^enc:/, ''),
        shouldReEncrypt: false,
      })),
      getSelectedStorageBackend: vi.fn(() => state.backend),
    },
  };
});

vi.mock('electron', () => ({ app: mocks.app, safeStorage: mocks.safeStorage }));

const { createSafeStorage } = await import('../../../src/main/electron/safe-storage.ts');

describe('Electron safeStorage adapter', () => {
  beforeEach(() => {
    mocks.state.ready = true;
    mocks.safeStorage.getSelectedStorageBackend.mockClear();
  });

  it('refuses to be created before the app is ready', () => {
    mocks.state.ready = false;
    expect(() => createSafeStorage('darwin')).toThrow(/before app\.whenReady/);
  });

  it('uses the asynchronous safeStorage functions', async () => {
    const storage = createSafeStorage('linux');
    expect(await storage.isEncryptionAvailable()).toBe(true);
    const encrypted = await storage.encryptString('geheim');
    expect(await storage.decryptString(encrypted)).toEqual({
      text: 'geheim',
      shouldReEncrypt: false,
    });
    expect(mocks.safeStorage.encryptStringAsync).toHaveBeenCalledWith('geheim');
  });

  it.each([
    ['win32', 'dpapi'],
    ['darwin', 'keychain'],
    ['linux', 'gnome_libsecret'],
  ] as const)('names the key store on %s %s', (platform, backend) => {
    expect(createSafeStorage(platform).getSelectedStorageBackend()).toBe(backend);
  });

  it('asks Linux for its backend, which may be basic_text', () => {
    mocks.state.backend = 'basic_text';
    expect(createSafeStorage('linux').getSelectedStorageBackend()).toBe('basic_text');
    expect(mocks.safeStorage.getSelectedStorageBackend).toHaveBeenCalled();
  });
});
