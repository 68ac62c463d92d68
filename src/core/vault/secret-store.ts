import { z } from 'zod';
import type { SecretStatus, StorageStatus } from '../../shared/connection.ts';
import { STORE_NAMES } from '../../shared/app-identity.ts';
import { AppFailure } from '../../shared/result.ts';
import type { Logger } from '../log/logger.ts';
import type { SecretRegistry } from '../log/redact.ts';
import type { NoticeBoard } from './notices.ts';
import { RecordStore } from './record-store.ts';
import { SecretCipher, type SafeStorageFunctions, type SealedSecret } from './safe-storage.ts';
import { secretHint } from './secret-input.ts';

/** Format version of secrets.json that this build writes. */
export const SECRETS_FORMAT_VERSION = 1;

const sealedSecretSchema = z
  .object({
    ciphertext: z.base64().min(1),
    backend: z.string().min(1).max(50),
    storedAt: z.iso.datetime(),
  })
  .strict();

interface MemorySecret {
  secret: string;
  savedAt: string;
}

const NOT_STORED: SecretStatus = {
  stored: false,
  readable: false,
  hint: null,
  storage: null,
  savedAt: null,
};

/**
 * Client secrets by connection id: encrypted with safeStorage in
 * secrets.json, or kept in memory until the app quits when this computer has
 * no usable key store. Decrypted secrets are registered for log redaction.
 * Callers serialize operations per connection.
 */
export class SecretStore {
  readonly #sealed: RecordStore<SealedSecret>;
  readonly #cipher: SecretCipher;
  readonly #registry: SecretRegistry;
  readonly #log: Logger;
  readonly #now: () => Date;
  readonly #memory = new Map<string, MemorySecret>();
  /** Plaintext of decrypted ciphertexts, so the key store is asked once per secret. */
  readonly #opened = new Map<string, { ciphertext: string; secret: string }>();

  constructor(options: {
    directory: string;
    safeStorage: SafeStorageFunctions;
    registry: SecretRegistry;
    log: Logger;
    notices: NoticeBoard;
    now?: () => Date;
  }) {
    this.#now = options.now ?? (() => new Date());
    this.#cipher = new SecretCipher(options.safeStorage, this.#now);
    this.#registry = options.registry;
    this.#log = options.log;
    this.#sealed = new RecordStore({
      directory: options.directory,
      name: STORE_NAMES.secrets,
      key: 'secrets',
      version: SECRETS_FORMAT_VERSION,
      migrations: {},
      entrySchema: sealedSecretSchema,
      log: options.log,
      notices: options.notices,
      now: this.#now,
    });
  }

  storage(): Promise<StorageStatus> {
    return this.#cipher.status();
  }

  async status(connectionId: string): Promise<SecretStatus> {
    const memory = this.#memory.get(connectionId);
    if (memory !== undefined) {
      return {
        stored: true,
        readable: true,
        hint: secretHint(memory.secret),
        storage: 'memory',
        savedAt: memory.savedAt,
      };
    }
    const sealed = this.#sealed.get(connectionId);
    if (sealed === undefined) {
      return NOT_STORED;
    }
    const secret = await this.#open(connectionId, sealed);
    return {
      stored: true,
      readable: secret !== undefined,
      hint: secret === undefined ? null : secretHint(secret),
      storage: 'vault',
      savedAt: sealed.storedAt,
    };
  }

  /** Encrypts and stores a checked secret; throws `vault.storage-unavailable` when it cannot. */
  async save(connectionId: string, secret: string): Promise<void> {
    // SECURITY: registered first, so no log line written from here on can contain it.
    this.#registry.register(secret);
    let sealed: SealedSecret | undefined;
    try {
      sealed = await this.#cipher.seal(secret);
    } catch (error) {
      this.#log.error('Encrypting the client secret failed', { connectionId, error });
      throw new AppFailure(
        'vault.encrypt-failed',
        'The key store of this computer did not encrypt the secret. If the system asked for access to the key store, allow it and save again.',
        { cause: error },
      );
    }
    if (sealed === undefined) {
      const storage = await this.#cipher.status();
      throw new AppFailure(
        'vault.storage-unavailable',
        `This computer cannot store the secret safely (key store: ${storage.backend}). Keep it in memory until the app quits instead.`,
        { params: { backend: storage.backend, reason: storage.reason ?? 'unavailable' } },
      );
    }
    this.#sealed.put(connectionId, sealed);
    this.#opened.set(connectionId, { ciphertext: sealed.ciphertext, secret });
    this.#memory.delete(connectionId);
    this.#log.info('Client secret saved', { connectionId, backend: sealed.backend });
  }

  /** Keeps a checked secret until the app quits; a stored ciphertext stays as it is. */
  keepInMemory(connectionId: string, secret: string): void {
    this.#registry.register(secret);
    this.#memory.set(connectionId, { secret, savedAt: this.#now().toISOString() });
    this.#log.info('Client secret kept in memory until the app quits', { connectionId });
  }

  /** Removes the secret from memory and from disk. */
  forget(connectionId: string): void {
    this.#sealed.delete(connectionId);
    this.#memory.delete(connectionId);
    this.#opened.delete(connectionId);
    this.#log.info('Client secret forgotten', { connectionId });
  }

  /**
   * The plaintext, for main-side use only. Throws `vault.secret-missing` or
   * `vault.secret-unreadable`.
   */
  async read(connectionId: string): Promise<string> {
    const memory = this.#memory.get(connectionId);
    if (memory !== undefined) {
      return memory.secret;
    }
    const sealed = this.#sealed.get(connectionId);
    if (sealed === undefined) {
      throw new AppFailure(
        'vault.secret-missing',
        'No client secret is stored for this connection. Enter it first.',
        { params: { connectionId } },
      );
    }
    const secret = await this.#open(connectionId, sealed);
    if (secret === undefined) {
      throw new AppFailure(
        'vault.secret-unreadable',
        'The client secret of this connection cannot be read on this computer. Enter it again.',
        { params: { connectionId } },
      );
    }
    return secret;
  }

  /** Decrypts a stored secret; undefined when it does not decrypt here. */
  async #open(connectionId: string, sealed: SealedSecret): Promise<string | undefined> {
    const cached = this.#opened.get(connectionId);
    if (cached?.ciphertext === sealed.ciphertext) {
      return cached.secret;
    }
    let opened: { secret: string; shouldReEncrypt: boolean };
    try {
      opened = await this.#cipher.open(sealed);
    } catch (error) {
      // Kept on disk: it may still decrypt for the user or computer that made it.
      this.#log.warn('Stored client secret does not decrypt on this computer', {
        connectionId,
        backend: sealed.backend,
        error,
      });
      return undefined;
    }
    this.#registry.register(opened.secret);
    this.#opened.set(connectionId, { ciphertext: sealed.ciphertext, secret: opened.secret });
    if (opened.shouldReEncrypt) {
      await this.#reEncrypt(connectionId, opened.secret);
    }
    return opened.secret;
  }

  /** Writes a ciphertext again after the key store rotated its key; a failure keeps the old one. */
  async #reEncrypt(connectionId: string, secret: string): Promise<void> {
    try {
      const sealed = await this.#cipher.seal(secret);
      if (sealed !== undefined) {
        this.#sealed.put(connectionId, sealed);
        this.#opened.set(connectionId, { ciphertext: sealed.ciphertext, secret });
      }
    } catch (error) {
      this.#log.warn('Re-encrypting a client secret failed; the old ciphertext stays', {
        connectionId,
        error,
      });
    }
  }
}
