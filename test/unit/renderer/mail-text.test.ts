import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { composeMail, type MailFacts } from '../../../src/renderer/src/handover/mail-text.ts';
import { createTranslator } from '../../../src/shared/i18n/translator.ts';
import { MAX_MAIL_BODY_LENGTH } from '../../../src/shared/mail-limits.ts';

const FACTS: MailFacts = {
  connectionName: 'Bakkerij De Vries',
  recipientName: 'NN Inkomen',
  environmentUrl: 'https://bakkerij.cobra.sdworx.com',
  companyNumbers: ['40100', '40200'],
  fileName: 'overdracht.age',
  fingerprint: 'eef5 5d41 9a80 a516',
  kind: 'passphrase',
  useBefore: '2026-12-18',
  senderName: 'Jan de Vries',
};

/** The translator the page uses, scoped to the handover namespace. */
async function handoverT(language: 'nl' | 'en'): Promise<TFunction> {
  const t = await createTranslator(language);
  const scoped = (key: string, options: Record<string, unknown> = {}) =>
    t(`handover:${key}`, options);
  return scoped as unknown as TFunction;
}

describe('handover mail text', () => {
  it('names the facts in Dutch', async () => {
    const mail = composeMail(await handoverT('nl'), 'nl', FACTS);
    expect(mail.subject).toBe('Cobra API-gegevens voor Bakkerij De Vries');
    expect(mail.linkBody).toBe(mail.fullBody);
    expect(mail.fullBody).toContain('Omgeving: https://bakkerij.cobra.sdworx.com');
    expect(mail.fullBody).toContain('Bedrijfsnummers: 40100, 40200');
    expect(mail.fullBody).toContain('eef5 5d41 9a80 a516');
    expect(mail.fullBody).toContain('telefonisch door');
    expect(mail.fullBody).toContain('18 december 2026');
    expect(mail.fullBody).toMatch(/Jan de Vries$/);
  });

  it('mentions the key instead of a passphrase', async () => {
    const mail = composeMail(await handoverT('en'), 'en', { ...FACTS, kind: 'age-recipients' });
    expect(mail.fullBody).toContain('age -d -i');
    expect(mail.fullBody).not.toContain('by phone;');
    expect(mail.fullBody).toContain('18 December 2026');
  });

  it('shortens many company numbers for the link', async () => {
    const companyNumbers = Array.from({ length: 400 }, (_, index) => String(10_000 + index));
    const mail = composeMail(await handoverT('nl'), 'nl', { ...FACTS, companyNumbers });
    expect(mail.fullBody).toContain('10399');
    expect(mail.linkBody).not.toBeNull();
    expect(mail.linkBody!.length).toBeLessThanOrEqual(MAX_MAIL_BODY_LENGTH);
    expect(mail.linkBody).toMatch(/en \d+ andere \(alle nummers staan in het bestand\)/);
    expect(mail.linkBody).toContain('10000');
  });

  it('leaves only the copy when nothing fits', async () => {
    const environmentUrl = `https://${'a'.repeat(1_600)}.example`;
    const mail = composeMail(await handoverT('nl'), 'nl', { ...FACTS, environmentUrl });
    expect(mail.linkBody).toBeNull();
    expect(mail.fullBody).toContain(environmentUrl);
  });
});
