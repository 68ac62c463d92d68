import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resources } from '../../../src/shared/i18n/resources.ts';
import { createTranslator, translateError } from '../../../src/shared/i18n/translator.ts';

const SOURCE = join(import.meta.dirname, '../../../src/core/seal');
const OTHER_SOURCES = [
  'shared/manifest.ts',
  'shared/passphrase-strength.ts',
  'main/handlers/sealing-keys.ts',
  'main/handlers/sealing-open.ts',
  'main/handlers/sealing-sessions.ts',
  'main/handlers/sealing-verify.ts',
].map((path) => join(import.meta.dirname, '../../../src', path));

/** Every `sealing.*` error code the seal code can throw, with the templated ones expanded. */
function thrownCodes(): string[] {
  const codes = new Set<string>();
  const files = [...readdirSync(SOURCE).map((name) => join(SOURCE, name)), ...OTHER_SOURCES];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/'(sealing\.[a-z-]+)'/g)) {
      codes.add(match[1]!);
    }
  }
  for (const problem of ['too-short', 'too-long', 'repetitive', 'common', 'low-entropy']) {
    codes.add(`sealing.passphrase-${problem}`);
  }
  for (const problem of ['expired', 'revoked', 'no-encryption', 'private-key', 'invalid']) {
    codes.add(`sealing.pgp-key-${problem}`);
  }
  return [...codes].sort();
}

describe('sealing error messages', () => {
  const codes = thrownCodes();

  it('finds the codes in the source', () => {
    expect(codes.length).toBeGreaterThan(30);
  });

  it.each(['nl', 'en'] as const)('exist in %s for every code', (language) => {
    const messages = resources[language].errors.sealing as Record<string, string>;
    const missing = codes.filter((code) => messages[code.slice('sealing.'.length)] === undefined);
    expect(missing).toEqual([]);
  });

  it('translate with their parameters', async () => {
    const t = await createTranslator('nl');
    const message = translateError(t, {
      code: 'sealing.manifest-too-new',
      message: 'x',
      params: { version: 3, supported: 2 },
    });
    expect(message).toContain('versie 3');
    expect(message).toContain('versie 2');
  });
});
