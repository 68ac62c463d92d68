import { z } from 'zod';
import { invoke } from './define.ts';

/** Longest e-mail body passed to the mail client; mailto URLs beyond ~2000 characters fail in some clients. */
export const MAX_MAIL_BODY_LENGTH = 1_500;

export const mailDraftSchema = z
  .object({
    to: z.email().max(254),
    subject: z.string().min(1).max(200),
    body: z.string().min(1).max(MAX_MAIL_BODY_LENGTH),
  })
  .strict();

export type MailDraft = z.output<typeof mailDraftSchema>;

export const mailContract = {
  /**
   * Opens the draft in the system mail client through a mailto: link. Main
   * rejects a draft that contains a known secret, so the handover e-mail can
   * never carry the client secret.
   */
  compose: invoke<{ url: string }>()('mail:compose', mailDraftSchema),
};
