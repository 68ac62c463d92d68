import { describe, expect, it } from 'vitest';
import { resources } from '../../../src/shared/i18n/resources.ts';
import { createTranslator, translateError } from '../../../src/shared/i18n/translator.ts';

function keysOf(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') {
    return [prefix];
  }
  return Object.entries(value).flatMap(([key, child]) =>
    keysOf(child, prefix ? `${prefix}.${key}` : key),
  );
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]!).sort();
}

describe('locale files', () => {
  const namespaces = Object.keys(resources.nl) as (keyof typeof resources.nl)[];

  it('have the same namespaces in Dutch and English', () => {
    expect(Object.keys(resources.en).sort()).toEqual([...namespaces].sort());
  });

  it.each(namespaces)('namespace %s has the same keys in both languages', (namespace) => {
    expect(keysOf(resources.en[namespace]).sort()).toEqual(keysOf(resources.nl[namespace]).sort());
  });

  it.each(namespaces)('namespace %s uses the same placeholders in both languages', (namespace) => {
    const nl = resources.nl[namespace] as unknown;
    const en = resources.en[namespace] as unknown;
    for (const key of keysOf(nl)) {
      const pick = (root: unknown) =>
        key
          .split('.')
          .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], root);
      const nlText = pick(nl);
      const enText = pick(en);
      if (typeof nlText === 'string' && typeof enText === 'string') {
        expect(placeholders(enText), key).toEqual(placeholders(nlText));
      }
    }
  });

  it.each(namespaces)('namespace %s has no empty strings', (namespace) => {
    for (const language of ['nl', 'en'] as const) {
      const text = JSON.stringify(resources[language][namespace]);
      expect(text, `${language}/${namespace}`).not.toContain('""');
    }
  });
});

describe('translateError', () => {
  it('translates a known code with its parameters', async () => {
    const t = await createTranslator('en');
    const message = translateError(t, {
      code: 'ipc.invalid-payload',
      message: 'x',
      params: { field: 'name' },
    });
    expect(message).toContain('"name"');
  });

  it('finds an input code in the inputs namespace', async () => {
    const t = await createTranslator('en');
    const message = translateError(t, {
      code: 'inputs.companies.not-a-number',
      message: 'x',
      params: { value: '4O200' },
    });
    expect(message).toContain('"4O200" is not a company number');
  });

  it('falls back to a generic message that names an unknown code', async () => {
    const t = await createTranslator('nl');
    expect(translateError(t, { code: 'no.such-code', message: 'x' })).toBe(
      'Onbekende fout (no.such-code).',
    );
  });
});

describe('error mounts', () => {
  it('list every feature file that resources.ts mounts into errors', async () => {
    const { ERROR_MOUNTS } = await import('../../../src/shared/i18n/mounts.ts');
    const nlErrors = (await import('../../../src/shared/locales/nl/errors.json')).default;
    for (const language of ['nl', 'en'] as const) {
      const mounted = Object.keys(resources[language].errors).filter((key) => !(key in nlErrors));
      expect(mounted.sort(), language).toEqual([...ERROR_MOUNTS].sort());
    }
  });
});
