import { isLicenceList, type LicenceList } from '../../shared/licences.ts';

// scripts/licences.ts writes this file before every build. A glob import
// keeps typechecking working before the first build, and Vite puts the list
// in its own chunk that loads only when the About screen opens.
const modules = import.meta.glob('./generated/licences.json', { import: 'default' });

/** Loads the generated licence list; null when the build did not generate one. */
export async function loadLicences(): Promise<LicenceList | null> {
  const load = modules['./generated/licences.json'];
  if (load === undefined) {
    return null;
  }
  const list = await load();
  if (!isLicenceList(list)) {
    throw new Error('The generated licence list has an unexpected shape.');
  }
  return list;
}
