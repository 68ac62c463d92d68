import { app, safeStorage } from 'electron';
import type { SafeStorageFunctions } from '../../core/vault/safe-storage.ts';

/**
 * Electron's safeStorage for the vault, through its asynchronous functions
 * (the synchronous ones are deprecated in Electron 45). Throws when called
 * before the app is ready: on macOS an early call fixes the Keychain item
 * to Chromium's default name instead of "<app name> Safe Storage", and on
 * Linux the backend is still "unknown".
 */
export function createSafeStorage(
  platform: NodeJS.Platform = process.platform,
): SafeStorageFunctions {
  if (!app.isReady()) {
    throw new Error('safeStorage is used before app.whenReady() resolved');
  }
  return {
    isEncryptionAvailable: () => safeStorage.isAsyncEncryptionAvailable(),
    encryptString: (plainText) => safeStorage.encryptStringAsync(plainText),
    decryptString: async (encrypted) => {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(
        Buffer.from(encrypted),
      );
      return { text: result, shouldReEncrypt };
    },
    getSelectedStorageBackend: () => storageBackendName(platform),
  };
}

/**
 * Names the key store: getSelectedStorageBackend exists on Linux only, and
 * the other platforms have one key store each.
 */
// NOTE: getSelectedStorageBackend reports the backend of the synchronous
// functions. That the asynchronous ones use the same backend on Linux is
// assumed, not checked on a Linux desktop.
function storageBackendName(platform: NodeJS.Platform): string {
  if (platform === 'win32') {
    return 'dpapi';
  }
  if (platform === 'darwin') {
    return 'keychain';
  }
  return safeStorage.getSelectedStorageBackend();
}
