import { writeFile } from 'node:fs/promises';
import { arch, homedir, release, type, version } from 'node:os';
import { buildDiagnosticsArchive, diagnosticsFileName } from '../../core/diagnostics.ts';
import { redactText } from '../../core/log/redact.ts';
import { createTranslator } from '../../shared/i18n/translator.ts';
import type { HandlerMap } from '../../shared/ipc/contract.ts';
import { AppFailure } from '../../shared/result.ts';
import type { AppServices } from '../services.ts';

export function createDiagnosticsHandlers(services: AppServices): HandlerMap['diagnostics'] {
  const log = services.log.child('diagnostics');

  return {
    exportArchive: async () => {
      const t = await createTranslator(services.settings.get().language);
      const now = new Date();
      const path = await services.dialogs.showSaveDialog({
        title: t('diagnostics.saveTitle'),
        defaultPath: diagnosticsFileName(now),
        filters: [{ name: t('diagnostics.zipFilter'), extensions: ['zip'] }],
      });
      if (path === undefined) {
        log.info('Diagnostics export cancelled');
        return { saved: false };
      }

      const archive = buildDiagnosticsArchive({
        about: {
          app: services.app,
          node: process.versions.node,
          chrome: process.versions['chrome'] ?? null,
          os: { platform: process.platform, arch: arch(), type: type(), release: release() },
          osVersion: version(),
        },
        settings: services.settings.get(),
        logDirectory: services.paths.logs,
        connections: services.vault.connections.list().map(({ lastReport: _, ...rest }) => rest),
        reports: services.vault.connections
          .list()
          .filter((connection) => connection.lastReport !== null)
          .map((connection) => ({ connectionId: connection.id, report: connection.lastReport })),
        secrets: services.secrets,
        homeDirectory: homedir(),
        now,
      });
      try {
        await writeFile(path, archive.bytes);
      } catch (error) {
        log.error('Writing the diagnostics archive failed', { path, error });
        throw new AppFailure(
          'diagnostics.write-failed',
          `Could not write the diagnostics archive to ${path}. Choose another folder and try again.`,
          { params: { path }, cause: error },
        );
      }
      log.info('Diagnostics archive written', {
        path,
        entries: archive.entries.length,
        bytes: archive.bytes.byteLength,
      });
      return { saved: true, path, entries: archive.entries };
    },

    copyErrorDetails: async ({ details }) => {
      // SECURITY: the details come from an error in the page, which may quote
      // anything it held; only the redacted text reaches the clipboard.
      await services.clipboard.writeText(redactText(details, services.secrets));
      log.info('Error details copied to the clipboard', { characters: details.length });
    },
  };
}
