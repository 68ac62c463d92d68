import { app, BrowserWindow, clipboard, dialog, net, session, shell } from 'electron';
import { dirname, join } from 'node:path';
import { createLogger } from '../core/log/logger.ts';
import { SecretRegistry } from '../core/log/redact.ts';
import { createSettingsStore, type SettingsStore } from '../core/settings.ts';
import { createWorkerEngine } from '../core/seal/engine.ts';
import { Vault } from '../core/vault/vault.ts';
import { PRODUCT_NAME } from '../shared/app-identity.ts';
import { DEFAULT_LANGUAGE } from '../shared/i18n/resources.ts';
import { contract } from '../shared/ipc/contract.ts';
import type { EventSpec } from '../shared/ipc/define.ts';
import { installCrashHandlers } from './crash.ts';
import { createElectronLogSink, logFilePath } from './electron/log.ts';
import { createSafeStorage } from './electron/safe-storage.ts';
import { clearClipboardOnQuit } from './clipboard-on-quit.ts';
import { createHandlers } from './handlers/index.ts';
import { registerIpcHandlers } from './ipc/register.ts';
import { applyAppIdentity } from './identity.ts';
import { handleAppProtocol, registerAppScheme } from './protocol.ts';
import { APP_ENTRY_URL, APP_ORIGIN } from './security.ts';
import type { AppServices } from './services.ts';
import { createMainWindow, denyAllPermissions } from './window.ts';

// First, before the single-instance lock, the logs or a store touch userData.
applyAppIdentity(app, process.platform);

const secrets = new SecretRegistry();
const log = createLogger('main', createElectronLogSink(), secrets);
let mainWindow: BrowserWindow | null = null;
let settingsStore: SettingsStore | null = null;
const crashHandlers = installCrashHandlers({
  log: log.child('crash'),
  process,
  getWindow: () => mainWindow,
  getLanguage: () => settingsStore?.get().language ?? DEFAULT_LANGUAGE,
});

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // A second start hands over to the running instance and exits.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow !== null) {
      if (mainWindow.isMinimized()) {
        mainWindow.restore();
      }
      mainWindow.focus();
    }
  });
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(start, (error: unknown) => {
    log.error('App failed to start', { error });
    app.exit(1);
  });
}

function start(): void {
  log.info('App started', {
    version: app.getVersion(),
    electron: process.versions.electron,
    platform: process.platform,
    arch: process.arch,
  });
  const here = import.meta.dirname;
  handleAppProtocol(join(here, '../renderer'));
  denyAllPermissions(session.defaultSession);

  const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
  const trustedOrigins = [APP_ORIGIN];
  if (devServerUrl !== undefined) {
    trustedOrigins.push(new URL(devServerUrl).origin);
  }

  const clipboardAdapter: AppServices['clipboard'] = {
    readText: () => clipboard.readText(),
    writeText: (text) => clipboard.writeText(text),
    clear: () => clipboard.clear(),
  };
  const userData = app.getPath('userData');
  const settings = createSettingsStore(userData, log.child('settings'));
  settingsStore = settings;

  // start() runs after app.whenReady(), which safeStorage needs.
  const vault = new Vault({
    directory: userData,
    safeStorage: createSafeStorage(),
    registry: secrets,
    clipboard: clipboardAdapter,
    log: log.child('vault'),
  });
  clearClipboardOnQuit(app, vault, log);

  const services: AppServices = {
    app: {
      name: app.getName(),
      version: app.getVersion(),
      electronVersion: process.versions.electron ?? null,
      platform: process.platform,
    },
    paths: { userData, logs: dirname(logFilePath()) },
    log,
    secrets,
    settings,
    vault,
    // The seal worker is built next to this file as its own entry.
    sealEngine: createWorkerEngine(join(here, 'seal-worker.js')),
    fetch: (input, init) => net.fetch(input as string | Request, init),
    dialogs: {
      showSaveDialog: async (options) => {
        const parent = mainWindow ?? undefined;
        const result = parent
          ? await dialog.showSaveDialog(parent, options)
          : await dialog.showSaveDialog(options);
        return result.canceled ? undefined : result.filePath;
      },
      showOpenDialog: async ({ multiple, ...options }) => {
        const properties: ('openFile' | 'multiSelections')[] = multiple
          ? ['openFile', 'multiSelections']
          : ['openFile'];
        const parent = mainWindow ?? undefined;
        const result = parent
          ? await dialog.showOpenDialog(parent, { ...options, properties })
          : await dialog.showOpenDialog({ ...options, properties });
        return result.canceled ? undefined : result.filePaths;
      },
    },
    clipboard: clipboardAdapter,
    openExternal: (url) => shell.openExternal(url),
    showItemInFolder: (path) => shell.showItemInFolder(path),
    emit: (group, name, payload) => {
      const spec = contract[group][name] as EventSpec<unknown>;
      mainWindow?.webContents.send(spec.channel, payload);
    },
  };
  registerIpcHandlers(contract, createHandlers(services), {
    trustedOrigins,
    log: log.child('ipc'),
  });

  mainWindow = createMainWindow({
    preloadPath: join(here, '../preload/index.cjs'),
    entryUrl: devServerUrl ?? APP_ENTRY_URL,
    title: PRODUCT_NAME,
    log,
  });
  crashHandlers.watchWindow(mainWindow);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  app.on('before-quit', () => log.info('App stopping'));
  app.on('will-quit', () => log.info('App stopped'));
}
