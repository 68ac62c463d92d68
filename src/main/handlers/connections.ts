import type { HandlerMap } from '../../shared/ipc/contract.ts';
import type { AppServices } from '../services.ts';

export function createConnectionHandlers(services: AppServices): HandlerMap['connections'] {
  const { vault, log } = services;
  return {
    list: () => ({ connections: vault.connections.list(), notices: vault.notices.list() }),

    get: ({ id }) => vault.connections.get(id),

    create: (input) => {
      const connection = vault.connections.create(input);
      log.info('Connection created', { id: connection.id, profileId: connection.profileId });
      return connection;
    },

    update: ({ id, patch }) => {
      const connection = vault.connections.update(id, patch);
      log.info('Connection updated', { id, fields: Object.keys(patch) });
      return connection;
    },

    rename: ({ id, name }) => vault.connections.update(id, { name }),

    delete: async ({ id }) => {
      await vault.deleteConnection(id);
      log.info('Connection deleted with its secret', { id });
    },

    setChecklistItem: ({ id, itemId, done }) =>
      vault.connections.setChecklistItem(id, itemId, done),

    dismissNotice: ({ noticeId }) => vault.notices.dismiss(noticeId),
  };
}
