/** Limits of the mail draft, kept free of zod so the page can import them. */

/** Longest e-mail body passed to the mail client; mailto URLs beyond ~2000 characters fail in some clients. */
export const MAX_MAIL_BODY_LENGTH = 1_500;
