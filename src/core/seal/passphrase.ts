import { randomInt } from 'node:crypto';

/**
 * Characters of a generated passphrase: lowercase letters and digits without
 * the look-alikes 0/o, 1/l/i, so that it can be read out by phone and typed
 * back without doubt.
 */
export const PASSPHRASE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export const PASSPHRASE_GROUPS = 6;
export const PASSPHRASE_GROUP_LENGTH = 4;

/** Entropy of a generated passphrase in bits: 24 symbols from 31, about 118.9. */
export const GENERATED_PASSPHRASE_BITS =
  PASSPHRASE_GROUPS * PASSPHRASE_GROUP_LENGTH * Math.log2(PASSPHRASE_ALPHABET.length);

/**
 * Generates a passphrase such as `k7md-x3pf-9vhs-2nqe-tb4w-r8cy`: groups of
 * uniformly random symbols (node:crypto's randomInt has no modulo bias),
 * joined with dashes that carry no entropy.
 */
export function generatePassphrase(): string {
  const groups: string[] = [];
  for (let group = 0; group < PASSPHRASE_GROUPS; group++) {
    let text = '';
    for (let index = 0; index < PASSPHRASE_GROUP_LENGTH; index++) {
      text += PASSPHRASE_ALPHABET[randomInt(PASSPHRASE_ALPHABET.length)];
    }
    groups.push(text);
  }
  return groups.join('-');
}
