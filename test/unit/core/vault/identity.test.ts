import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  KEYCHAIN_ACCOUNT_NAME,
  KEYCHAIN_SERVICE_NAME,
  STORE_NAMES,
} from '../../../../src/shared/app-identity.ts';

/**
 * The names the stored secrets are bound to. A change loses every stored
 * secret or starts a store empty, so the values are written out here: change
 * one only with a migration that moves the data, and then update this test.
 */
describe('vault identity', () => {
  it('keeps the Keychain item of safeStorage', () => {
    expect(KEYCHAIN_SERVICE_NAME).toBe('Cobra Koppelhulp Safe Storage');
    expect(KEYCHAIN_ACCOUNT_NAME).toBe('Cobra Koppelhulp');
  });

  it('keeps the store file names', () => {
    expect(STORE_NAMES).toEqual({
      settings: 'settings',
      connections: 'connections',
      secrets: 'secrets',
    });
  });

  it('fixes the identity before main opens the vault', () => {
    const main = readFileSync('src/main/index.ts', 'utf8');
    const identity = main.indexOf('applyAppIdentity(app');
    expect(identity).toBeGreaterThan(-1);
    expect(identity).toBeLessThan(main.indexOf('app.whenReady()'));
    expect(main.indexOf('app.whenReady()')).toBeLessThan(main.indexOf('createSafeStorage()'));
  });
});
