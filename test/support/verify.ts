import { runVerification, type VerificationOptions } from '../../src/core/cobra/run.ts';
import { findBuiltInProfile } from '../../src/core/profiles/builtin.ts';
import { createNodeFetch } from '../../src/core/net/node-fetch.ts';
import { normaliseEnvironmentUrl, type Environment } from '../../src/shared/inputs.ts';
import type { Profile } from '../../src/shared/profile.ts';
import type { VerificationReport } from '../../src/shared/report.ts';
import { DEMO_COMPANY_NUMBERS, type Sandbox, type SandboxClient } from '../../src/sandbox/index.ts';

export const XPERTSUITE = findBuiltInProfile('xpertsuite-loongegevens')!;
export const LEARNED = findBuiltInProfile('learned')!;
export const COMPANIES_WITH_EMPLOYEES = DEMO_COMPANY_NUMBERS.withEmployees;
export const COMPANY_WITHOUT_EMPLOYEES = DEMO_COMPANY_NUMBERS.withoutEmployees[0]!;

export function environmentOf(url: string): Environment {
  const checked = normaliseEnvironmentUrl(url);
  if (!checked.ok) {
    throw new Error(`invalid test URL ${url}: ${checked.error.code}`);
  }
  return checked.value;
}

export interface VerifyRun {
  report: VerificationReport;
  /** URLs in the order the client sent them, retries included. */
  urls: string[];
}

/**
 * Runs a verification against a sandbox with undici's fetch (no proxy, no
 * extra CAs unless given) and records the URL of every request sent.
 */
export async function verifyAgainst(
  sandbox: Pick<Sandbox, 'baseUrl'>,
  client: Pick<SandboxClient, 'id' | 'secret'> & Partial<SandboxClient>,
  overrides: {
    companies?: readonly string[];
    profile?: Profile;
    deep?: boolean;
    validity?: { from: string | null; until: string | null };
    baseUrl?: string;
    options?: Partial<VerificationOptions>;
    extraCaCertificates?: string[];
    /** Wraps the transport, for tests that watch every request. */
    wrapFetch?: (inner: typeof fetch) => typeof fetch;
  } = {},
): Promise<VerifyRun> {
  const transport = createNodeFetch({
    env: {},
    extraCaCertificates: overrides.extraCaCertificates ?? [],
  });
  const urls: string[] = [];
  const inner = overrides.wrapFetch?.(transport.fetch) ?? transport.fetch;
  const recordingFetch: typeof fetch = (input, init) => {
    urls.push(String(input));
    return inner(input, init);
  };
  try {
    const report = await runVerification(
      {
        environment: environmentOf(overrides.baseUrl ?? sandbox.baseUrl),
        credentials: { clientId: client.id, clientSecret: client.secret },
        companyNumbers: overrides.companies ?? COMPANIES_WITH_EMPLOYEES,
        profile: overrides.profile ?? XPERTSUITE,
        deep: overrides.deep ?? false,
        ...(overrides.validity === undefined ? {} : { validity: overrides.validity }),
      },
      { fetch: recordingFetch, language: 'en', timeoutMs: 5_000, ...overrides.options },
    );
    return { report, urls };
  } finally {
    await transport.close();
  }
}

/** The probes of a report as "kind resource company: diagnosis" lines, for readable diffs. */
export function outcomes(report: VerificationReport): string[] {
  return report.probes.map((probe) =>
    [`${probe.kind}`, probe.resource, probe.company]
      .filter((part) => part !== undefined)
      .join(' ')
      .concat(`: ${probe.diagnosis}`),
  );
}

export function probeOf(
  report: VerificationReport,
  kind: string,
  resource?: string,
  company?: string,
): VerificationReport['probes'][number] {
  const probe = report.probes.find(
    (candidate) =>
      candidate.kind === kind &&
      (resource === undefined || candidate.resource === resource) &&
      (company === undefined || candidate.company === company),
  );
  if (probe === undefined) {
    throw new Error(`no ${kind} probe for ${resource ?? '-'} ${company ?? '-'}`);
  }
  return probe;
}
