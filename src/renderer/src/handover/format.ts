import { parseDate } from '@internationalized/date';

/** Returns the Intl locale of an app language: Dutch and British English formats. */
export function intlLocale(language: string): string {
  return language === 'en' ? 'en-GB' : 'nl-NL';
}

/** Formats a date and time such as "4 december 2026 om 10:00", in the app language. */
export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), {
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(new Date(iso));
}

/** Formats a calendar date (YYYY-MM-DD) such as "18 december 2026", in the app language. */
export function formatDate(isoDate: string, language: string): string {
  const date = parseDate(isoDate);
  // Noon UTC keeps the day the same in every time zone.
  return new Intl.DateTimeFormat(intlLocale(language), {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(date.year, date.month - 1, date.day, 12)));
}
