import { runVerification } from '../../core/cobra/run.ts';
import type { HandlerMap } from '../../shared/ipc/contract.ts';
import { normaliseEnvironmentUrl } from '../../shared/inputs.ts';
import { AppFailure } from '../../shared/result.ts';
import type { AppServices } from '../services.ts';
import type { OpenedEntry } from './sealing-open.ts';
import { requireProfile } from './sealing-export.ts';
import type { SessionStore } from './sealing-sessions.ts';

/**
 * Creates the recipient's re-test: the verification run of the app, with the
 * credentials of an opened file, from the recipient's computer and network.
 */
export function createVerifyOpenedHandler(
  services: AppServices,
  opened: SessionStore<OpenedEntry>,
): HandlerMap['sealing']['verifyOpened'] {
  const log = services.log.child('sealing');
  return async ({ openedId }) => {
    const { manifest } = opened.get(openedId);
    const environment = normaliseEnvironmentUrl(manifest.environmentUrl);
    if (!environment.ok) {
      throw new AppFailure(
        'sealing.inputs-invalid',
        `The environment URL in the file is not valid (${environment.error.code}).`,
        { field: 'environmentUrl', params: { field: 'environmentUrl' } },
      );
    }
    // NOTE: the profile is this computer's copy with the same id; a file made
    // with another version of it is tested against the local endpoint list.
    const profile = requireProfile(services, manifest.profile.id);
    const settings = services.settings.get();
    log.info('Verification of an opened file started', { clientId: manifest.clientId });
    return runVerification(
      {
        environment: environment.value,
        credentials: { clientId: manifest.clientId, clientSecret: manifest.clientSecret },
        companyNumbers: manifest.companyNumbers,
        profile,
        deep: false,
        validity: { from: manifest.validFrom, until: manifest.validUntil },
      },
      {
        fetch: services.fetch,
        concurrency: settings.network.concurrency,
        timeoutMs: settings.network.requestTimeoutMs,
        log: log.child('verify'),
        secrets: services.secrets,
        language: settings.language,
      },
    );
  };
}
