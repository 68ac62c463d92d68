import { z } from 'zod';

/**
 * Every outcome a test call can have. Each code has a message in Dutch and
 * English in the `diagnosis` locale namespace that says what is wrong and what
 * to do. A situation that fits none of them gets `unexpected-response`,
 * never a wrong code.
 */
export const DIAGNOSIS_CODES = [
  'ok',
  'invalid-url',
  'host-not-found',
  'connection-refused',
  'connection-timeout',
  'connection-reset',
  'network-unreachable',
  'tls-untrusted',
  'tls-failed',
  'proxy-auth-required',
  'proxy-failed',
  'network-error',
  'not-cobra-api',
  'invalid-client',
  'client-outside-validity',
  'invalid-scope',
  'unsupported-grant-type',
  'server-error',
  'endpoint-not-authorised',
  'token-rejected',
  'endpoint-unknown',
  'company-not-found',
  'company-without-employees',
  'rate-limited',
  'unexpected-response',
  'cancelled',
  'skipped',
] as const;

export type DiagnosisCode = (typeof DIAGNOSIS_CODES)[number];

export const PROBE_KINDS = ['token', 'endpoint', 'company', 'company-data'] as const;
export type ProbeKind = (typeof PROBE_KINDS)[number];

/** How the client authenticated at the token endpoint. */
export const TOKEN_AUTH_METHODS = [
  'basic-form-encoded',
  'basic-raw',
  'client-secret-post',
] as const;
export type TokenAuthMethod = (typeof TOKEN_AUTH_METHODS)[number];

export const REPORT_FORMAT = 'cobra-koppelhulp/verification-report';
export const REPORT_VERSION = 1;

const params = z.record(z.string(), z.union([z.string(), z.number()]));

export const probeResultSchema = z
  .object({
    kind: z.enum(PROBE_KINDS),
    resource: z.string().optional(),
    company: z.string().optional(),
    httpStatus: z.number().int().nullable(),
    durationMs: z.number().nonnegative(),
    diagnosis: z.enum(DIAGNOSIS_CODES),
    /** Fills the diagnosis message: resource, company, status, retryAfter, etc. */
    params: params.default({}),
    /** The message in the language of the run, for readers without the app. */
    message: z.string(),
    /** Content type and first characters of an unexpected body, redacted. */
    detail: z.string().max(500).optional(),
  })
  .strict();

export const reportSchema = z
  .object({
    format: z.literal(REPORT_FORMAT),
    version: z.literal(REPORT_VERSION),
    environmentUrl: z.string(),
    tokenUrl: z.string(),
    clientId: z.string(),
    profile: z.object({ id: z.string(), version: z.number().int() }).strict(),
    companies: z.array(z.string()),
    deep: z.boolean(),
    startedAt: z.iso.datetime(),
    finishedAt: z.iso.datetime(),
    tokenAuthMethod: z.enum(TOKEN_AUTH_METHODS).nullable(),
    probes: z.array(probeResultSchema),
    requestCount: z.number().int().nonnegative(),
    /** Warnings about the inputs, such as a trimmed secret or an unknown host. */
    warnings: z.array(z.object({ code: z.string(), params: params.default({}) }).strict()),
    /**
     * pass: every probe ok; fail: authenticated but some probe failed;
     * error: could not connect or authenticate; cancelled: stopped by the user.
     */
    verdict: z.enum(['pass', 'fail', 'error', 'cancelled']),
    /**
     * scrypt over the inputs, secret included, with `inputsSalt`, to tell a
     * stale report on the machine that holds the secret.
     */
    inputsDigest: z.string().regex(/^[0-9a-f]{64}$/),
    /** Random salt of `inputsDigest`; missing in reports made before it, which count as stale. */
    inputsSalt: z
      .string()
      .regex(/^[0-9a-f]{32}$/)
      .optional(),
  })
  .strict();

export type ProbeResult = z.output<typeof probeResultSchema>;
export type VerificationReport = z.output<typeof reportSchema>;
