import { randomBytes, scrypt, scryptSync } from 'node:crypto';
import type { TFunction } from 'i18next';
import type { Environment, InputMessage } from '../../shared/inputs.ts';
import type { Profile } from '../../shared/profile.ts';
import type { ProbeKind, ProbeResult, VerificationReport } from '../../shared/report.ts';
import type { Finding } from './responses.ts';

/** Which probe a finding belongs to. */
export interface ProbeTarget {
  kind: ProbeKind;
  resource?: string;
  company?: string;
}

/**
 * The message of a finding in the translator's language: `diagnosis:<code>`,
 * or its variant `diagnosis:<code>_<context>` when params.context is set.
 */
export function describeFinding(
  t: TFunction,
  finding: Pick<Finding, 'diagnosis' | 'params'>,
): string {
  const { context, ...params } = finding.params;
  const options: Record<string, unknown> = { ...params };
  if (context !== undefined) {
    options['context'] = String(context);
  }
  return t(`diagnosis:${finding.diagnosis}`, options);
}

export function toProbeResult(
  t: TFunction,
  target: ProbeTarget,
  finding: Finding,
  durationMs: number,
): ProbeResult {
  const result: ProbeResult = {
    ...target,
    httpStatus: finding.httpStatus,
    durationMs,
    diagnosis: finding.diagnosis,
    params: { ...target, ...finding.params },
    message: describeFinding(t, finding),
  };
  if (finding.detail !== undefined) {
    result.detail = finding.detail.slice(0, 500);
  }
  return result;
}

/** The inputs a report's digest covers. */
export interface DigestInputs {
  environmentUrl: string;
  clientId: string;
  clientSecret: string;
  companyNumbers: readonly string[];
  profile: Pick<Profile, 'id' | 'version'>;
}

/**
 * scrypt cost per digest: 128 * N * r bytes = 4 MiB of memory, and CPU time
 * in proportion to N * r * p, the same as the earlier N = 2^14, p = 1 (some
 * tens of milliseconds), so a guess of the secret costs as much as before.
 * The smaller N keeps the CLI's peak memory down. Reports stored with the
 * earlier parameters no longer match their digest and count as stale, so
 * the user tests again.
 */
const DIGEST_SCRYPT = { N: 2 ** 12, r: 8, p: 4, maxmem: 32 * 1024 * 1024 } as const;

/** A fresh random salt for one report's inputs digest, as 32 hex digits. */
export function newInputsSalt(): string {
  return randomBytes(16).toString('hex');
}

/**
 * A digest over the inputs of a run, to tell whether a stored report still
 * applies: the environment, client id, secret, companies and profile
 * version. SECURITY: scrypt with a random salt per report, so that someone
 * holding a report cannot test guesses of the secret cheaply or compare
 * digests across reports. The deep switch is left out because a deep and a
 * plain run check the same inputs.
 */
export function computeInputsDigest(input: DigestInputs, salt: string): string {
  const key = scryptSync(canonicalInputs(input), Buffer.from(salt, 'hex'), 32, DIGEST_SCRYPT);
  return key.toString('hex');
}

/**
 * Computes the same digest as computeInputsDigest on Node's thread pool, so
 * that a run can compute it while it waits for the network.
 */
export function computeInputsDigestAsync(input: DigestInputs, salt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    scrypt(canonicalInputs(input), Buffer.from(salt, 'hex'), 32, DIGEST_SCRYPT, (error, key) => {
      if (error === null) {
        resolve(key.toString('hex'));
      } else {
        reject(error);
      }
    });
  });
}

function canonicalInputs(input: DigestInputs): string {
  return JSON.stringify({
    environmentUrl: input.environmentUrl,
    clientId: input.clientId,
    clientSecret: input.clientSecret,
    companyNumbers: [...input.companyNumbers],
    profile: { id: input.profile.id, version: input.profile.version },
  });
}

/**
 * The digest of `input` with the salt of `report`, to compare with the
 * report's own; an empty string, which matches no digest, for a report
 * without a salt (made before reports had one), so that it counts as stale.
 */
export function inputsDigestFor(
  report: Pick<VerificationReport, 'inputsSalt'>,
  input: DigestInputs,
): string {
  return report.inputsSalt === undefined ? '' : computeInputsDigest(input, report.inputsSalt);
}

export function verdictOf(
  probes: readonly ProbeResult[],
  cancelled: boolean,
): VerificationReport['verdict'] {
  if (cancelled) {
    return 'cancelled';
  }
  const token = probes.find((probe) => probe.kind === 'token');
  if (token === undefined || token.diagnosis !== 'ok') {
    return 'error';
  }
  return probes.every((probe) => probe.diagnosis === 'ok') ? 'pass' : 'fail';
}

export function reportWarnings(warnings: readonly InputMessage[]): VerificationReport['warnings'] {
  return warnings.map((warning) => ({ code: `inputs:${warning.code}`, params: warning.params }));
}

export function environmentFields(environment: Environment): {
  environmentUrl: string;
  tokenUrl: string;
} {
  return { environmentUrl: environment.baseUrl, tokenUrl: environment.tokenUrl };
}
