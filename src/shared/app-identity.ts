/**
 * The app's identity on the operating system. Keep these values the same in
 * every release: the encrypted client secret is bound to them.
 *
 * - Electron's safeStorage keeps its encryption key per app: on macOS in a
 *   keychain item named after the app name, on Windows (DPAPI) in the
 *   `Local State` file inside the user data folder. Another name or folder
 *   means a new key, and every stored secret becomes unreadable.
 * - The app id is the macOS bundle identifier and the Windows
 *   AppUserModelID that the installer gives the Start menu shortcut.
 *
 * The packaging configuration and main both read them from here, and a unit
 * test pins the exact values.
 */

/** Reverse-DNS app id: macOS CFBundleIdentifier, Windows AppUserModelID. */
export const APP_ID = 'nl.cobra-koppelhulp.app';

/** Display name, and the app name that Electron derives key store entries from. */
export const PRODUCT_NAME = 'Cobra Koppelhulp';

/** Name of the per-user data folder under the OS application data folder. */
export const USER_DATA_FOLDER_NAME = 'Cobra Koppelhulp';

/** The npm package name, also the name of the command-line tool. */
export const PACKAGE_NAME = 'cobra-koppelhulp';

/**
 * The Keychain item in which Electron's safeStorage keeps its key on macOS:
 * Electron names it "<app name> Safe Storage", with the app name as account.
 */
export const KEYCHAIN_SERVICE_NAME = `${PRODUCT_NAME} Safe Storage`;
export const KEYCHAIN_ACCOUNT_NAME = PRODUCT_NAME;

/**
 * File names of the stores in the user data folder, without `.json`. A
 * renamed file is a store that starts empty.
 */
export const STORE_NAMES = {
  settings: 'settings',
  connections: 'connections',
  secrets: 'secrets',
} as const;
