import type { SecretRegistry } from '../core/log/redact.ts';
import type { Logger } from '../core/log/logger.ts';
import type { SettingsStore } from '../core/settings.ts';
import type { AppContract, EventPayload } from '../shared/ipc/contract.ts';

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
  log: Logger;
  secrets: SecretRegistry;
  settings: SettingsStore;
  /** Opens a URL in the system browser; callers check it against the allowlist first. */
  openExternal(url: string): Promise<void>;
  /** Pushes an event to the renderer. */
  emit<Group extends keyof AppContract, Name extends keyof AppContract[Group]>(
    group: Group,
    name: Name,
    payload: EventPayload<Group, Name>,
  ): void;
}
