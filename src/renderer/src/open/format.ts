/** The Intl locale of the page's language. */
export function localeOf(language: string): string {
  return language === 'en' ? 'en-GB' : 'nl-NL';
}

/** Formats a YYYY-MM-DD date as a long date ("4 december 2026"), read as a calendar date. */
export function formatIsoDate(date: string, language: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'long' }).format(
    new Date(year, month - 1, day),
  );
}

/** Formats an ISO date-time as a long date and a short time in the computer's time zone. */
export function formatDateTime(dateTime: string, language: string): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(new Date(dateTime));
}
