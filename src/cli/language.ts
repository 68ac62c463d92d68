import type { TFunction } from 'i18next';
import { createTranslator } from '../shared/i18n/translator.ts';
import { LANGUAGES, type Language } from '../shared/ipc/app.ts';
import { UsageError } from './io.ts';

/**
 * The language of the run and its translator. An unknown --lang is reported
 * in Dutch, the default language.
 */
export async function parseLanguage(
  value: string | undefined,
): Promise<{ language: Language; t: TFunction }> {
  const known = value === undefined || (LANGUAGES as readonly string[]).includes(value);
  const language = known && value !== undefined ? (value as Language) : 'nl';
  const t = await createTranslator(language);
  if (!known) {
    throw new UsageError(t('cli:lang', { languages: LANGUAGES.join(', '), value }));
  }
  return { language, t };
}
