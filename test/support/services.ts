import { appendFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, type LogSink } from '../../src/core/log/logger.ts';
import { SecretRegistry } from '../../src/core/log/redact.ts';
import { createSettingsStore } from '../../src/core/settings.ts';
import type { Timers } from '../../src/core/vault/clipboard-guard.ts';
import { Vault } from '../../src/core/vault/vault.ts';
import { createWorkerEngine, sourceWorkerUrl } from '../../src/core/seal/engine.ts';
import type { AppServices } from '../../src/main/services.ts';
import { fetch as undiciFetch } from 'undici';
import { createTestCipher, type TestCipherOptions } from './test-cipher.ts';

export interface TestServices {
  services: AppServices;
  /** Paths the scripted dialogs return next, in order; empty means "cancel". */
  dialogAnswers: { save: string[]; open: string[][] };
  clipboardText: { value: string };
  shownInFolder: string[];
  userDataDir: string;
  logFile: string;
  openedUrls: string[];
  emitted: { group: string; name: string; payload: unknown }[];
  /** The safeStorage stand-in; change `machine` or `backend` to simulate another computer. */
  cipher: ReturnType<typeof createTestCipher>;
}

/** A log sink that appends JSON lines to a file, like electron-log's file transport. */
export function fileSink(path: string): LogSink {
  return (level, scope, message, fields) => {
    appendFileSync(path, `${JSON.stringify({ level, scope, message, ...fields })}\n`);
  };
}

/**
 * Builds the services that main builds from Electron, from test stand-ins:
 * a temporary user data folder, a log file in it and recorded side effects.
 * Only Electron adapters are replaced; the stores and handlers are real.
 */
export function createTestServices(
  options: {
    userDataDir?: string;
    onEmit?: (channel: string, payload: unknown) => void;
    cipher?: TestCipherOptions;
    timers?: Timers;
  } = {},
): TestServices {
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'koppelhulp-test-'));
  mkdirSync(join(userDataDir, 'logs'), { recursive: true });
  const logFile = join(userDataDir, 'logs', 'main.log');
  const secrets = new SecretRegistry();
  const log = createLogger('main', fileSink(logFile), secrets);
  const openedUrls: string[] = [];
  const emitted: TestServices['emitted'] = [];
  const dialogAnswers: TestServices['dialogAnswers'] = { save: [], open: [] };
  const clipboardText = { value: '' };
  const shownInFolder: string[] = [];
  const cipher = createTestCipher(options.cipher);
  const clipboard: AppServices['clipboard'] = {
    readText: async () => clipboardText.value,
    writeText: async (text) => {
      clipboardText.value = text;
    },
    clear: () => {
      clipboardText.value = '';
    },
  };

  const services: AppServices = {
    app: {
      name: 'Cobra Koppelhulp',
      version: '0.0.0-test',
      electronVersion: null,
      platform: process.platform,
    },
    paths: { userData: userDataDir, logs: join(userDataDir, 'logs') },
    log,
    secrets,
    settings: createSettingsStore(userDataDir, log.child('settings')),
    fetch: undiciFetch as unknown as typeof fetch,
    dialogs: {
      showSaveDialog: async () => dialogAnswers.save.shift(),
      showOpenDialog: async () => dialogAnswers.open.shift(),
    },
    vault: new Vault({
      directory: userDataDir,
      safeStorage: cipher,
      registry: secrets,
      clipboard,
      log: log.child('vault'),
      timers: options.timers,
    }),
    // The worker from source, as the app runs its built copy.
    sealEngine: createWorkerEngine(sourceWorkerUrl()),
    timers: options.timers,
    clipboard,
    openExternal: async (url) => {
      openedUrls.push(url);
    },
    showItemInFolder: (path) => {
      shownInFolder.push(path);
    },
    emit: (group, name, payload) => {
      emitted.push({ group, name: String(name), payload });
      options.onEmit?.(`${group}:${String(name)}`, payload);
    },
  };
  return {
    services,
    userDataDir,
    logFile,
    openedUrls,
    emitted,
    dialogAnswers,
    clipboardText,
    shownInFolder,
    cipher,
  };
}
