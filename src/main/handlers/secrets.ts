import type { HandlerMap } from '../../shared/ipc/contract.ts';
import type { AppServices } from '../services.ts';

/**
 * The renderer's view of the client secrets: it sends a secret once and
 * gets back statuses only. SECURITY: no handler here returns a plaintext.
 */
export function createSecretHandlers(services: AppServices): HandlerMap['secrets'] {
  const { vault } = services;
  return {
    storage: () => vault.storageStatus(),
    status: ({ connectionId }) => vault.secretStatus(connectionId),
    save: ({ connectionId, secret }) => vault.saveSecret(connectionId, secret),
    keepInMemory: ({ connectionId, secret }) => vault.keepSecretInMemory(connectionId, secret),
    forget: ({ connectionId }) => vault.forgetSecret(connectionId),
    copy: ({ connectionId }) => vault.copySecret(connectionId),
  };
}
