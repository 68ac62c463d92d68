import { describe, expect, it } from 'vitest';
import {
  generatePassphrase,
  GENERATED_PASSPHRASE_BITS,
  PASSPHRASE_ALPHABET,
  readBackGeneratedPassphrase,
} from '../../../src/core/seal/passphrase.ts';
import {
  checkPassphraseStrength,
  MIN_PASSPHRASE_BITS,
} from '../../../src/shared/passphrase-strength.ts';

describe('generatePassphrase', () => {
  it('carries at least 100 bits of entropy', () => {
    expect(GENERATED_PASSPHRASE_BITS).toBeGreaterThanOrEqual(100);
    // 24 symbols from an alphabet of 31: 24 * log2(31).
    expect(GENERATED_PASSPHRASE_BITS).toBeCloseTo(118.9, 1);
  });

  it('uses six dash-separated groups of four', () => {
    const passphrase = generatePassphrase();
    expect(passphrase).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){5}$/);
  });

  it('has no look-alike characters in its alphabet', () => {
    for (const lookAlike of ['0', 'o', '1', 'l', 'i', 'I', 'O']) {
      expect(PASSPHRASE_ALPHABET).not.toContain(lookAlike);
    }
    expect(new Set(PASSPHRASE_ALPHABET).size).toBe(PASSPHRASE_ALPHABET.length);
  });

  it('draws every symbol of the alphabet and nothing else', () => {
    const seen = new Set<string>();
    for (let round = 0; round < 40; round++) {
      for (const character of generatePassphrase().replaceAll('-', '')) {
        seen.add(character);
      }
    }
    expect([...seen].every((character) => PASSPHRASE_ALPHABET.includes(character))).toBe(true);
    // 960 draws from 31 symbols: missing one has a probability below 1e-12.
    expect(seen.size).toBe(PASSPHRASE_ALPHABET.length);
  });

  it('passes its own strength check', () => {
    const strength = checkPassphraseStrength(generatePassphrase());
    expect(strength.acceptable).toBe(true);
    expect(strength.bits).toBeGreaterThanOrEqual(MIN_PASSPHRASE_BITS);
  });
});

describe('checkPassphraseStrength', () => {
  const rejected: [string, string][] = [
    ['kort', 'too-short'],
    ['Zomer2026!', 'too-short'],
    ['aaaaaaaaaaaaaaaa', 'repetitive'],
    ['abababababababab', 'repetitive'],
    ['wachtwoord1234', 'common'],
    ['welkomwelkom12', 'common'],
    ['abcdefghijklmnop', 'low-entropy'],
    ['123456789012345678', 'low-entropy'],
    ['paard batterij nietje', 'low-entropy'],
    ['correct horse battery staple', 'low-entropy'],
    ['Bakkerij2026Bakkerij', 'low-entropy'],
    ['Zeilboot Tulpenveld Regenjas Koffiekop 42 ', 'edge-space'],
    [' Zeilboot Tulpenveld Regenjas Koffiekop 42', 'edge-space'],
    ['Zeilboot Tulpenveld Regenjas Koffiekop 42\t', 'edge-space'],
  ];
  it.each(rejected)('rejects %j as %s', (passphrase, problem) => {
    const strength = checkPassphraseStrength(passphrase);
    expect(strength.acceptable).toBe(false);
    expect(strength.problem).toBe(problem);
  });

  const accepted = [
    'paard batterij nietje correct lamp',
    'Gr8-wolk!Tafel?9xQ',
    'vx7Q-mp2K-zr9W-ht4N',
    'de kat van mijn buurvrouw eet graag tomaten',
  ];
  it.each(accepted)('accepts %j', (passphrase) => {
    const strength = checkPassphraseStrength(passphrase);
    expect(strength.problem).toBeNull();
    expect(strength.acceptable).toBe(true);
    expect(strength.bits).toBeGreaterThanOrEqual(MIN_PASSPHRASE_BITS);
  });

  it('rejects an over-long passphrase', () => {
    expect(checkPassphraseStrength('x'.repeat(2000)).problem).toBe('too-long');
  });
});

describe('readBackGeneratedPassphrase', () => {
  const canonical = 'k7md-x3pf-9vhs-2nqe-tb4w-r8cy';
  const readBack: [string, string][] = [
    ['canonical form', canonical],
    ['spaces between groups', 'k7md x3pf 9vhs 2nqe tb4w r8cy'],
    ['upper case', 'K7MD-X3PF-9VHS-2NQE-TB4W-R8CY'],
    ['no separators', 'k7mdx3pf9vhs2nqetb4wr8cy'],
    ['spaces around it', '  k7md-x3pf-9vhs-2nqe-tb4w-r8cy \n'],
    ['other grouping', 'k7m dx3 pf9 vhs 2nq etb 4wr 8cy'],
  ];
  it.each(readBack)('reads the %s', (_name, typed) => {
    expect(readBackGeneratedPassphrase(typed)).toBe(canonical);
  });

  const other: [string, string][] = [
    ['too short', 'k7md-x3pf-9vhs-2nqe-tb4w'],
    ['too long', `${canonical}-abcd`],
    ['look-alike letter', 'k7md-x3pf-9vhs-2nqe-tb4w-r8co'],
    ['chosen passphrase', 'paard batterij nietje correct'],
  ];
  it.each(other)('returns null for a %s', (_name, typed) => {
    expect(readBackGeneratedPassphrase(typed)).toBeNull();
  });
});
