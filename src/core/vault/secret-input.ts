import { AppFailure } from '../../shared/result.ts';

/**
 * Whitespace a copy from a web page or e-mail adds around a secret: Unicode
 * white space as `String.prototype.trim` knows it, plus the zero-width
 * characters that it leaves alone.
 */
const EDGE_WHITESPACE = /^[\s\u200b-\u200d\u2060]+|[\s\u200b-\u200d\u2060]+$/g;

/** Control characters (C0, DEL, C1); a secret with one inside is a broken paste. */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

/** Secrets shorter than this get no hint, so the hint never shows half of one. */
const MIN_LENGTH_FOR_HINT = 8;

/**
 * Trims a secret as entered and checks it. Throws `vault.secret-empty` for
 * nothing but whitespace and `vault.secret-invalid-characters` for a control
 * character inside it. The error messages never contain the secret.
 */
export function normalizeSecret(entered: string): { secret: string; trimmed: boolean } {
  const secret = entered.replace(EDGE_WHITESPACE, '');
  if (secret.length === 0) {
    throw new AppFailure('vault.secret-empty', 'The client secret is empty.', {
      field: 'secret',
    });
  }
  if (CONTROL_CHARACTER.test(secret)) {
    throw new AppFailure(
      'vault.secret-invalid-characters',
      'The client secret contains a line break or another control character. Copy it again from Cobra.',
      { field: 'secret' },
    );
  }
  return { secret, trimmed: secret !== entered };
}

/** The last four characters, for recognition; null for a secret too short to hint at. */
export function secretHint(secret: string): string | null {
  const characters = [...secret];
  if (characters.length < MIN_LENGTH_FOR_HINT) {
    return null;
  }
  return characters.slice(-4).join('');
}
