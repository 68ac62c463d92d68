import type { TFunction } from 'i18next';
import { MAX_MAIL_BODY_LENGTH } from '../../../shared/mail-limits.ts';
import { formatDate } from './format.ts';
import type { SealKind } from './targets.ts';

/** Facts the handover e-mail mentions; the secret and the passphrase are not among them. */
export interface MailFacts {
  connectionName: string;
  recipientName: string;
  environmentUrl: string;
  companyNumbers: readonly string[];
  fileName: string;
  fingerprint: string;
  kind: SealKind;
  /** The "use before" date, YYYY-MM-DD. */
  useBefore: string;
  senderName: string | null;
}

export interface MailText {
  subject: string;
  /** The body with every company number, for the copy fallback. */
  fullBody: string;
  /**
   * The body for the mailto link, at most MAX_MAIL_BODY_LENGTH characters:
   * a long list of company numbers is shortened. Null when even the shortest
   * form is too long, so only the copy fallback remains.
   */
  linkBody: string | null;
}

function bodyWith(t: TFunction, language: string, facts: MailFacts, shown: number): string {
  const numbers = facts.companyNumbers.slice(0, shown).join(', ');
  const hidden = facts.companyNumbers.length - shown;
  const companies = hidden > 0 ? t('mail.companiesShortened', { numbers, count: hidden }) : numbers;
  const lines = [
    t('mail.greeting', { recipient: facts.recipientName }),
    '',
    t('mail.opening', { connection: facts.connectionName }),
    '',
    t('mail.environment', { url: facts.environmentUrl }),
    t('mail.companies', { numbers: companies }),
    '',
    t('mail.attached', { fileName: facts.fileName }),
    t('mail.fingerprint', { fingerprint: facts.fingerprint }),
    t('mail.compare'),
    t(facts.kind === 'age-recipients' ? 'mail.age' : `mail.${facts.kind}`),
    t('mail.useBefore', { date: formatDate(facts.useBefore, language) }),
    '',
    t('mail.closing'),
  ];
  if (facts.senderName !== null) {
    lines.push(facts.senderName);
  }
  return lines.join('\n');
}

/** Writes the subject and body of the handover e-mail in `language`, the language of `t`. */
export function composeMail(t: TFunction, language: string, facts: MailFacts): MailText {
  const all = facts.companyNumbers.length;
  const fullBody = bodyWith(t, language, facts, all);
  let linkBody: string | null = null;
  // Drops company numbers from the end until the body fits; at most one try per number.
  for (let shown = all; shown >= Math.min(1, all); shown -= 1) {
    const body = shown === all ? fullBody : bodyWith(t, language, facts, shown);
    if (body.length <= MAX_MAIL_BODY_LENGTH) {
      linkBody = body;
      break;
    }
  }
  return {
    subject: t('mail.subject', { connection: facts.connectionName }),
    fullBody,
    linkBody,
  };
}
