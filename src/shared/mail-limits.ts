/** Limits of the mail draft, kept free of zod so the page can import them. */

/**
 * Maximum length of the e-mail body passed to the mail client. Some mail
 * clients fail on mailto URLs longer than about 2,000 characters.
 */
export const MAX_MAIL_BODY_LENGTH = 1_500;
