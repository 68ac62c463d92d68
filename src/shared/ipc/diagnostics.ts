import { z } from 'zod';
import { invoke } from './define.ts';

export type DiagnosticsExportResult =
  | { saved: false }
  | {
      saved: true;
      /** Path of the saved zip, as chosen in the save dialog. */
      path: string;
      /** Names of the files inside the zip. */
      entries: string[];
    };

export const errorDetailsSchema = z.object({ details: z.string().max(40_000) });

export const diagnosticsContract = {
  /** Asks where to save, then writes the redacted diagnostics zip there. */
  exportArchive: invoke<DiagnosticsExportResult>()('diagnostics:export-archive', z.undefined()),
  /** Redacts crash details in main and puts them on the clipboard. */
  copyErrorDetails: invoke<void>()('diagnostics:copy-error-details', errorDetailsSchema),
};
