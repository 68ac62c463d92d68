/**
 * Packages that npm installs as production dependencies only because a
 * runtime package lists them as optional peers for its type definitions
 * (i18next and react-i18next name typescript, react-i18next names
 * @types/react, which brings csstype). Nothing requires them at run time,
 * so the installers leave them out and the licence list does not name them.
 */
export const TYPE_ONLY_PACKAGES = ['typescript', '@types/react', 'csstype'] as const;

/** electron-builder `files` patterns that drop the type-only packages. */
export const TYPE_ONLY_EXCLUSIONS = TYPE_ONLY_PACKAGES.map((name) => `!**/node_modules/${name}/**`);
