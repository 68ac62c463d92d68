/**
 * Strength check of a passphrase a person chose. Pure, so the page can show
 * the result while the user types and main applies the same rule.
 */

/** Minimum estimated entropy of a passphrase the user types, in bits. */
export const MIN_PASSPHRASE_BITS = 64;
export const MIN_PASSPHRASE_LENGTH = 12;
export const MAX_PASSPHRASE_LENGTH = 1024;

/**
 * Bits per word when a passphrase is a list of words: a word from a
 * vocabulary of about 8,000 common words, the size of a large diceware list.
 */
const BITS_PER_WORD = 13;

export type PassphraseProblem =
  'too-short' | 'too-long' | 'edge-space' | 'repetitive' | 'common' | 'low-entropy';

export interface PassphraseStrength {
  /** Estimated entropy in bits, rounded down; an estimate, not a guarantee. */
  bits: number;
  acceptable: boolean;
  problem: PassphraseProblem | null;
}

/** Passwords and patterns an attacker tries first; lowercase, without separators. */
const COMMON = [
  'password',
  'wachtwoord',
  'welkom',
  'welcome',
  'qwerty',
  'azerty',
  'letmein',
  'geheim',
  'secret',
  'cobra',
  'sdworx',
  'xpertsuite',
  'admin',
  'zomer',
  'winter',
  'lente',
  'herfst',
];

/**
 * Estimates the entropy of a passphrase a person chose and rejects it below
 * MIN_PASSPHRASE_BITS. A run of 4 or more letters counts as one word of
 * BITS_PER_WORD, because people pick words, not letters. A separator counts
 * one bit. Any other character counts log2 of the character classes used,
 * or a quarter of that after an equal or neighbouring character ("aa",
 * "12"). A repeated part or word counts once. The estimate errs low for
 * random letters.
 */
export function checkPassphraseStrength(passphrase: string): PassphraseStrength {
  const length = [...passphrase].length;
  if (length > MAX_PASSPHRASE_LENGTH) {
    return { bits: 0, acceptable: false, problem: 'too-long' };
  }
  const bits = Math.floor(estimateBits(passphrase));
  // A space at either end is lost when the passphrase is read out or shown,
  // and the recipient cannot open the file without it.
  if (passphrase.trim() !== passphrase) {
    return { bits, acceptable: false, problem: 'edge-space' };
  }
  if (length < MIN_PASSPHRASE_LENGTH) {
    return { bits, acceptable: false, problem: 'too-short' };
  }
  const folded = passphrase.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  if (new Set(folded).size <= 3) {
    return { bits, acceptable: false, problem: 'repetitive' };
  }
  if (
    COMMON.some((word) => folded.replace(/\d+$/, '') === word || folded.startsWith(word + word))
  ) {
    return { bits, acceptable: false, problem: 'common' };
  }
  if (bits < MIN_PASSPHRASE_BITS) {
    return { bits, acceptable: false, problem: 'low-entropy' };
  }
  return { bits, acceptable: true, problem: null };
}

/** Characters that separate words; they add about one bit each. */
const SEPARATOR = /^[\s\-_.,]$/u;

function estimateBits(passphrase: string): number {
  const perCharacter = Math.log2(poolSize([...passphrase]));
  const tokens = passphrase.match(/\p{L}{4,}|[\s\S]/gu) ?? [];
  const seenWords = new Set<string>();
  let bits = 0;
  let index = 0;
  while (index < tokens.length) {
    const token = tokens[index]!;
    if ([...token].length >= 4) {
      // A run of letters is probably a word, not random letters.
      const word = token.toLowerCase();
      bits += seenWords.has(word) ? 1 : BITS_PER_WORD + (word === token ? 0 : 1);
      seenWords.add(word);
      index += 1;
      continue;
    }
    if (SEPARATOR.test(token)) {
      bits += 1;
      index += 1;
      continue;
    }
    const repeat = repeatedLength(tokens, index);
    if (repeat > 0) {
      bits += perCharacter;
      index += repeat;
      continue;
    }
    const previous = index > 0 ? tokens[index - 1]! : undefined;
    bits += isPredictableAfter(token, previous) ? perCharacter / 4 : perCharacter;
    index += 1;
  }
  return bits;
}

function poolSize(characters: string[]): number {
  let pool = 0;
  const has = (pattern: RegExp) => characters.some((character) => pattern.test(character));
  if (has(/[a-z]/)) {
    pool += 26;
  }
  if (has(/[A-Z]/)) {
    pool += 26;
  }
  if (has(/[0-9]/)) {
    pool += 10;
  }
  if (has(/[!-/:-@[-`{-~]/)) {
    pool += 32;
  }
  if (has(/[^\x20-\x7e]/)) {
    pool += 100;
  }
  return Math.max(pool, 2);
}

/** True for a character equal to the previous one or one step from it ("aa", "ab", "21"). */
function isPredictableAfter(token: string, previous: string | undefined): boolean {
  if (previous === undefined || [...previous].length !== 1) {
    return false;
  }
  return Math.abs(token.codePointAt(0)! - previous.codePointAt(0)!) <= 1;
}

/** Number of single-character tokens from `start` that repeat an earlier part of 4 or more, else 0. */
function repeatedLength(tokens: string[], start: number): number {
  const before = tokens.slice(0, start).join('').toLowerCase();
  let best = 0;
  for (let end = start + 4; end <= tokens.length; end++) {
    const part = tokens.slice(start, end);
    if (part.some((token) => token.length > 1) || !before.includes(part.join('').toLowerCase())) {
      break;
    }
    best = end - start;
  }
  return best;
}
