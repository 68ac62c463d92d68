import { app, BrowserWindow, session, shell } from 'electron';
import { join } from 'node:path';
import { createLogger } from '../core/log/logger.ts';
import { SecretRegistry } from '../core/log/redact.ts';
import { createSettingsStore } from '../core/settings.ts';
import { contract } from '../shared/ipc/contract.ts';
import type { EventSpec } from '../shared/ipc/define.ts';
import { createElectronLogSink } from './electron/log.ts';
import { createHandlers } from './handlers/index.ts';
import { registerIpcHandlers } from './ipc/register.ts';
import { handleAppProtocol, registerAppScheme } from './protocol.ts';
import { APP_ENTRY_URL, APP_ORIGIN } from './security.ts';
import type { AppServices } from './services.ts';
import { createMainWindow, denyAllPermissions } from './window.ts';

const secrets = new SecretRegistry();
const log = createLogger('main', createElectronLogSink(), secrets);
let mainWindow: BrowserWindow | null = null;

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
  log.info('App started', { version: app.getVersion(), electron: process.versions.electron });
  const here = import.meta.dirname;
  handleAppProtocol(join(here, '../renderer'));
  denyAllPermissions(session.defaultSession);

  const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
  const trustedOrigins = [APP_ORIGIN];
  if (devServerUrl !== undefined) {
    trustedOrigins.push(new URL(devServerUrl).origin);
  }

  const services: AppServices = {
    app: {
      name: app.getName(),
      version: app.getVersion(),
      electronVersion: process.versions.electron ?? null,
      platform: process.platform,
    },
    log,
    secrets,
    settings: createSettingsStore(app.getPath('userData'), log.child('settings')),
    openExternal: (url) => shell.openExternal(url),
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
    title: 'Cobra Koppelhulp',
    log,
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  app.on('before-quit', () => log.info('App stopping'));
}
