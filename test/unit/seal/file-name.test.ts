import { describe, expect, it } from 'vitest';
import { defaultSealedFileName, slugify } from '../../../src/core/seal/file-name.ts';

describe('defaultSealedFileName', () => {
  const date = new Date(2026, 11, 4, 15, 30);

  it('names the profile, the organisation and the date', () => {
    const name = defaultSealedFileName({
      profileId: 'xpertsuite-loongegevens',
      organisation: 'Bakkerij Café De Vries B.V.',
      date,
      extension: 'age',
    });
    expect(name).toBe(
      'cobra-koppelhulp-xpertsuite-loongegevens-bakkerij-cafe-de-vries-b-v-2026-12-04.age',
    );
  });

  it('falls back to the client name, and skips it when it repeats the profile', () => {
    const base = { profileId: 'xpertsuite-loongegevens', date, extension: 'asc' as const };
    expect(defaultSealedFileName({ ...base, clientDisplayName: 'Learned koppeling' })).toBe(
      'cobra-koppelhulp-xpertsuite-loongegevens-learned-koppeling-2026-12-04.asc',
    );
    expect(defaultSealedFileName({ ...base, clientDisplayName: 'XpertSuite Loongegevens' })).toBe(
      'cobra-koppelhulp-xpertsuite-loongegevens-2026-12-04.asc',
    );
  });

  it('keeps only portable characters', () => {
    expect(slugify('../../etc/passwd')).toBe('etc-passwd');
    expect(slugify('Ü:*?"<>|')).toBe('u');
    expect(slugify('a'.repeat(100))).toHaveLength(40);
  });
});
