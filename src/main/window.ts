import { BrowserWindow, shell, type Session, type WebContents } from 'electron';
import type { Logger } from '../core/log/logger.ts';
import { decideNavigation, mainWindowWebPreferences } from './security.ts';

export interface WindowOptions {
  preloadPath: string;
  entryUrl: string;
  title: string;
  log: Logger;
}

/**
 * Creates the app's one window, hidden until its first paint so that the user
 * never sees a blank frame.
 */
export function createMainWindow(options: WindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1180,
    height: 820,
    minWidth: 880,
    minHeight: 600,
    show: false,
    title: options.title,
    autoHideMenuBar: true,
    webPreferences: mainWindowWebPreferences(options.preloadPath),
  });

  guardWebContents(window.webContents, options.log);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.entryUrl);
  return window;
}

/**
 * SECURITY: keeps the window on the app page. Navigation and new windows are
 * denied; allow-listed https links open in the system browser instead.
 */
export function guardWebContents(contents: WebContents, log: Logger): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    routeExternal(url, log);
  });
  contents.on('will-redirect', (event, url) => {
    event.preventDefault();
    log.warn('Blocked a redirect of the app window', { url });
  });
  contents.setWindowOpenHandler(({ url }) => {
    routeExternal(url, log);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

function routeExternal(url: string, log: Logger): void {
  if (decideNavigation(url) === 'open-external') {
    void shell.openExternal(url);
    return;
  }
  log.warn('Blocked navigation away from the app page', { url });
}

/** SECURITY: the page gets no camera, microphone, notifications or any other permission. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
