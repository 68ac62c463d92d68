import { z } from 'zod';
import type { ProbeResult, VerificationReport } from '../report.ts';
import { event, invoke } from './define.ts';

const connectionRef = z.object({ connectionId: z.uuid() }).strict();

export const startVerificationSchema = z
  .object({
    connectionId: z.uuid(),
    /** Adds one filtered probe per company for the endpoints that filter by company. */
    deep: z.boolean().default(false),
  })
  .strict();

/** One finished probe of a running verification, pushed as it completes. */
export interface VerificationProgress {
  connectionId: string;
  probe: ProbeResult;
  /** Position of the probe in the report's list. */
  index: number;
  completed: number;
  total: number;
}

export interface VerificationStatus {
  running: boolean;
  lastReport: VerificationReport | null;
  /**
   * True when the inputs or the secret changed since the last report, because
   * then the report no longer applies. Null without a report or a readable secret.
   */
  stale: boolean | null;
}

export const verificationContract = {
  /**
   * Runs the verification of a stored connection with its stored secret and
   * resolves with the report, which is also saved as the connection's last
   * report. Fails with `verification.already-running`, `vault.secret-missing`,
   * `profiles.not-found` or an `inputs.*` code for invalid stored inputs.
   */
  run: invoke<VerificationReport>()('verification:run', startVerificationSchema),
  /** Stops the running verification of a connection; `run` then resolves as cancelled. */
  cancel: invoke<{ cancelled: boolean }>()('verification:cancel', connectionRef),
  status: invoke<VerificationStatus>()('verification:status', connectionRef),
  onProgress: event<VerificationProgress>('verification:progress'),
  /**
   * Pushed when a run ends, passed, failed or cancelled, after its report was
   * stored. A page that did not start the run, such as one opened while it
   * ran, learns from it that the run is over.
   */
  onFinished: event<{ connectionId: string }>('verification:finished'),
};
