import { createHash } from 'node:crypto';
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

/**
 * A digest over the inputs of a run, to tell whether a stored report still
 * applies: the environment, client id, a hash of the secret, the companies
 * and the profile version. The secret itself is hashed first so the digest
 * input never holds it; the deep switch is left out because a deep and a
 * plain run check the same inputs.
 */
export function computeInputsDigest(input: {
  environmentUrl: string;
  clientId: string;
  clientSecret: string;
  companyNumbers: readonly string[];
  profile: Pick<Profile, 'id' | 'version'>;
}): string {
  const secretHash = createHash('sha256').update(input.clientSecret, 'utf8').digest('hex');
  const canonical = JSON.stringify({
    environmentUrl: input.environmentUrl,
    clientId: input.clientId,
    secretHash,
    companyNumbers: [...input.companyNumbers],
    profile: { id: input.profile.id, version: input.profile.version },
  });
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
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
