import type { StorageStatus } from '../../shared/connection.ts';

/**
 * The parts of Electron's safeStorage the vault uses, passed in so that the
 * vault runs in plain Node with a test cipher. The Electron adapter maps
 * them to the asynchronous safeStorage functions.
 */
export interface SafeStorageFunctions {
  isEncryptionAvailable(): Promise<boolean>;
  encryptString(plainText: string): Promise<Uint8Array>;
  /**
   * Decrypts a ciphertext made by `encryptString`; throws when it does not
   * decrypt with this computer's key. `shouldReEncrypt` is true when the key
   * store rotated its key and the ciphertext should be written again.
   */
  decryptString(encrypted: Uint8Array): Promise<{ text: string; shouldReEncrypt: boolean }>;
  /** The key store in use: "dpapi", "keychain", or the Linux backend name. */
  getSelectedStorageBackend(): string;
}

/** A secret encrypted at rest, as the secret store keeps it. */
export interface SealedSecret {
  /** safeStorage ciphertext, base64. */
  ciphertext: string;
  /** The key store that made the ciphertext; another one cannot decrypt it. */
  backend: string;
  /** When it was encrypted (ISO 8601). */
  storedAt: string;
}

/**
 * Backends that are refused for storage. "basic_text" is Chromium's Linux
 * fallback when no key store is running: it encrypts with a key that is
 * built into every Chromium, so the ciphertext protects nothing. "unknown"
 * is what safeStorage reports before the app is ready.
 */
// SECURITY: storing with these would write a ciphertext that anyone with the
// file can decrypt, while the user believes the secret is protected.
const REFUSED_BACKENDS: ReadonlyMap<string, StorageStatus['reason']> = new Map([
  ['basic_text', 'basic-text'],
  ['unknown', 'unavailable'],
]);

/** Encrypts and decrypts secrets with safeStorage, refusing key stores that protect nothing. */
export class SecretCipher {
  readonly #storage: SafeStorageFunctions;
  readonly #now: () => Date;

  constructor(storage: SafeStorageFunctions, now: () => Date = () => new Date()) {
    this.#storage = storage;
    this.#now = now;
  }

  async status(): Promise<StorageStatus> {
    const backend = this.#storage.getSelectedStorageBackend();
    const refused = REFUSED_BACKENDS.get(backend);
    if (refused !== undefined) {
      return { backend, canStore: false, reason: refused };
    }
    const available = await this.#storage.isEncryptionAvailable();
    return available
      ? { backend, canStore: true, reason: null }
      : { backend, canStore: false, reason: 'unavailable' };
  }

  /** Encrypts a secret; returns undefined when this computer cannot store it safely. */
  async seal(secret: string): Promise<SealedSecret | undefined> {
    const status = await this.status();
    if (!status.canStore) {
      return undefined;
    }
    const encrypted = await this.#storage.encryptString(secret);
    return {
      ciphertext: Buffer.from(encrypted).toString('base64'),
      backend: status.backend,
      storedAt: this.#now().toISOString(),
    };
  }

  /**
   * Decrypts a stored secret. Throws when it does not decrypt here: another
   * user, another computer, a restored backup or a different key store.
   */
  async open(sealed: SealedSecret): Promise<{ secret: string; shouldReEncrypt: boolean }> {
    const { text, shouldReEncrypt } = await this.#storage.decryptString(
      Buffer.from(sealed.ciphertext, 'base64'),
    );
    return { secret: text, shouldReEncrypt };
  }
}
