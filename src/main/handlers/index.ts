import type { HandlerMap } from '../../shared/ipc/contract.ts';
import type { AppServices } from '../services.ts';
import { createAppHandlers } from './app.ts';
import { createMailHandlers } from './mail.ts';
import { createDiagnosticsHandlers } from './diagnostics.ts';
import { createConnectionHandlers } from './connections.ts';
import { createSecretHandlers } from './secrets.ts';
import { createProfilesHandlers } from './profiles.ts';
import { createSealingHandlers } from './sealing.ts';
import { createVerificationHandlers } from './verification.ts';

/** Builds the handler of every invoke channel; each feature adds its group. */
export function createHandlers(services: AppServices): HandlerMap {
  return {
    app: createAppHandlers(services),
    mail: createMailHandlers(services),
    diagnostics: createDiagnosticsHandlers(services),
    connections: createConnectionHandlers(services),
    secrets: createSecretHandlers(services),
    profiles: createProfilesHandlers(services),
    sealing: createSealingHandlers(services),
    verification: createVerificationHandlers(services),
  };
}
