import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Configuration } from 'electron-builder';
import { describe, expect, it } from 'vitest';
import {
  ELECTRON_FUSES,
  createBuilderConfig,
  notarizationMethod,
} from '../../../electron-builder.config.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const require = createRequire(import.meta.url);

interface BuilderInternals {
  getConfig(projectDir: string, configPath: string, fromOptions: null): Promise<Configuration>;
  validateConfiguration(config: Configuration, logger: unknown): Promise<void>;
}
const builder = require('app-builder-lib/out/util/config/config') as BuilderInternals;
const { DebugLogger } = require('builder-util') as {
  DebugLogger: new (enabled: boolean) => unknown;
};

const SIGNING = { CSC_LINK: '/certs/developer-id.p12', CSC_KEY_PASSWORD: 'not-a-real-password' };
const APPLE_ID = {
  APPLE_ID: 'release@example.invalid',
  APPLE_APP_SPECIFIC_PASSWORD: 'abcd-efgh-ijkl-mnop',
  APPLE_TEAM_ID: 'ABCDE12345',
};

/** The hardening each fuse must have; weakening any entry fails the tests below. */
const REQUIRED_FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  enableCookieEncryption: true,
  grantFileProtocolExtraPrivileges: false,
};

async function loadThroughElectronBuilder(): Promise<Configuration> {
  return builder.getConfig(root, 'electron-builder.config.ts', null);
}

describe('electron fuses', () => {
  it.each(Object.entries(REQUIRED_FUSES))('sets %s to %s', async (fuse, expected) => {
    const loaded = await loadThroughElectronBuilder();
    const fuses = loaded.electronFuses as Record<string, unknown>;
    expect(fuses[fuse]).toBe(expected);
  });

  it.each([
    ['unsigned', {}],
    ['signed and notarised', { ...SIGNING, ...APPLE_ID }],
  ])('keeps every fuse when %s', (_name, env) => {
    const fuses = createBuilderConfig(env, 'darwin').electronFuses as Record<string, unknown>;
    for (const [fuse, expected] of Object.entries(REQUIRED_FUSES)) {
      expect(fuses[fuse], fuse).toBe(expected);
    }
  });

  it('exports the fuse table that the config uses', () => {
    expect(ELECTRON_FUSES).toMatchObject(REQUIRED_FUSES);
  });

  it('re-signs ad hoc only when there is no signing identity', () => {
    expect(createBuilderConfig({}, 'darwin').electronFuses?.resetAdHocDarwinSignature).toBe(true);
    expect(createBuilderConfig(SIGNING, 'darwin').electronFuses?.resetAdHocDarwinSignature).toBe(
      false,
    );
  });
});

describe('electron-builder configuration', () => {
  it('passes electron-builder schema validation', async () => {
    const loaded = await loadThroughElectronBuilder();
    await expect(
      builder.validateConfiguration(loaded, new DebugLogger(false)),
    ).resolves.toBeUndefined();
  });

  it('fails schema validation with a misspelt option', async () => {
    const loaded = await loadThroughElectronBuilder();
    const broken = { ...loaded, nsis: { ...loaded.nsis, perMachin: true } } as Configuration;
    await expect(builder.validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(
      /configuration\.nsis/,
    );
  });

  it('builds a per-user NSIS installer that needs no admin rights', () => {
    const config = createBuilderConfig({}, 'win32');
    expect(config.nsis?.perMachine).toBe(false);
    expect(config.nsis?.oneClick).toBe(true);
    expect(config.nsis?.packElevateHelper).toBe(false);
    expect(config.nsis?.deleteAppDataOnUninstall).toBe(false);
    expect(config.portable?.requestExecutionLevel).toBe('user');
  });

  it('edits the Windows executable to embed the asar hash', () => {
    expect(createBuilderConfig({}, 'win32').win?.signAndEditExecutable).toBe(true);
  });

  it('targets NSIS and portable on Windows', () => {
    const targets = createBuilderConfig({}, 'win32').win?.target as { target: string }[];
    expect(targets.map((entry) => entry.target)).toEqual(['nsis', 'portable']);
  });

  it('builds dmg images for arm64 and x64 with the hardened runtime', () => {
    const mac = createBuilderConfig({}, 'darwin').mac!;
    expect(mac.target).toEqual([{ target: 'dmg', arch: ['arm64', 'x64'] }]);
    expect(mac.hardenedRuntime).toBe(true);
    expect(mac.entitlements).toBe('build/entitlements.mac.plist');
    expect(mac.entitlementsInherit).toBe('build/entitlements.mac.plist');
  });

  it('publishes nothing and has no update feed', () => {
    const config = createBuilderConfig(SIGNING, 'darwin');
    expect(config.publish).toBeNull();
    expect(JSON.stringify(config)).not.toMatch(/electron-updater|generic|github/i);
  });

  it('packages only the app build output and package.json', () => {
    expect(createBuilderConfig({}, 'linux').files).toEqual([
      'out/**/*',
      '!out/cli/**',
      'package.json',
      '!**/*.map',
      '!**/node_modules/typescript/**',
      '!**/node_modules/@types/react/**',
      '!**/node_modules/csstype/**',
    ]);
  });
});

describe('entitlements', () => {
  // Comments may name what is left out; only the entries count.
  const plist = readFileSync(join(root, 'build', 'entitlements.mac.plist'), 'utf8').replace(
    /<!--[\s\S]*?-->/g,
    '',
  );
  const keys = [...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((match) => match[1]);

  it('grants only the JIT exception', () => {
    expect(keys).toEqual(['com.apple.security.cs.allow-jit']);
  });

  it.each(['device.camera', 'device.audio-input', 'disable-library-validation', 'location'])(
    'grants nothing for %s',
    (name) => {
      expect(plist).not.toContain(name);
    },
  );
});

describe('signing and notarisation', () => {
  it('skips signing and notarisation without variables', () => {
    const config = createBuilderConfig({}, 'darwin');
    expect(config.mac?.identity).toBeNull();
    expect(config.mac?.notarize).toBe(false);
    expect(config.forceCodeSigning).toBe(false);
  });

  it('lets electron-builder pick the identity from CSC_LINK', () => {
    const config = createBuilderConfig(SIGNING, 'darwin');
    expect(config.mac).not.toHaveProperty('identity');
    expect(config.mac?.notarize).toBe(false);
  });

  it.each([
    ['apple-id', APPLE_ID],
    [
      'api-key',
      { APPLE_API_KEY: '/keys/AuthKey.p8', APPLE_API_KEY_ID: 'KEY123', APPLE_API_ISSUER: 'issuer' },
    ],
    ['keychain-profile', { APPLE_KEYCHAIN: 'build.keychain', APPLE_KEYCHAIN_PROFILE: 'notary' }],
  ])('notarises with the %s variables', (method, variables) => {
    expect(notarizationMethod(variables)).toBe(method);
    expect(createBuilderConfig({ ...SIGNING, ...variables }, 'darwin').mac?.notarize).toBe(true);
  });

  it('rejects a partial set of notarisation variables', () => {
    expect(() => notarizationMethod({ APPLE_ID: 'release@example.invalid' })).toThrow(
      /APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID missing/,
    );
  });

  it('treats blank variables as absent', () => {
    expect(notarizationMethod({ APPLE_ID: ' ', APPLE_TEAM_ID: '' })).toBeNull();
  });

  it('rejects notarisation without a signing identity', () => {
    expect(() => createBuilderConfig(APPLE_ID, 'darwin')).toThrow(/CSC_LINK or CSC_NAME/);
  });

  it('requires signing for a release build', () => {
    const env = { KOPPELHULP_RELEASE: '1', ...SIGNING };
    expect(createBuilderConfig(env, 'win32').forceCodeSigning).toBe(true);
  });

  it('rejects a release build on macOS without notarisation', () => {
    const env = { KOPPELHULP_RELEASE: '1', ...SIGNING };
    expect(() => createBuilderConfig(env, 'darwin')).toThrow(/notarisation variables/);
    expect(createBuilderConfig({ ...env, ...APPLE_ID }, 'darwin').mac?.notarize).toBe(true);
  });
});
