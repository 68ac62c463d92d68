import type { HandlerMap } from '../../shared/ipc/contract.ts';
import type { AppServices } from '../services.ts';
import { rejectKnownSecrets } from './secret-guard.ts';

/** Builds a mailto: URL with every part percent-encoded (RFC 6068). */
export function mailtoUrl(to: string, subject: string, body: string): string {
  const query = `subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
  return `mailto:${encodeURIComponent(to).replace('%40', '@')}?${query}`;
}

export function createMailHandlers(services: AppServices): HandlerMap['mail'] {
  return {
    compose: async ({ to, subject, body }) => {
      rejectKnownSecrets(`${subject}\n${body}`, services.secrets, 'body');
      const url = mailtoUrl(to, subject, body);
      await services.openExternal(url);
      services.log.info('Mail draft opened in the mail client', { bodyLength: body.length });
      return { url };
    },
  };
}
