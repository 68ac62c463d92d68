import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, type LogSink } from '../../../../src/core/log/logger.ts';
import { SecretRegistry } from '../../../../src/core/log/redact.ts';
import type { Timers } from '../../../../src/core/vault/clipboard-guard.ts';
import { Vault } from '../../../../src/core/vault/vault.ts';
import { createTestCipher, type TestCipherOptions } from '../../../support/test-cipher.ts';

/** Timers that fire only when the test says so. */
export function manualTimers(): Timers & { pending: number; fireAll(): void; delays: number[] } {
  const queue = new Map<number, () => void>();
  const delays: number[] = [];
  let next = 1;
  return {
    delays,
    get pending() {
      return queue.size;
    },
    setTimeout(callback, milliseconds) {
      const handle = next++;
      queue.set(handle, callback);
      delays.push(milliseconds);
      return handle;
    },
    clearTimeout(handle) {
      queue.delete(handle as number);
    },
    fireAll() {
      const callbacks = [...queue.values()];
      queue.clear();
      callbacks.forEach((callback) => callback());
    },
  };
}

export interface VaultFixture {
  vault: Vault;
  directory: string;
  cipher: ReturnType<typeof createTestCipher>;
  registry: SecretRegistry;
  clipboard: { value: string; cleared: number };
  timers: ReturnType<typeof manualTimers>;
  logLines: string[];
  /** Opens a new vault over the same folder, as after a restart. */
  reopen(cipher?: TestCipherOptions): VaultFixture;
}

export function tempDirectory(): string {
  return mkdtempSync(join(tmpdir(), 'koppelhulp-vault-'));
}

export function openVault(
  directory: string = tempDirectory(),
  cipherOptions: TestCipherOptions = {},
): VaultFixture {
  const cipher = createTestCipher(cipherOptions);
  const registry = new SecretRegistry();
  const logLines: string[] = [];
  const sink: LogSink = (level, scope, message, fields) => {
    logLines.push(JSON.stringify({ level, scope, message, ...fields }));
  };
  const clipboard = { value: '', cleared: 0 };
  const timers = manualTimers();
  const vault = new Vault({
    directory,
    safeStorage: cipher,
    registry,
    log: createLogger('test', sink, registry),
    timers,
    clipboard: {
      readText: async () => clipboard.value,
      writeText: async (text) => {
        clipboard.value = text;
      },
      clear: () => {
        clipboard.value = '';
        clipboard.cleared += 1;
      },
    },
  });
  return {
    vault,
    directory,
    cipher,
    registry,
    clipboard,
    timers,
    logLines,
    reopen: (options = cipherOptions) => openVault(directory, options),
  };
}

export function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

export function writeJson(path: string, value: unknown): void {
  writeFileSync(path, JSON.stringify(value, null, 2));
}

export function filesIn(directory: string): string[] {
  return readdirSync(directory).sort();
}
