import { inputsDigestFor } from '../../core/cobra/report.ts';
import { runVerification } from '../../core/cobra/run.ts';
import type { HandlerMap } from '../../shared/ipc/contract.ts';
import {
  checkStoredConnection,
  type ConnectionInputs,
  type InputMessage,
} from '../../shared/inputs.ts';
import type { Connection } from '../../shared/connection.ts';
import type { Profile } from '../../shared/profile.ts';
import type { VerificationReport } from '../../shared/report.ts';
import { AppFailure } from '../../shared/result.ts';
import type { AppServices } from '../services.ts';
import { profileLibraryFor } from './profiles.ts';

export function createVerificationHandlers(services: AppServices): HandlerMap['verification'] {
  const log = services.log.child('verification');
  const library = profileLibraryFor(services);
  /** Abort controllers of the runs in progress, by connection id. */
  const running = new Map<string, AbortController>();

  const profileOf = (connection: Connection): Profile => {
    const entry = library.find(connection.profileId);
    if (entry === undefined) {
      throw new AppFailure(
        'profiles.not-found',
        `There is no profile with id "${connection.profileId}".`,
        { field: 'profileId', params: { id: connection.profileId } },
      );
    }
    return entry.profile;
  };

  /** Runs one verification and stores its report as the connection's last report. */
  const runAndStore = async (
    connectionId: string,
    deep: boolean,
    controller: AbortController,
  ): Promise<VerificationReport> => {
    const connection = services.vault.connections.get(connectionId);
    const profile = profileOf(connection);
    const secret = await services.vault.readSecret(connectionId);
    const { inputs, warnings } = checkedInputs(connection, secret);
    const { language, network } = services.settings.get();
    const report = await runVerification(
      {
        environment: inputs.environment,
        credentials: { clientId: inputs.clientId, clientSecret: inputs.clientSecret },
        companyNumbers: inputs.companyNumbers,
        profile,
        deep,
        validity: { from: connection.validFrom, until: connection.validUntil },
        warnings,
      },
      {
        fetch: services.fetch,
        concurrency: network.concurrency,
        timeoutMs: network.requestTimeoutMs,
        signal: controller.signal,
        log,
        secrets: services.secrets,
        language,
        onProgress: (progress) =>
          services.emit('verification', 'onProgress', { connectionId, ...progress }),
      },
    );

    if (services.vault.connections.has(connectionId)) {
      services.vault.connections.update(connectionId, { lastReport: report });
    } else {
      log.warn('Connection deleted during its verification; report not stored', {
        connectionId,
      });
    }
    return report;
  };

  return {
    run: async ({ connectionId, deep }) => {
      if (running.has(connectionId)) {
        throw new AppFailure(
          'verification.already-running',
          'A verification of this connection is already running.',
          { params: { connectionId } },
        );
      }
      // Claimed before the first await, so a second call cannot slip in.
      const controller = new AbortController();
      running.set(connectionId, controller);
      try {
        return await runAndStore(connectionId, deep, controller);
      } finally {
        running.delete(connectionId);
        services.emit('verification', 'onFinished', { connectionId });
      }
    },

    cancel: ({ connectionId }) => {
      const controller = running.get(connectionId);
      controller?.abort(new Error('Verification cancelled by the user'));
      if (controller !== undefined) {
        log.info('Verification cancelled', { connectionId });
      }
      return { cancelled: controller !== undefined };
    },

    status: async ({ connectionId }) => {
      const connection = services.vault.connections.get(connectionId);
      const lastReport = connection.lastReport;
      return {
        running: running.has(connectionId),
        lastReport,
        stale: lastReport === null ? null : await isStale(connection, lastReport),
      };
    },
  };

  async function isStale(
    connection: Connection,
    report: VerificationReport,
  ): Promise<boolean | null> {
    let secret: string;
    try {
      secret = await services.vault.readSecret(connection.id);
    } catch (error) {
      if (error instanceof AppFailure) {
        return null;
      }
      throw error;
    }
    const checked = checkStoredConnection(connection, secret);
    if (!checked.ok) {
      return true;
    }
    const current = inputsDigestFor(report, {
      environmentUrl: checked.value.environment.baseUrl,
      clientId: checked.value.clientId,
      clientSecret: checked.value.clientSecret,
      companyNumbers: checked.value.companyNumbers,
      profile: profileOf(connection),
    });
    return current !== report.inputsDigest;
  }
}

/**
 * Checks and normalises the stored inputs as the form does. The first invalid field
 * fails the run as `inputs.<code>`, which translates to the form's message.
 */
function checkedInputs(
  connection: Connection,
  secret: string,
): { inputs: ConnectionInputs; warnings: InputMessage[] } {
  const checked = checkStoredConnection(connection, secret);
  if (!checked.ok) {
    const first = checked.errors[0]!;
    throw new AppFailure(
      `inputs.${first.code}`,
      `The stored ${first.field} is invalid (${first.code}); correct it and run the test again.`,
      {
        field: first.field,
        params: first.params,
      },
    );
  }
  return { inputs: checked.value, warnings: checked.warnings };
}
