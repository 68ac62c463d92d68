import type { SecretRegistry } from '../core/log/redact.ts';
import type { Logger } from '../core/log/logger.ts';
import type { SettingsStore } from '../core/settings.ts';
import type { SealEngine } from '../core/seal/engine.ts';
import type { Timers } from '../core/vault/clipboard-guard.ts';
import type { Vault } from '../core/vault/vault.ts';
import type { AppContract, EventPayload } from '../shared/ipc/contract.ts';

export interface FileFilter {
  name: string;
  extensions: string[];
}

/** The system file dialogs; undefined means the user cancelled. */
export interface Dialogs {
  showSaveDialog(options: {
    title: string;
    defaultPath: string;
    filters: FileFilter[];
  }): Promise<string | undefined>;
  showOpenDialog(options: {
    title: string;
    filters: FileFilter[];
    multiple?: boolean;
  }): Promise<string[] | undefined>;
}

/** The system clipboard, plain text only. Electron 45's clipboard is asynchronous. */
export interface Clipboard {
  readText(): Promise<string>;
  writeText(text: string): Promise<void>;
  clear(): void;
}

/**
 * What the IPC handlers may use. Main builds it from Electron's APIs; the
 * end-to-end harness builds it from test stand-ins. Nothing in here is an
 * Electron type, so handlers run in plain Node.
 */
export interface AppServices {
  app: {
    name: string;
    version: string;
    electronVersion: string | null;
    platform: string;
  };
  paths: {
    /** Per-user data folder: the stores live here. */
    userData: string;
    /** Folder of the log files. */
    logs: string;
  };
  log: Logger;
  secrets: SecretRegistry;
  settings: SettingsStore;
  /**
   * Connections and their client secrets. Other features read a decrypted
   * secret with `vault.readSecret(connectionId)`; it must never be returned
   * to the renderer.
   */
  vault: Vault;
  /**
   * Seals and opens credentials files: a worker thread in the app, so scrypt
   * never blocks the main process's event loop.
   */
  sealEngine: SealEngine;
  /** Timers for delayed work such as clearing the clipboard; tests pass fake ones. */
  timers?: Timers;
  /** Fetch API for calls to Cobra: Electron's net.fetch in the app, undici's fetch in tests. */
  fetch: typeof fetch;
  dialogs: Dialogs;
  clipboard: Clipboard;
  /** Opens a URL in the system browser; callers check it against the allowlist first. */
  openExternal(url: string): Promise<void>;
  /** Shows a file in Explorer or Finder. */
  showItemInFolder(path: string): void;
  /** Pushes an event to the renderer. */
  emit<Group extends keyof AppContract, Name extends keyof AppContract[Group]>(
    group: Group,
    name: Name,
    payload: EventPayload<Group, Name>,
  ): void;
}
