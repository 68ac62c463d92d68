import { CLIPBOARD_CLEAR_SECONDS } from '../../shared/clipboard.ts';
import type { Logger } from '../log/logger.ts';

/** The clipboard functions the guard needs; main passes Electron's clipboard. */
export interface ClipboardAccess {
  readText(): Promise<string>;
  writeText(text: string): Promise<void>;
  clear(): void;
}

/** setTimeout and clearTimeout, passed in so tests need not wait. */
export interface Timers {
  setTimeout(callback: () => void, milliseconds: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Node's timers, unreferenced so that a pending clear never keeps a process alive. */
export const realTimers: Timers = {
  setTimeout: (callback, milliseconds) => setTimeout(callback, milliseconds).unref(),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export { CLIPBOARD_CLEAR_SECONDS };

/**
 * Puts a secret on the clipboard and clears it after 30 seconds, but only if
 * the clipboard still holds that secret: whatever the user copied since is
 * left alone.
 */
export class ClipboardGuard {
  readonly #clipboard: ClipboardAccess;
  readonly #timers: Timers;
  readonly #log: Logger;
  #pending: { handle: unknown; secret: string } | undefined;

  constructor(clipboard: ClipboardAccess, timers: Timers, log: Logger) {
    this.#clipboard = clipboard;
    this.#timers = timers;
    this.#log = log;
  }

  async copy(secret: string): Promise<void> {
    this.#cancel();
    await this.#clipboard.writeText(secret);
    // SECURITY: a secret left on the clipboard leaks into every app the user
    // pastes into next, and into clipboard history tools.
    const handle = this.#timers.setTimeout(() => {
      void this.clearIfHolding(secret);
    }, CLIPBOARD_CLEAR_SECONDS * 1000);
    this.#pending = { handle, secret };
  }

  /**
   * Runs the pending clear now, for an app that quits before the 30 seconds
   * are over. Does nothing when no clear is pending.
   */
  async flush(): Promise<void> {
    const pending = this.#pending;
    if (pending !== undefined) {
      await this.clearIfHolding(pending.secret);
    }
  }

  /** Returns true while a copied secret waits to be cleared. */
  get hasPending(): boolean {
    return this.#pending !== undefined;
  }

  /** Clears the clipboard now if it contains `secret`; for a forgotten or deleted secret. */
  async clearIfHolding(secret: string): Promise<void> {
    if (this.#pending?.secret === secret) {
      this.#cancel();
    }
    try {
      if ((await this.#clipboard.readText()) === secret) {
        this.#clipboard.clear();
        this.#log.info('Cleared the copied secret from the clipboard');
      }
    } catch (error) {
      this.#log.warn('Checking the clipboard failed; it may still hold the secret', { error });
    }
  }

  #cancel(): void {
    if (this.#pending !== undefined) {
      this.#timers.clearTimeout(this.#pending.handle);
      this.#pending = undefined;
    }
  }
}
