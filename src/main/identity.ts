import { join } from 'node:path';
import { APP_ID, PRODUCT_NAME, USER_DATA_FOLDER_NAME } from '../shared/app-identity.ts';

/** The part of Electron's `app` that the identity needs; a plain object in tests. */
export interface IdentityTarget {
  setName(name: string): void;
  getPath(name: 'appData'): string;
  setPath(name: 'userData', path: string): void;
  setAppUserModelId(id: string): void;
}

/**
 * Pins the app name, the user data folder and (on Windows) the
 * AppUserModelID to the constants in app-identity.ts, so a rename in
 * package.json or a dev run never moves the key store entries and the stored
 * secrets. Call it before anything reads userData: the single-instance lock,
 * the log files and the stores all live there.
 */
export function applyAppIdentity(app: IdentityTarget, platform: NodeJS.Platform): string {
  app.setName(PRODUCT_NAME);
  const userData = join(app.getPath('appData'), USER_DATA_FOLDER_NAME);
  app.setPath('userData', userData);
  if (platform === 'win32') {
    // Must match the installer's shortcut, or Windows groups notifications
    // and taskbar entries under a second app.
    app.setAppUserModelId(APP_ID);
  }
  return userData;
}
