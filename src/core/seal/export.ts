import type { VerificationReport } from '../../shared/report.ts';
import { AppFailure } from '../../shared/result.ts';
import {
  MANIFEST_FORMAT,
  MANIFEST_VERSION,
  validateManifest,
  type Manifest,
  type Sender,
  type VerificationState,
} from '../../shared/manifest.ts';

/** Days after creation that the "use before" date lies by default. */
export const DEFAULT_USE_BEFORE_DAYS = 14;

/**
 * Compares the last verification with the inputs about to be exported:
 * "stale" when the report's inputs digest differs from the current one
 * (the URL, client id, secret, companies or profile changed since).
 */
export function assessVerification(
  report: VerificationReport | null,
  currentInputsDigest: string,
): VerificationState {
  if (report === null) {
    return 'missing';
  }
  if (report.inputsDigest !== currentInputsDigest) {
    return 'stale';
  }
  return report.verdict === 'pass' ? 'passed' : 'failed';
}

const REFUSAL_MESSAGES: Record<Exclude<VerificationState, 'passed'>, string> = {
  missing: 'These credentials were never verified.',
  stale: 'The credentials changed after the last verification.',
  failed: 'The last verification of these credentials did not pass.',
};

/**
 * Throws `sealing.verification-<state>` unless the verification passed or
 * the user explicitly confirmed the export anyway.
 */
export function assertExportAllowed(state: VerificationState, confirmed: boolean): void {
  if (state === 'passed' || confirmed) {
    return;
  }
  throw new AppFailure(
    `sealing.verification-${state}`,
    `${REFUSAL_MESSAGES[state]} Run the verification again, or confirm that you want to export anyway.`,
    { field: 'confirmUnverified', params: { state } },
  );
}

export interface ExportInputs {
  environmentUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  clientDisplayName: string;
  validFrom: string | null;
  validUntil: string | null;
  companyNumbers: readonly string[];
  profile: Manifest['profile'];
  report: VerificationReport | null;
  /** Digest of the inputs above, computed like the report's `inputsDigest`. */
  currentInputsDigest: string;
  sender: Sender;
  /** True when the user confirmed the export despite a verification that did not pass. */
  confirmUnverified: boolean;
  now: Date;
  /** Advisory date (YYYY-MM-DD); defaults to DEFAULT_USE_BEFORE_DAYS after `now`. */
  useBefore?: string;
}

/**
 * Builds the manifest of an export, after checking the verification state.
 * The manifest records that state and whether the user confirmed the export
 * despite it.
 */
export function buildManifest(inputs: ExportInputs): Manifest {
  const state = assessVerification(inputs.report, inputs.currentInputsDigest);
  assertExportAllowed(state, inputs.confirmUnverified);
  return validateManifest({
    format: MANIFEST_FORMAT,
    version: MANIFEST_VERSION,
    createdAt: inputs.now.toISOString(),
    useBefore: inputs.useBefore ?? defaultUseBefore(inputs.now, inputs.validUntil),
    environmentUrl: inputs.environmentUrl,
    tokenUrl: inputs.tokenUrl,
    clientId: inputs.clientId,
    clientSecret: inputs.clientSecret,
    clientDisplayName: inputs.clientDisplayName,
    validFrom: inputs.validFrom,
    validUntil: inputs.validUntil,
    companyNumbers: [...inputs.companyNumbers],
    profile: inputs.profile,
    verification: {
      state,
      confirmedDespiteState: state !== 'passed',
      report: inputs.report,
    },
    sender: inputs.sender,
  });
}

/** DEFAULT_USE_BEFORE_DAYS after `now`, but no later than the client's end date. */
export function defaultUseBefore(now: Date, validUntil: string | null): string {
  const date = new Date(now.getTime() + DEFAULT_USE_BEFORE_DAYS * 24 * 60 * 60 * 1000);
  const day = date.toISOString().slice(0, 10);
  if (validUntil !== null && validUntil < day) {
    return validUntil;
  }
  return day;
}
