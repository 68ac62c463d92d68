import type { SecretStatus, StorageStatus } from '../../shared/connection.ts';
import type { CopySecretResult, SaveSecretResult } from '../../shared/ipc/secrets.ts';
import type { Logger } from '../log/logger.ts';
import type { SecretRegistry } from '../log/redact.ts';
import {
  CLIPBOARD_CLEAR_SECONDS,
  ClipboardGuard,
  realTimers,
  type ClipboardAccess,
  type Timers,
} from './clipboard-guard.ts';
import { ConnectionStore } from './connection-store.ts';
import { KeyedQueue } from './keyed-queue.ts';
import { NoticeBoard } from './notices.ts';
import type { SafeStorageFunctions } from './safe-storage.ts';
import { normalizeSecret } from './secret-input.ts';
import { SecretStore } from './secret-store.ts';

export interface VaultOptions {
  /** Folder of connections.json and secrets.json: the userData folder in the app. */
  directory: string;
  safeStorage: SafeStorageFunctions;
  /** Every secret the vault decrypts or receives is registered here for log redaction. */
  registry: SecretRegistry;
  clipboard: ClipboardAccess;
  log: Logger;
  timers?: Timers;
  now?: () => Date;
}

/**
 * The connections and their client secrets. The IPC handlers and other
 * main-side features (verification, sealing) use it; only `readSecret`
 * returns a plaintext, and no IPC channel passes that on to the renderer.
 * Secret operations on one connection run one at a time, in call order.
 */
export class Vault {
  readonly connections: ConnectionStore;
  readonly notices = new NoticeBoard();
  readonly #secrets: SecretStore;
  readonly #clipboard: ClipboardGuard;
  readonly #queue = new KeyedQueue();

  constructor(options: VaultOptions) {
    const log = options.log;
    this.connections = new ConnectionStore({
      directory: options.directory,
      log: log.child('connections'),
      notices: this.notices,
      now: options.now,
    });
    this.#secrets = new SecretStore({
      directory: options.directory,
      safeStorage: options.safeStorage,
      registry: options.registry,
      log: log.child('secrets'),
      notices: this.notices,
      now: options.now,
    });
    this.#clipboard = new ClipboardGuard(
      options.clipboard,
      options.timers ?? realTimers,
      log.child('clipboard'),
    );
  }

  storageStatus(): Promise<StorageStatus> {
    return this.#secrets.storage();
  }

  secretStatus(connectionId: string): Promise<SecretStatus> {
    return this.#queue.run(connectionId, async () => {
      this.connections.get(connectionId);
      return this.#secrets.status(connectionId);
    });
  }

  /** Trims, checks and stores a secret as entered; see `normalizeSecret` for the errors. */
  saveSecret(connectionId: string, entered: string): Promise<SaveSecretResult> {
    return this.#queue.run(connectionId, async () => {
      this.connections.get(connectionId);
      const { secret, trimmed } = normalizeSecret(entered);
      await this.#secrets.save(connectionId, secret);
      return { status: await this.#secrets.status(connectionId), trimmed };
    });
  }

  keepSecretInMemory(connectionId: string, entered: string): Promise<SaveSecretResult> {
    return this.#queue.run(connectionId, async () => {
      this.connections.get(connectionId);
      const { secret, trimmed } = normalizeSecret(entered);
      this.#secrets.keepInMemory(connectionId, secret);
      return { status: await this.#secrets.status(connectionId), trimmed };
    });
  }

  forgetSecret(connectionId: string): Promise<SecretStatus> {
    return this.#queue.run(connectionId, async () => {
      this.connections.get(connectionId);
      await this.#forget(connectionId);
      return this.#secrets.status(connectionId);
    });
  }

  /** Copies the secret to the clipboard in main and clears it again after 30 seconds. */
  copySecret(connectionId: string): Promise<CopySecretResult> {
    return this.#queue.run(connectionId, async () => {
      this.connections.get(connectionId);
      await this.#clipboard.copy(await this.#secrets.read(connectionId));
      return { clearAfterSeconds: CLIPBOARD_CLEAR_SECONDS };
    });
  }

  /**
   * The decrypted secret of a connection, for main-side features only.
   * Throws `connections.not-found`, `vault.secret-missing` or
   * `vault.secret-unreadable`.
   */
  readSecret(connectionId: string): Promise<string> {
    return this.#queue.run(connectionId, async () => {
      this.connections.get(connectionId);
      return this.#secrets.read(connectionId);
    });
  }

  /** Deletes a connection and its secret; the caller has asked the user to confirm. */
  deleteConnection(connectionId: string): Promise<void> {
    return this.#queue.run(connectionId, async () => {
      this.connections.get(connectionId);
      await this.#forget(connectionId);
      this.connections.delete(connectionId);
    });
  }

  /** Returns true while a copied secret waits to be cleared from the clipboard. */
  get clipboardClearPending(): boolean {
    return this.#clipboard.hasPending;
  }

  /** Clears a copied secret from the clipboard now; main calls it before the app quits. */
  clearClipboard(): Promise<void> {
    return this.#clipboard.flush();
  }

  async #forget(connectionId: string): Promise<void> {
    let secret: string | undefined;
    try {
      secret = await this.#secrets.read(connectionId);
    } catch {
      secret = undefined;
    }
    this.#secrets.forget(connectionId);
    if (secret !== undefined) {
      await this.#clipboard.clearIfHolding(secret);
    }
  }
}
