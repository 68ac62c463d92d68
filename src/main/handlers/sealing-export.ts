import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { assessVerification, defaultUseBefore } from '../../core/seal/export.ts';
import { currentInputsDigest, manifestFromInputs } from '../../core/seal/export-inputs.ts';
import { defaultSealedFileName } from '../../core/seal/file-name.ts';
import type { Connection } from '../../shared/connection.ts';
import { createTranslator } from '../../shared/i18n/translator.ts';
import { checkStoredConnection, type ConnectionInputs } from '../../shared/inputs.ts';
import type { HandlerMap } from '../../shared/ipc/contract.ts';
import type { Profile } from '../../shared/profile.ts';
import { AppFailure } from '../../shared/result.ts';
import type { AppServices } from '../services.ts';
import { profileLibraryFor } from './profiles.ts';
import type { ExportedFiles } from './sealing-handover.ts';

type ExportHandlers = Pick<HandlerMap['sealing'], 'getExportStatus' | 'exportFile'>;

interface LoadedConnection {
  connection: Connection;
  profile: Profile;
  inputs: ConnectionInputs;
}

/** Returns a profile of the library by id; throws `profiles.not-found`. */
export function requireProfile(services: AppServices, id: string): Profile {
  const profile = profileLibraryFor(services).find(id)?.profile;
  if (profile === undefined) {
    throw new AppFailure('profiles.not-found', `There is no profile with id "${id}".`, {
      field: 'profileId',
      params: { id },
    });
  }
  return profile;
}

/**
 * Reads a connection, its profile and its decrypted secret, and checks the
 * inputs with the rules of the verification run. The secret stays in main.
 */
async function loadConnection(
  services: AppServices,
  connectionId: string,
): Promise<LoadedConnection> {
  const connection = services.vault.connections.get(connectionId);
  const profile = requireProfile(services, connection.profileId);
  const secret = await services.vault.readSecret(connectionId);
  const checked = checkStoredConnection(connection, secret);
  if (!checked.ok) {
    const first = checked.errors[0]!;
    throw new AppFailure(
      'sealing.inputs-invalid',
      `The ${first.field} of the connection is not valid (${first.code}). Correct it before exporting.`,
      { field: first.field, params: { field: first.field } },
    );
  }
  return { connection, profile, inputs: checked.value };
}

/**
 * Creates the handlers of the sender's side: the export status and the
 * export itself. Each saved file's path goes into `exported`.
 */
export function createExportHandlers(
  services: AppServices,
  exported: ExportedFiles,
): ExportHandlers {
  const log = services.log.child('sealing');

  return {
    getExportStatus: async ({ connectionId }) => {
      const { connection, profile, inputs } = await loadConnection(services, connectionId);
      const report = connection.lastReport;
      const now = new Date();
      return {
        state: assessVerification(report, currentInputsDigest(inputs, profile, report)),
        lastReport:
          report === null ? null : { verdict: report.verdict, finishedAt: report.finishedAt },
        defaultFileName: defaultSealedFileName({
          profileId: profile.id,
          // The connection's name is how the user tells employers apart.
          organisation: connection.name,
          clientDisplayName: connection.clientDisplayName,
          date: now,
          extension: 'age',
        }),
        defaultUseBefore: defaultUseBefore(now, connection.validUntil),
      };
    },

    exportFile: async ({ connectionId, target, sender, useBefore, confirmUnverified }) => {
      if (target.kind === 'passphrase') {
        // SECURITY: the passphrase opens the file, so logs mask it like the secret.
        services.secrets.register(target.passphrase);
      }
      const { connection, profile, inputs } = await loadConnection(services, connectionId);
      const now = new Date();
      const manifest = manifestFromInputs(inputs, {
        profile,
        clientDisplayName: connection.clientDisplayName,
        validFrom: connection.validFrom,
        validUntil: connection.validUntil,
        report: connection.lastReport,
        sender,
        confirmUnverified,
        useBefore,
        now,
      });
      const sealed = await services.sealEngine.seal(manifest, target);

      const t = await createTranslator(services.settings.get().language);
      const path = await services.dialogs.showSaveDialog({
        title: t('sealing:dialogs.saveTitle'),
        defaultPath: defaultSealedFileName({
          profileId: profile.id,
          organisation: sender.organisation || connection.name,
          clientDisplayName: connection.clientDisplayName,
          date: now,
          extension: sealed.extension,
        }),
        filters: [
          {
            name: t(
              sealed.format === 'age' ? 'sealing:dialogs.ageFilter' : 'sealing:dialogs.pgpFilter',
            ),
            extensions: [sealed.extension],
          },
        ],
      });
      if (path === undefined) {
        log.info('Export cancelled in the save dialog', { connectionId });
        return { saved: false };
      }
      try {
        await writeFile(path, sealed.text, 'utf8');
      } catch (error) {
        log.error('Writing the sealed file failed', { connectionId, path, error });
        throw new AppFailure('sealing.write-failed', `The file ${path} could not be saved.`, {
          params: { name: basename(path) },
          cause: error,
        });
      }
      const { state, confirmedDespiteState } = manifest.verification;
      log.info('Sealed file exported', {
        connectionId,
        path,
        recipient: target.kind,
        sha256: sealed.sha256,
        verification: state,
        confirmedDespiteState,
      });
      return {
        saved: true,
        path,
        exportId: exported.add(path),
        fileName: basename(path),
        sha256: sealed.sha256,
        fingerprint: sealed.fingerprint,
        state,
        confirmedDespiteState,
      };
    },
  };
}
