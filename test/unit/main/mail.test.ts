import { describe, expect, it } from 'vitest';
import { createAppHandlers } from '../../../src/main/handlers/app.ts';
import { createMailHandlers, mailtoUrl } from '../../../src/main/handlers/mail.ts';
import { AppFailure } from '../../../src/shared/result.ts';
import { createTestServices } from '../../support/services.ts';

const context = { senderUrl: 'app://koppelhulp/index.html' };
const SECRET = 'demo-Secret+with/special=chars';

describe('mailtoUrl', () => {
  it('percent-encodes subject and body', () => {
    const url = mailtoUrl('spa.inkomen@nn.nl', 'Koppeling & test', 'Regel 1\nRegel 2 100%');
    expect(url).toBe(
      'mailto:spa.inkomen@nn.nl?subject=Koppeling%20%26%20test&body=Regel%201%0ARegel%202%20100%25',
    );
  });

  it('keeps a query in the address from adding headers', () => {
    const url = mailtoUrl('a?cc=b@example.org', 's', 'b');
    expect(url.startsWith('mailto:a%3Fcc%3Db@example.org?')).toBe(true);
  });
});

describe('mail handlers', () => {
  it('opens the draft in the mail client', async () => {
    const test = createTestServices();
    const mail = createMailHandlers(test.services);
    const result = await mail.compose(
      { to: 'spa.inkomen@nn.nl', subject: 'Cobra API', body: 'Omgeving: https://x' },
      context,
    );
    expect(test.openedUrls).toEqual([result.url]);
    expect(result.url).toMatch(/^mailto:spa\.inkomen@nn\.nl\?subject=Cobra%20API&body=/);
  });

  it.each([
    ['plain', SECRET],
    ['URL-encoded', encodeURIComponent(SECRET)],
    ['base64', Buffer.from(SECRET).toString('base64')],
  ])('rejects a body with the %s secret', async (_form, text) => {
    const test = createTestServices();
    test.services.secrets.register(SECRET);
    const mail = createMailHandlers(test.services);
    const draft = { to: 'spa.inkomen@nn.nl', subject: 'Cobra API', body: `geheim: ${text}` };
    await expect(mail.compose(draft, context)).rejects.toMatchObject({
      code: 'app.text-contains-secret',
    });
    expect(test.openedUrls).toEqual([]);
  });
});

describe('app.copyText', () => {
  it('copies non-secret text', async () => {
    const test = createTestServices();
    await createAppHandlers(test.services).copyText({ text: 'XpertSuite Loongegevens' }, context);
    expect(test.clipboardText.value).toBe('XpertSuite Loongegevens');
  });

  it('rejects text that contains a registered secret', async () => {
    const test = createTestServices();
    test.services.secrets.register(SECRET);
    const copy = createAppHandlers(test.services).copyText({ text: `x ${SECRET} y` }, context);
    await expect(copy).rejects.toBeInstanceOf(AppFailure);
    expect(test.clipboardText.value).toBe('');
  });
});
