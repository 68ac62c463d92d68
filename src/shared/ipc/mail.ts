import { z } from 'zod';
import { MAX_MAIL_BODY_LENGTH } from '../mail-limits.ts';
import { invoke } from './define.ts';

export { MAX_MAIL_BODY_LENGTH } from '../mail-limits.ts';

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
