/**
 * electron-builder configuration: a per-user NSIS installer and a portable
 * .exe for Windows, dmg images for Apple silicon and Intel Macs.
 *
 * Signing and notarisation come from environment variables and are skipped
 * when those are absent, so a developer can build an unsigned package
 * without any certificate. Set KOPPELHULP_RELEASE=1 to make them mandatory.
 * The README lists the variables per operating system.
 */
import type { Configuration } from 'electron-builder';
import { TYPE_ONLY_EXCLUSIONS } from './scripts/type-only-packages.ts';
import { APP_ID, PACKAGE_NAME, PRODUCT_NAME } from './src/shared/app-identity.ts';

/**
 * Electron fuses, flipped in the packaged binary before signing. A unit
 * test fails when any of these is weakened.
 */
export const ELECTRON_FUSES = {
  // SECURITY: ELECTRON_RUN_AS_NODE would turn the signed binary into a
  // general Node.js interpreter that runs any script with the app's identity.
  runAsNode: false,
  // SECURITY: NODE_OPTIONS could preload code (--require) into main.
  enableNodeOptionsEnvironmentVariable: false,
  // SECURITY: --inspect and SIGUSR1 would let another process attach a
  // debugger to main and read the secret from memory.
  enableNodeCliInspectArguments: false,
  // SECURITY: the app refuses to start when app.asar differs from the hash
  // recorded at package time, so a patched archive cannot run signed.
  enableEmbeddedAsarIntegrityValidation: true,
  // SECURITY: without this, an `app` folder next to app.asar would be loaded
  // instead and skip the integrity check.
  onlyLoadAppFromAsar: true,
  // SECURITY: encrypts Chromium's cookie database with the OS key store.
  // The app sets no cookies itself, but net.fetch keeps those a server sets.
  enableCookieEncryption: true,
  // SECURITY: the page is served from app://, so file:// pages need none of
  // their legacy privileges (fetch of other files, service workers).
  grantFileProtocolExtraPrivileges: false,
  loadBrowserProcessSpecificV8Snapshot: false,
} as const;

type Env = Readonly<Record<string, string | undefined>>;

/** The sets of variables that electron-builder accepts for notarisation. */
export const NOTARIZATION_CREDENTIALS = {
  'api-key': ['APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER'],
  'apple-id': ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'],
  'keychain-profile': ['APPLE_KEYCHAIN', 'APPLE_KEYCHAIN_PROFILE'],
} as const;

export type NotarizationMethod = keyof typeof NOTARIZATION_CREDENTIALS;

const isSet = (env: Env, name: string): boolean => (env[name] ?? '').trim() !== '';

/**
 * Returns the notarisation method whose variables are all set, or null when
 * none is. Throws when a set is only partly given, because skipping
 * notarisation then would hide a typo in a release pipeline.
 */
export function notarizationMethod(env: Env): NotarizationMethod | null {
  for (const [method, names] of Object.entries(NOTARIZATION_CREDENTIALS)) {
    const present = names.filter((name) => isSet(env, name));
    if (present.length === names.length) {
      return method as NotarizationMethod;
    }
    if (present.length > 0) {
      const missing = names.filter((name) => !isSet(env, name));
      throw new Error(
        `Notarisation variables incomplete: ${present.join(', ')} set but ${missing.join(', ')} missing.`,
      );
    }
  }
  return null;
}

/** True when a macOS signing certificate is given (a .p12 file or a keychain identity name). */
export function hasMacSigningIdentity(env: Env): boolean {
  return isSet(env, 'CSC_LINK') || isSet(env, 'CSC_NAME');
}

/**
 * Builds the configuration for an environment and the platform that runs
 * electron-builder (process.env and process.platform when packaging).
 */
export function createBuilderConfig(env: Env, hostPlatform: NodeJS.Platform): Configuration {
  const release = env['KOPPELHULP_RELEASE'] === '1';
  const macSigned = hasMacSigningIdentity(env);
  const notarization = notarizationMethod(env);
  if (notarization !== null && !macSigned) {
    throw new Error('Notarisation variables are set but CSC_LINK or CSC_NAME is missing.');
  }
  // Only a Mac can sign and notarise a Mac app, so a release run on macOS
  // must notarise. forceCodeSigning below covers signing on both platforms.
  if (release && hostPlatform === 'darwin' && notarization === null) {
    throw new Error(
      'KOPPELHULP_RELEASE=1 on macOS needs a complete set of notarisation variables (see the README).',
    );
  }

  return {
    appId: APP_ID,
    productName: PRODUCT_NAME,
    copyright: `Copyright © ${PRODUCT_NAME} contributors`,
    directories: { output: 'dist', buildResources: 'build' },
    // electron-vite bundles main, preload and renderer into out/; the
    // production dependencies from node_modules are added by electron-builder.
    // out/cli is the command-line bundle, which the app does not load.
    files: ['out/**/*', '!out/cli/**', 'package.json', '!**/*.map', ...TYPE_ONLY_EXCLUSIONS],
    asar: true,
    // No native modules: nothing to rebuild, and no Electron headers to download.
    npmRebuild: false,
    // SECURITY: no update feed. New versions come as new signed installers,
    // and the app makes no network call at startup.
    publish: null,
    electronFuses: {
      ...ELECTRON_FUSES,
      // Unsigned arm64 builds still need a valid ad-hoc signature after the
      // fuses change the binary; a signed build is re-signed by electron-builder.
      resetAdHocDarwinSignature: !macSigned,
    },
    // Refuses to produce an unsigned package for a release.
    forceCodeSigning: release,

    win: {
      target: [
        { target: 'nsis', arch: ['x64'] },
        { target: 'portable', arch: ['x64'] },
      ],
      // Editing the .exe embeds the app.asar hash that the integrity fuse
      // checks on Windows; signing uses CSC_LINK/WIN_CSC_LINK and
      // CSC_KEY_PASSWORD when given.
      signAndEditExecutable: true,
    },
    nsis: {
      // SECURITY and usability: installs into the user's own profile, so no
      // administrator rights and no UAC prompt are needed.
      oneClick: true,
      perMachine: false,
      packElevateHelper: false,
      // The stored secret and settings survive an uninstall and reinstall.
      deleteAppDataOnUninstall: false,
      createDesktopShortcut: true,
      shortcutName: PRODUCT_NAME,
      artifactName: `${PACKAGE_NAME}-\${version}-win-\${arch}-setup.\${ext}`,
    },
    portable: {
      requestExecutionLevel: 'user',
      artifactName: `${PACKAGE_NAME}-\${version}-win-\${arch}-portable.\${ext}`,
    },

    mac: {
      target: [{ target: 'dmg', arch: ['arm64', 'x64'] }],
      category: 'public.app-category.business',
      // Not set: electron-builder picks the identity from CSC_LINK or
      // CSC_NAME. Null: no signing at all, so a developer's own keychain
      // certificate is never used by accident.
      ...(macSigned ? {} : { identity: null }),
      hardenedRuntime: true,
      gatekeeperAssess: false,
      entitlements: 'build/entitlements.mac.plist',
      entitlementsInherit: 'build/entitlements.mac.plist',
      notarize: notarization !== null,
    },
    dmg: {
      artifactName: `${PACKAGE_NAME}-\${version}-mac-\${arch}.\${ext}`,
    },

    // Linux is not a supported platform; an unpacked folder lets a developer
    // inspect the package contents.
    linux: { target: ['dir'] },
  };
}

export default createBuilderConfig(process.env, process.platform);
