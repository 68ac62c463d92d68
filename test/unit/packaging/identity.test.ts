import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBuilderConfig } from '../../../electron-builder.config.ts';
import { applyAppIdentity, type IdentityTarget } from '../../../src/main/identity.ts';
import {
  APP_ID,
  KEYCHAIN_ACCOUNT_NAME,
  KEYCHAIN_SERVICE_NAME,
  PACKAGE_NAME,
  PRODUCT_NAME,
  STORE_NAMES,
  USER_DATA_FOLDER_NAME,
} from '../../../src/shared/app-identity.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string;
  productName: string;
};

/**
 * These values name the key store entries and the folder that hold every
 * stored secret. Changing one makes existing secrets unreadable, so the
 * expected values are written out here on purpose: a change must edit this
 * test too.
 */
describe('app identity', () => {
  it('keeps the exact values of every release', () => {
    expect(APP_ID).toBe('nl.cobra-koppelhulp.app');
    expect(PRODUCT_NAME).toBe('Cobra Koppelhulp');
    expect(USER_DATA_FOLDER_NAME).toBe('Cobra Koppelhulp');
    expect(PACKAGE_NAME).toBe('cobra-koppelhulp');
  });

  it('matches package.json', () => {
    expect(packageJson.productName).toBe(PRODUCT_NAME);
    expect(packageJson.name).toBe(PACKAGE_NAME);
  });

  it('keeps the key store and store file names', () => {
    expect(KEYCHAIN_SERVICE_NAME).toBe('Cobra Koppelhulp Safe Storage');
    expect(KEYCHAIN_ACCOUNT_NAME).toBe('Cobra Koppelhulp');
    expect(STORE_NAMES).toEqual({
      settings: 'settings',
      connections: 'connections',
      secrets: 'secrets',
    });
  });

  it('derives the Keychain item from the packaged product name', () => {
    // Electron names the item after the app name, which main sets to the
    // product name that electron-builder writes into the package.
    const productName = createBuilderConfig({}, 'darwin').productName;
    expect(KEYCHAIN_SERVICE_NAME).toBe(`${productName} Safe Storage`);
    expect(KEYCHAIN_ACCOUNT_NAME).toBe(productName);
  });

  it('matches the electron-builder configuration', () => {
    const config = createBuilderConfig({}, 'win32');
    expect(config.appId).toBe(APP_ID);
    expect(config.productName).toBe(PRODUCT_NAME);
    expect(config.nsis?.shortcutName).toBe(PRODUCT_NAME);
  });
});

describe('applyAppIdentity', () => {
  function fakeApp(appData: string) {
    const calls: string[] = [];
    const target: IdentityTarget = {
      setName: (name) => calls.push(`name=${name}`),
      getPath: () => appData,
      setPath: (name, path) => calls.push(`${name}=${path}`),
      setAppUserModelId: (id) => calls.push(`aumid=${id}`),
    };
    return { target, calls };
  }

  it('sets name, user data folder and AppUserModelID on Windows', () => {
    const { target, calls } = fakeApp('C:\\Users\\ad\\AppData\\Roaming');
    const userData = applyAppIdentity(target, 'win32');
    expect(userData).toBe(join('C:\\Users\\ad\\AppData\\Roaming', 'Cobra Koppelhulp'));
    expect(calls).toEqual([
      'name=Cobra Koppelhulp',
      `userData=${userData}`,
      'aumid=nl.cobra-koppelhulp.app',
    ]);
  });

  it('leaves the AppUserModelID alone on macOS', () => {
    const { target, calls } = fakeApp('/Users/ad/Library/Application Support');
    applyAppIdentity(target, 'darwin');
    expect(calls).toEqual([
      'name=Cobra Koppelhulp',
      'userData=/Users/ad/Library/Application Support/Cobra Koppelhulp',
    ]);
  });
});
