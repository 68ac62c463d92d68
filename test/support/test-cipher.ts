import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { SafeStorageFunctions } from '../../src/core/vault/safe-storage.ts';

export interface TestCipherOptions {
  /** Name of the simulated computer; another name means another key. */
  machine?: string;
  /** What getSelectedStorageBackend reports, such as "basic_text". */
  backend?: string;
  /** What isEncryptionAvailable reports. */
  available?: boolean;
  /** What decryptString reports as shouldReEncrypt, as after a key rotation. */
  reEncrypt?: boolean;
  /** Makes encryptString throw although encryption is available, as a denied Keychain prompt does. */
  encryptFails?: boolean;
}

/**
 * A stand-in for Electron's safeStorage: AES-256-GCM with a key derived from
 * a simulated computer's name. A ciphertext made on one "machine" fails to
 * decrypt on another, as a DPAPI or Keychain ciphertext does on another
 * computer or user account. The fields can be changed during a test.
 */
export function createTestCipher(
  options: TestCipherOptions = {},
): SafeStorageFunctions &
  Required<TestCipherOptions> & { calls: { encrypt: number; decrypt: number } } {
  const state = {
    machine: options.machine ?? 'test-machine',
    backend: options.backend ?? 'test_cipher',
    available: options.available ?? true,
    reEncrypt: options.reEncrypt ?? false,
    encryptFails: options.encryptFails ?? false,
    calls: { encrypt: 0, decrypt: 0 },
  };
  const key = () => createHash('sha256').update(`koppelhulp-test:${state.machine}`).digest();

  return Object.assign(state, {
    isEncryptionAvailable: async () => state.available,
    getSelectedStorageBackend: () => state.backend,
    encryptString: async (plainText: string) => {
      state.calls.encrypt += 1;
      if (!state.available || state.encryptFails) {
        throw new Error('Encryption is not available');
      }
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key(), iv);
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString: async (encrypted: Uint8Array) => {
      state.calls.decrypt += 1;
      const data = Buffer.from(encrypted);
      const decipher = createDecipheriv('aes-256-gcm', key(), data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      const text = Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]);
      return { text: text.toString('utf8'), shouldReEncrypt: state.reEncrypt };
    },
  });
}
