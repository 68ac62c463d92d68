import { inputsDigestFor } from '../cobra/report.ts';
import type { ConnectionInputs } from '../../shared/inputs.ts';
import type { Manifest, Sender } from '../../shared/manifest.ts';
import type { Profile } from '../../shared/profile.ts';
import type { VerificationReport } from '../../shared/report.ts';
import { buildManifest } from './export.ts';

/** Everything an export needs besides the checked connection inputs. */
export interface ExportDetails {
  profile: Profile;
  clientDisplayName: string;
  validFrom: string | null;
  validUntil: string | null;
  report: VerificationReport | null;
  sender: Sender;
  confirmUnverified: boolean;
  useBefore?: string | undefined;
  now: Date;
}

/**
 * Digest of the inputs as the verification run computed it for `report`,
 * with the report's salt, so that a report of exactly these inputs counts
 * as current. Empty, which matches nothing, when there is no report.
 */
export function currentInputsDigest(
  inputs: ConnectionInputs,
  profile: Profile,
  report: VerificationReport | null,
): string {
  if (report === null) {
    return '';
  }
  return inputsDigestFor(report, {
    environmentUrl: inputs.environment.baseUrl,
    clientId: inputs.clientId,
    clientSecret: inputs.clientSecret,
    companyNumbers: inputs.companyNumbers,
    profile,
  });
}

/**
 * Builds the manifest of an export from checked connection inputs, for the
 * app and the CLI alike; throws `sealing.verification-*` when the
 * verification did not pass and the user did not confirm.
 */
export function manifestFromInputs(inputs: ConnectionInputs, details: ExportDetails): Manifest {
  return buildManifest({
    environmentUrl: inputs.environment.baseUrl,
    tokenUrl: inputs.environment.tokenUrl,
    clientId: inputs.clientId,
    clientSecret: inputs.clientSecret,
    clientDisplayName: details.clientDisplayName,
    validFrom: details.validFrom,
    validUntil: details.validUntil,
    companyNumbers: inputs.companyNumbers,
    profile: {
      id: details.profile.id,
      version: details.profile.version,
      recipient: details.profile.recipient,
    },
    report: details.report,
    currentInputsDigest: currentInputsDigest(inputs, details.profile, details.report),
    sender: details.sender,
    confirmUnverified: details.confirmUnverified,
    useBefore: details.useBefore,
    now: details.now,
  });
}
