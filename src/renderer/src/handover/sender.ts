/**
 * The sender's contact details as typed. The rules copy `senderSchema` in
 * src/shared/manifest.ts, so the page can name a bad value before the
 * export; main checks them again with the schema itself.
 */
export interface SenderDraft {
  name: string;
  organisation: string;
  email: string;
  phone: string;
}

export const SENDER_FIELDS = ['name', 'organisation', 'email', 'phone'] as const;
export type SenderField = (typeof SENDER_FIELDS)[number];

export const EMPTY_SENDER: SenderDraft = { name: '', organisation: '', email: '', phone: '' };

/** Maximum length of each field, in characters, as in `senderSchema`. */
export const SENDER_MAX_LENGTH: Record<SenderField, number> = {
  name: 100,
  organisation: 200,
  email: 254,
  phone: 20,
};

const PHONE = /^\+?[0-9 ()-]{6,20}$/;
// NOTE: looser than zod's z.email(); an address that passes here but not in
// main is rejected by the export with the field named.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export type SenderProblem = 'tooLong' | 'emailInvalid' | 'phoneInvalid';

/** Returns the problem of each field that has one; empty fields are fine, since every field is optional. */
export function senderProblems(draft: SenderDraft): Partial<Record<SenderField, SenderProblem>> {
  const problems: Partial<Record<SenderField, SenderProblem>> = {};
  for (const field of SENDER_FIELDS) {
    const value = draft[field].trim();
    if (value === '') {
      continue;
    }
    if (value.length > SENDER_MAX_LENGTH[field]) {
      problems[field] = 'tooLong';
    } else if (field === 'email' && !EMAIL.test(value)) {
      problems[field] = 'emailInvalid';
    } else if (field === 'phone' && !PHONE.test(value)) {
      problems[field] = 'phoneInvalid';
    }
  }
  return problems;
}

/** Returns the filled-in fields, trimmed, in the shape `exportFile` takes. */
export function senderForExport(draft: SenderDraft): Partial<SenderDraft> {
  const sender: Partial<SenderDraft> = {};
  for (const field of SENDER_FIELDS) {
    const value = draft[field].trim();
    if (value !== '') {
      sender[field] = value;
    }
  }
  return sender;
}
