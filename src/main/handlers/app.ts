import type { HandlerMap } from '../../shared/ipc/contract.ts';
import { AppFailure } from '../../shared/result.ts';
import { isAllowedExternalUrl } from '../security.ts';
import type { AppServices } from '../services.ts';
import { rejectKnownSecrets } from './secret-guard.ts';

export function createAppHandlers(services: AppServices): HandlerMap['app'] {
  return {
    getInfo: () => ({
      name: services.app.name,
      version: services.app.version,
      platform: services.app.platform,
      electronVersion: services.app.electronVersion,
      nodeVersion: process.versions.node,
    }),

    getSettings: () => services.settings.get(),

    updateSettings: (patch) => {
      const settings = services.settings.update(patch);
      services.log.info('Settings updated', { fields: Object.keys(patch) });
      return settings;
    },

    openExternal: async ({ url }) => {
      if (!isAllowedExternalUrl(url)) {
        throw new AppFailure(
          'app.external-url-not-allowed',
          `Opening ${url} is not allowed: only https links to known hosts open in the browser.`,
          { field: 'url', params: { url } },
        );
      }
      await services.openExternal(url);
    },

    copyText: async ({ text }) => {
      rejectKnownSecrets(text, services.secrets, 'text');
      await services.clipboard.writeText(text);
    },

    reportRendererError: ({ message, stack, source }) => {
      services.log.error('Renderer error', { source, message, stack });
    },
  };
}
