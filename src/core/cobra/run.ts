import { createTranslator } from '../../shared/i18n/translator.ts';
import type { Environment, InputMessage } from '../../shared/inputs.ts';
import type { Language } from '../../shared/ipc/app.ts';
import type { Profile } from '../../shared/profile.ts';
import {
  REPORT_FORMAT,
  REPORT_VERSION,
  type ProbeResult,
  type VerificationReport,
} from '../../shared/report.ts';
import { silentLogger, type Logger } from '../log/logger.ts';
import { redactText, SecretRegistry } from '../log/redact.ts';
import {
  createHttpContext,
  exchange,
  type HttpContext,
  type HttpOutcome,
  type RetryPolicy,
} from './http.ts';
import { AdaptiveLimiter } from './limiter.ts';
import {
  companyDataProbeUrl,
  companyProbeUrl,
  endpointProbeUrl,
  processCompanyDataResponse,
  processCompanyResponse,
  processEndpointResponse,
  type CompanyLookup,
} from './probes.ts';
import {
  computeInputsDigestAsync,
  environmentFields,
  newInputsSalt,
  reportWarnings,
  toProbeResult,
  verdictOf,
  type ProbeTarget,
} from './report.ts';
import type { Finding } from './responses.ts';
import type { AccessToken, ClientCredentials } from './token.ts';
import { TokenSession } from './token-session.ts';

export const DEFAULT_CONCURRENCY = 4;
export const DEFAULT_TIMEOUT_MS = 15_000;

export interface VerificationInput {
  environment: Environment;
  credentials: ClientCredentials;
  companyNumbers: readonly string[];
  profile: Profile;
  /** Adds one probe per company for each endpoint the profile can filter by company. */
  deep: boolean;
  /** Start and end date entered in Cobra (YYYY-MM-DD), to explain a rejected client. */
  validity?: { from: string | null; until: string | null };
  /** Warnings from input normalisation, copied into the report. */
  warnings?: readonly InputMessage[];
}

export interface ProgressEvent {
  probe: ProbeResult;
  /** Position of the probe in the report's list. */
  index: number;
  completed: number;
  total: number;
}

export interface VerificationOptions {
  /** The Fetch API to send requests with: Electron's net.fetch or undici's fetch. */
  fetch: typeof fetch;
  concurrency?: number;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  signal?: AbortSignal;
  onProgress?: (event: ProgressEvent) => void;
  log?: Logger;
  /**
   * Receives the client secret and the access token so that log redaction
   * masks them; the run makes its own registry when none is given.
   */
  secrets?: SecretRegistry;
  language?: Language;
  /** Clock for token expiry and the validity dates; tests pass their own. */
  now?: () => number;
}

interface DeepTarget {
  resource: string;
  field: string;
  /** True for the resource whose rows show that a company has employees. */
  employment: boolean;
}

/**
 * Runs every probe of a profile against one Cobra environment and returns
 * the report. Network failures, server replies and cancellation become
 * probes with a diagnosis, not exceptions. On the happy path it sends
 * 1 + endpoints + companies requests, plus companies x deep targets with `deep`.
 */
export async function runVerification(
  input: VerificationInput,
  options: VerificationOptions,
): Promise<VerificationReport> {
  const startedAt = new Date();
  const now = options.now ?? Date.now;
  const log = options.log ?? silentLogger;
  const t = await createTranslator(options.language ?? 'nl');
  const secrets = options.secrets ?? new SecretRegistry();
  // SECURITY: a reply can echo the credentials or carry a token; every probe
  // passes through redaction with these values before it enters the report.
  secrets.register(input.credentials.clientSecret);
  let requestCount = 0;
  const context = createHttpContext({
    fetch: options.fetch,
    concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    retry: options.retry,
    signal: options.signal,
    log,
    onRequest: () => {
      requestCount += 1;
    },
  });
  const { signal, limiter } = context;
  // The digest depends on the inputs only, so scrypt (some tens of
  // milliseconds of CPU) runs on the thread pool while the probes wait for
  // the network, instead of blocking the event loop after the last probe.
  const inputsSalt = newInputsSalt();
  const inputsDigest = computeInputsDigestAsync(
    {
      environmentUrl: input.environment.baseUrl,
      clientId: input.credentials.clientId,
      clientSecret: input.credentials.clientSecret,
      companyNumbers: input.companyNumbers,
      profile: input.profile,
    },
    inputsSalt,
  );
  const session = new TokenSession({
    context,
    tokenUrl: input.environment.tokenUrl,
    credentials: input.credentials,
    scope: input.profile.scope,
    secrets,
    now,
  });

  const deepTargets = input.deep ? deepTargetsOf(input.profile) : [];
  const plan = planProbes(input, deepTargets);
  const probes: (ProbeResult | undefined)[] = new Array(plan.length);
  let completed = 0;
  const record = (index: number, finding: Finding, durationMs: number): void => {
    const probe = redactProbe(toProbeResult(t, plan[index]!, finding, durationMs), secrets);
    probes[index] = probe;
    completed += 1;
    options.onProgress?.({ probe, index, completed, total: plan.length });
  };

  log.info('Verification started', {
    environment: input.environment.baseUrl,
    profile: input.profile.id,
    endpoints: input.profile.endpoints.length,
    companies: input.companyNumbers.length,
    deep: input.deep,
  });

  const started = await session.start();
  const tokenFinding = started.result.ok
    ? { ...started.result.finding, params: { context: 'token', method: session.method ?? '-' } }
    : explainRejectedClient(started.result.finding, input.validity, now);
  record(0, tokenFinding, started.durationMs);

  if (started.result.ok) {
    const probeRunner = new ProbeRunner(
      input,
      context,
      session,
      deepTargets,
      plan,
      record,
      options.concurrency ?? DEFAULT_CONCURRENCY,
    );
    await probeRunner.runAll();
  } else {
    const reason = signal.aborted ? 'cancelled' : 'skipped';
    plan.forEach((_, index) => {
      if (index > 0) {
        record(index, { diagnosis: reason, httpStatus: null, params: { context: 'token' } }, 0);
      }
    });
  }
  session.close();
  limiter.dispose();

  const finished = probes.filter((probe): probe is ProbeResult => probe !== undefined);
  const report: VerificationReport = {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    ...environmentFields(input.environment),
    clientId: input.credentials.clientId,
    profile: { id: input.profile.id, version: input.profile.version },
    companies: [...input.companyNumbers],
    deep: input.deep,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    tokenAuthMethod: session.method ?? null,
    probes: finished,
    requestCount,
    warnings: reportWarnings(input.warnings ?? []),
    verdict: verdictOf(finished, signal.aborted),
    inputsSalt,
    inputsDigest: await inputsDigest,
  };
  log.info('Verification finished', {
    verdict: report.verdict,
    requests: requestCount,
    failed: finished.filter((probe) => probe.diagnosis !== 'ok').length,
  });
  return report;
}

/**
 * A 401 whose WWW-Authenticate says invalid_token rejects the token itself,
 * not the right to read the resource: ticking GET in Cobra would not help.
 * A 401 or 403 without it stays endpoint-not-authorised.
 */
function tokenRejected(outcome: HttpOutcome, durationMs: number): DataCall | undefined {
  if (outcome.kind !== 'response' || outcome.status !== 401) {
    return undefined;
  }
  const challenge = outcome.headers.get('www-authenticate') ?? '';
  if (!/\berror\s*=\s*"?invalid_token\b/i.test(challenge)) {
    return undefined;
  }
  return {
    finding: { diagnosis: 'token-rejected', httpStatus: 401, params: { status: 401 } },
    durationMs,
  };
}

/**
 * Masks the secret, the access token and secret-shaped text (a token reply
 * cut short, an echoed Authorization header) in the parts of a probe that
 * can quote a reply: its params, message and detail.
 */
function redactProbe(probe: ProbeResult, secrets: SecretRegistry): ProbeResult {
  const params: ProbeResult['params'] = {};
  for (const [key, value] of Object.entries(probe.params)) {
    params[key] = typeof value === 'string' ? redactText(value, secrets) : value;
  }
  const redacted: ProbeResult = {
    ...probe,
    params,
    message: redactText(probe.message, secrets),
  };
  if (probe.detail !== undefined) {
    redacted.detail = redactText(probe.detail, secrets);
  }
  return redacted;
}

/** Lists the probes of a run in report order: token, endpoints, companies, deep checks. */
function planProbes(input: VerificationInput, deepTargets: readonly DeepTarget[]): ProbeTarget[] {
  const plan: ProbeTarget[] = [{ kind: 'token' }];
  for (const endpoint of input.profile.endpoints) {
    plan.push({ kind: 'endpoint', resource: endpoint.resource });
  }
  for (const company of input.companyNumbers) {
    plan.push({ kind: 'company', resource: input.profile.companyLookup.resource, company });
  }
  for (const company of input.companyNumbers) {
    for (const target of deepTargets) {
      plan.push({ kind: 'company-data', resource: target.resource, company });
    }
  }
  return plan;
}

/**
 * Lists the resources that a deep check filters by company: every endpoint with a
 * companyFilterField, plus the profile's employment resource, whose rows
 * tell whether a company has employees.
 */
// NOTE: company-without-employees is only found by --deep. A plain run stays
// within 1 + endpoints + companies requests and cannot ask for employees.
export function deepTargetsOf(profile: Profile): DeepTarget[] {
  const { employmentResource, employmentCompanyField } = profile.companyLookup;
  const targets: DeepTarget[] = profile.endpoints
    .filter((endpoint) => endpoint.companyFilterField !== undefined)
    .map((endpoint) => ({
      resource: endpoint.resource,
      field: endpoint.companyFilterField!,
      employment: endpoint.resource === employmentResource,
    }));
  if (
    employmentResource !== undefined &&
    employmentCompanyField !== undefined &&
    !targets.some((target) => target.employment)
  ) {
    targets.push({ resource: employmentResource, field: employmentCompanyField, employment: true });
  }
  return targets;
}

/**
 * Turns invalid-client into client-outside-validity when the dates the
 * administrator entered explain the rejection. Cobra is assumed to reject a
 * client outside its start and end date like a wrong secret.
 */
function explainRejectedClient(
  finding: Finding,
  validity: VerificationInput['validity'],
  now: () => number,
): Finding {
  const rejected =
    finding.diagnosis === 'invalid-client' || finding.params['error'] === 'unauthorized_client';
  if (!rejected || validity === undefined) {
    return finding;
  }
  const today = new Date(now()).toISOString().slice(0, 10);
  if (validity.until !== null && validity.until < today) {
    return {
      ...finding,
      diagnosis: 'client-outside-validity',
      params: { ...finding.params, context: 'expired', date: validity.until },
    };
  }
  if (validity.from !== null && validity.from > today) {
    return {
      ...finding,
      diagnosis: 'client-outside-validity',
      params: { ...finding.params, context: 'not-yet-valid', date: validity.from },
    };
  }
  return finding;
}

type DataCall = { outcome: HttpOutcome } | { finding: Finding; durationMs: number };

/** Runs the data probes of a run once a token was issued. */
class ProbeRunner {
  readonly #input: VerificationInput;
  readonly #context: HttpContext;
  readonly #session: TokenSession;
  readonly #deepTargets: readonly DeepTarget[];
  readonly #plan: readonly ProbeTarget[];
  readonly #record: (index: number, finding: Finding, durationMs: number) => void;
  readonly #host: string;
  readonly #lookup: CompanyLookup;
  /**
   * Probes in progress, at most the concurrency. Separate from the request
   * limiter, which a token renewal needs while a probe waits for it.
   */
  readonly #probeSlots: AdaptiveLimiter;

  constructor(
    input: VerificationInput,
    context: HttpContext,
    session: TokenSession,
    deepTargets: readonly DeepTarget[],
    plan: readonly ProbeTarget[],
    record: (index: number, finding: Finding, durationMs: number) => void,
    concurrency: number,
  ) {
    this.#input = input;
    this.#context = context;
    this.#session = session;
    this.#deepTargets = deepTargets;
    this.#plan = plan;
    this.#record = record;
    this.#host = input.environment.host;
    this.#lookup = input.profile.companyLookup;
    this.#probeSlots = new AdaptiveLimiter(concurrency);
  }

  async runAll(): Promise<void> {
    const tasks: Promise<void>[] = [];
    this.#plan.forEach((target, index) => {
      if (target.kind === 'endpoint') {
        tasks.push(this.#endpoint(index, target.resource!));
      } else if (target.kind === 'company') {
        tasks.push(this.#company(index, target.company!));
      }
    });
    await Promise.all(tasks);
  }

  async #endpoint(index: number, resource: string): Promise<void> {
    const call = await this.#get(endpointProbeUrl(this.#input.environment, resource));
    if ('finding' in call) {
      this.#record(index, call.finding, call.durationMs);
      return;
    }
    this.#record(
      index,
      processEndpointResponse(call.outcome, resource, this.#host),
      call.outcome.durationMs,
    );
  }

  async #company(index: number, companyNumber: string): Promise<void> {
    const url = companyProbeUrl(this.#input.environment, this.#lookup, companyNumber);
    const call = await this.#get(url);
    let companyId: string | undefined;
    if ('finding' in call) {
      this.#record(index, call.finding, call.durationMs);
    } else {
      const finding = processCompanyResponse(call.outcome, this.#lookup, companyNumber, this.#host);
      companyId = finding.companyId;
      const { companyId: _, ...rest } = finding;
      this.#record(index, rest, call.outcome.durationMs);
    }
    await this.#deep(companyNumber, companyId);
  }

  async #deep(companyNumber: string, companyId: string | undefined): Promise<void> {
    const tasks = this.#deepTargets.map(async (target) => {
      const index = this.#plan.findIndex(
        (probe) =>
          probe.kind === 'company-data' &&
          probe.company === companyNumber &&
          probe.resource === target.resource,
      );
      if (companyId === undefined) {
        const reason = this.#context.signal.aborted ? 'cancelled' : 'skipped';
        this.#record(
          index,
          { diagnosis: reason, httpStatus: null, params: { context: 'company' } },
          0,
        );
        return;
      }
      const url = companyDataProbeUrl(
        this.#input.environment,
        target.resource,
        target.field,
        companyId,
      );
      const call = await this.#get(url);
      if ('finding' in call) {
        this.#record(index, call.finding, call.durationMs);
        return;
      }
      const finding = processCompanyDataResponse(
        call.outcome,
        target.resource,
        companyNumber,
        target.employment,
        this.#host,
      );
      this.#record(index, finding, call.outcome.durationMs);
    });
    await Promise.all(tasks);
  }

  /**
   * Sends a GET with the run's token. A 401 renews the token once per run and
   * retries this call once with the new token. The probe slot makes a probe
   * take the token only when it is about to be sent, so a renewal reaches
   * the probes after it.
   */
  async #get(url: string): Promise<DataCall> {
    try {
      await this.#probeSlots.acquire(this.#context.signal);
    } catch {
      return { outcome: { kind: 'cancelled', attempts: 0, durationMs: 0 } };
    }
    try {
      return await this.#getWithToken(url);
    } finally {
      this.#probeSlots.release(true);
    }
  }

  async #getWithToken(url: string): Promise<DataCall> {
    const current = await this.#session.current();
    if (!current.ok) {
      return { finding: current.finding, durationMs: 0 };
    }
    const first = await this.#send(url, current.token);
    if (first.kind !== 'response' || first.status !== 401) {
      return { outcome: first };
    }
    const renewed = await this.#session.afterUnauthorised(current.token);
    if (renewed === undefined || !renewed.ok) {
      return tokenRejected(first, first.durationMs) ?? { outcome: first };
    }
    const second = await this.#send(url, renewed.token);
    const durationMs = first.durationMs + second.durationMs;
    return tokenRejected(second, durationMs) ?? { outcome: { ...second, durationMs } };
  }

  #send(url: string, token: AccessToken): Promise<HttpOutcome> {
    return exchange(this.#context, url, {
      method: 'GET',
      headers: { authorization: `Bearer ${token.value}`, accept: 'application/json' },
    });
  }
}
