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

/**
 * Returns the generated passphrase that `typed` reads as, in its canonical
 * form (lowercase groups joined with dashes), or null when `typed` is not one.
 * The recipient types what was read out by phone: groups separated by spaces
 * or nothing, upper case, spaces at either end. Only separators and case are
 * normalised, so a chosen passphrase never matches by accident unless it is
 * 24 alphabet characters in any grouping.
 */
export function readBackGeneratedPassphrase(typed: string): string | null {
  const symbols = typed.toLowerCase().replace(/[\s\-_.]/gu, '');
  const length = PASSPHRASE_GROUPS * PASSPHRASE_GROUP_LENGTH;
  if (symbols.length !== length || [...symbols].some((c) => !PASSPHRASE_ALPHABET.includes(c))) {
    return null;
  }
  const groups = symbols.match(new RegExp(`.{${PASSPHRASE_GROUP_LENGTH}}`, 'g')) ?? [];
  return groups.join('-');
}
