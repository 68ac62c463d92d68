/**
 * Generates the list of third-party licences that the About screen shows:
 * every production package in package-lock.json that is installed, plus
 * Electron itself, with its SPDX licence and the licence file it ships.
 *
 *   node scripts/licences.ts [output]   (runs before every `npm run build`)
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  LICENCE_LIST_FORMAT,
  LICENCE_LIST_VERSION,
  type LicenceList,
  type LicensedPackage,
} from '../src/shared/licences.ts';
import { TYPE_ONLY_PACKAGES } from './type-only-packages.ts';

const ROOT = resolve(import.meta.dirname, '..');
export const DEFAULT_OUTPUT = join(ROOT, 'src', 'renderer', 'src', 'generated', 'licences.json');

/** Packages that ship with the app although they are dev dependencies of the project. */
const BUNDLED_RUNTIME = ['node_modules/electron'];

interface LockEntry {
  version?: string;
  dev?: boolean;
  link?: boolean;
}

interface PackageJson {
  name?: string;
  version?: string;
  license?: string | { type?: string };
  licenses?: { type?: string }[];
}

/**
 * Lists the folders of the production packages: every lockfile entry not
 * marked `dev`, which includes optional and devOptional ones because
 * `npm install --omit=dev` installs those too. Entries missing from
 * node_modules (optional packages for another platform) and the type-only
 * packages that the installers leave out are skipped.
 */
export function productionPackageFolders(root: string): string[] {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const typeOnly = new Set<string>(TYPE_ONLY_PACKAGES);
  const folders = Object.entries(lock.packages)
    .filter(([path, entry]) => path !== '' && entry.dev !== true && entry.link !== true)
    .map(([path]) => path)
    .filter((path) => !typeOnly.has(path.replace(/^.*node_modules\//, '')));
  return [...folders, ...BUNDLED_RUNTIME].filter((path) => existsSync(join(root, path)));
}

/** The SPDX expression of a package, also from the older `licenses` array form. */
export function licenceOf(manifest: PackageJson): string | null {
  if (typeof manifest.license === 'string' && manifest.license.trim() !== '') {
    return manifest.license.trim();
  }
  if (typeof manifest.license === 'object' && manifest.license.type) {
    return manifest.license.type;
  }
  const types = (manifest.licenses ?? []).map((entry) => entry.type).filter(Boolean);
  return types.length > 0 ? types.join(' OR ') : null;
}

const LICENCE_FILE = /^(licen[cs]e|copying)([.-].*)?$/i;

/** The text of every licence file in a package folder, joined, or null when it ships none. */
export function licenceText(folder: string): string | null {
  const files = readdirSync(folder)
    .filter((file) => LICENCE_FILE.test(file))
    .sort();
  if (files.length === 0) {
    return null;
  }
  return files.map((file) => readFileSync(join(folder, file), 'utf8').trim()).join('\n\n');
}

/** Collects the licence list; throws when a package declares no licence. */
export function collectLicences(root: string): LicenceList {
  const packages: LicensedPackage[] = [];
  const texts: Record<string, string> = {};
  const unlicensed: string[] = [];

  for (const folder of productionPackageFolders(root)) {
    const manifest = JSON.parse(
      readFileSync(join(root, folder, 'package.json'), 'utf8'),
    ) as PackageJson;
    const name = manifest.name ?? folder.replace(/^.*node_modules\//, '');
    const licence = licenceOf(manifest);
    if (licence === null) {
      unlicensed.push(name);
      continue;
    }
    const text = licenceText(join(root, folder));
    let textId: string | null = null;
    if (text !== null) {
      textId = createHash('sha256').update(text).digest('hex').slice(0, 16);
      texts[textId] = text;
    }
    packages.push({ name, version: manifest.version ?? '', licence, textId });
  }

  if (unlicensed.length > 0) {
    throw new Error(
      `No licence declared in package.json of: ${unlicensed.join(', ')}. Check each package's licence before shipping it.`,
    );
  }
  // The same name can be installed in two versions; keep both, in a stable order.
  packages.sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
  return { format: LICENCE_LIST_FORMAT, version: LICENCE_LIST_VERSION, packages, texts };
}

export function writeLicences(root: string, output: string): LicenceList {
  const list = collectLicences(root);
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, `${JSON.stringify(list, null, 1)}\n`);
  return list;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === import.meta.filename) {
  const output = resolve(process.argv[2] ?? DEFAULT_OUTPUT);
  const list = writeLicences(ROOT, output);
  console.log(`Wrote ${list.packages.length} packages to ${output}`);
}
