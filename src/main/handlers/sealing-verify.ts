import { runVerification } from '../../core/cobra/run.ts';
import type { HandlerMap } from '../../shared/ipc/contract.ts';
import { normaliseEnvironmentUrl } from '../../shared/inputs.ts';
import { AppFailure } from '../../shared/result.ts';
import type { AppServices } from '../services.ts';
import type { OpenedEntry } from './sealing-open.ts';
import { requireProfile } from './sealing-export.ts';
import type { SessionStore } from './sealing-sessions.ts';

type VerifyHandlers = Pick<HandlerMap['sealing'], 'verifyOpened' | 'cancelVerifyOpened'>;

/**
 * Creates the recipient's re-test: the verification run of the app, with the
 * credentials of an opened file, from the recipient's computer and network.
 * Each finished probe is pushed as `sealing.onVerifyProgress`. `running`
 * contains the abort controller of each run by its opened file, so closing
 * the file can stop the run.
 */
export function createVerifyOpenedHandlers(
  services: AppServices,
  opened: SessionStore<OpenedEntry>,
  running: Map<OpenedEntry, AbortController>,
): VerifyHandlers {
  const log = services.log.child('sealing');
  return {
    verifyOpened: async ({ openedId }) => {
      const entry = opened.get(openedId);
      const { manifest } = entry;
      if (running.has(entry)) {
        throw new AppFailure(
          'sealing.verify-running',
          'This opened file is already being tested. Wait until the test finishes or stop it.',
        );
      }
      const environment = normaliseEnvironmentUrl(manifest.environmentUrl);
      if (!environment.ok) {
        throw new AppFailure(
          'sealing.inputs-invalid',
          `The environment URL in the file is not valid (${environment.error.code}).`,
          { field: 'environmentUrl', params: { field: 'environmentUrl' } },
        );
      }
      // NOTE: the profile is this computer's copy with the same id. A file made
      // with another version of it is tested against the local endpoint list.
      const profile = requireProfile(services, manifest.profile.id);
      const settings = services.settings.get();
      const controller = new AbortController();
      running.set(entry, controller);
      log.info('Verification of an opened file started', { clientId: manifest.clientId });
      try {
        return await runVerification(
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
            signal: controller.signal,
            log: log.child('verify'),
            secrets: services.secrets,
            language: settings.language,
            onProgress: (progress) =>
              services.emit('sealing', 'onVerifyProgress', { openedId, ...progress }),
          },
        );
      } finally {
        running.delete(entry);
      }
    },

    cancelVerifyOpened: ({ openedId }) => {
      const controller = running.get(opened.get(openedId));
      controller?.abort(new Error('Verification cancelled by the user'));
      if (controller !== undefined) {
        log.info('Verification of an opened file cancelled');
      }
      return { cancelled: controller !== undefined };
    },
  };
}
