/** Lowercase ASCII words joined by dashes, for file names on every system. */
export function slugify(text: string, maxLength = 40): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, maxLength).replace(/-+$/, '');
}

/**
 * Default name for a sealed file, such as
 * `cobra-koppelhulp-xpertsuite-loongegevens-bakkerij-de-vries-2026-12-04.age`:
 * the profile, the sender's organisation (or else the client's display name)
 * and the local date.
 */
export function defaultSealedFileName(options: {
  profileId: string;
  organisation?: string | undefined;
  clientDisplayName?: string | undefined;
  date: Date;
  extension: 'age' | 'asc';
}): string {
  const parts = ['cobra-koppelhulp', slugify(options.profileId, 64)];
  const who = slugify(options.organisation ?? '') || slugify(options.clientDisplayName ?? '');
  // The display name often repeats the profile ("XpertSuite Loongegevens").
  if (who !== '' && !parts[1]!.includes(who)) {
    parts.push(who);
  }
  const day = [
    options.date.getFullYear(),
    String(options.date.getMonth() + 1).padStart(2, '0'),
    String(options.date.getDate()).padStart(2, '0'),
  ].join('-');
  parts.push(day);
  return `${parts.filter((part) => part !== '').join('-')}.${options.extension}`;
}
