/**
 * The generated list of third-party licences (scripts/licences.ts). Equal
 * licence texts are stored once in `texts` and referenced by id. This
 * module has no zod, because the page loads it.
 */

export const LICENCE_LIST_FORMAT = 'cobra-koppelhulp/licences';
export const LICENCE_LIST_VERSION = 1;

/** One third-party package that ships inside the app. */
export interface LicensedPackage {
  name: string;
  version: string;
  /** SPDX expression from the package's own package.json. */
  licence: string;
  /** Key into `texts`; null when the package ships no licence file. */
  textId: string | null;
}

export interface LicenceList {
  format: typeof LICENCE_LIST_FORMAT;
  version: typeof LICENCE_LIST_VERSION;
  packages: LicensedPackage[];
  texts: Record<string, string>;
}

/** Checks the shape of a licence list, including that every text id resolves. */
export function isLicenceList(value: unknown): value is LicenceList {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const list = value as Partial<LicenceList>;
  if (list.format !== LICENCE_LIST_FORMAT || list.version !== LICENCE_LIST_VERSION) {
    return false;
  }
  const texts = list.texts;
  if (typeof texts !== 'object' || texts === null || !Array.isArray(list.packages)) {
    return false;
  }
  return list.packages.every(
    (entry: Partial<LicensedPackage>) =>
      typeof entry.name === 'string' &&
      entry.name !== '' &&
      typeof entry.version === 'string' &&
      typeof entry.licence === 'string' &&
      entry.licence !== '' &&
      (entry.textId === null ||
        (typeof entry.textId === 'string' && typeof texts[entry.textId] === 'string')),
  );
}
