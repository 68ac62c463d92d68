import { z } from 'zod';
import { GRANT_METHODS } from './clients.ts';
import type { SandboxOptions } from './options.ts';
import { RESOURCES } from './resources.ts';

const RESOURCE_NAMES = RESOURCES.map((resource) => resource.name);

/**
 * Fault targets: the token endpoint, `odata` (the service document and
 * $metadata), `pages` (the documentation pages) and every resource.
 */
const FAULT_TARGETS = ['token', 'odata', 'pages', ...RESOURCE_NAMES];

// A misspelt name would be accepted and never match a request, so the fault
// or the hiding would silently do nothing.
const target = z
  .string()
  .refine(
    (value) => FAULT_TARGETS.some((known) => known.toLowerCase() === value.toLowerCase()),
    `must be one of ${FAULT_TARGETS.join(', ')} (in any case)`,
  )
  .optional();
const hiddenResource = z
  .string()
  .refine(
    (value) => RESOURCE_NAMES.includes(value),
    `must be a resource name, one of ${RESOURCE_NAMES.join(', ')}`,
  );
const times = z.number().int().min(1).optional();

export const faultRuleSchema = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('latency'), ms: z.number().int().min(0).max(600_000), target, times })
    .strict(),
  z
    .object({
      kind: z.literal('status'),
      status: z.number().int().min(400).max(599),
      target,
      times,
    })
    .strict(),
  z
    .object({
      kind: z.literal('rate-limit'),
      retryAfterSeconds: z.number().int().min(0).max(86_400),
      target,
      times,
    })
    .strict(),
  z
    .object({
      kind: z.literal('html'),
      status: z.union([z.literal(200), z.literal(500), z.literal(502), z.literal(503)]),
      target,
      times,
    })
    .strict(),
  z.object({ kind: z.literal('reset'), target, times }).strict(),
  z
    .object({
      kind: z.literal('slow-body'),
      chunkDelayMs: z.number().int().min(0).max(60_000),
      target,
      times,
    })
    .strict(),
  z.object({ kind: z.literal('truncated-body'), target, times }).strict(),
  z.object({ kind: z.literal('invalid-json'), target, times }).strict(),
  z.object({ kind: z.literal('token-missing'), times }).strict(),
]);

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');

export const clientSchema = z
  .object({
    id: z.string().min(1).max(200),
    secret: z.string().min(1).max(1000),
    displayName: z.string().min(1).max(200),
    startDate: isoDate.optional(),
    endDate: isoDate.optional(),
    grants: z.record(z.string().min(1), z.array(z.enum(GRANT_METHODS))),
  })
  .strict();

/** Switches that `setOptions` and the admin endpoint may change while the server runs. */
export const runtimeOptionsSchema = z
  .object({
    pathPrefix: z
      .string()
      .regex(/^(\/?[A-Za-z0-9._~-]+)*\/?$/, 'must be a path such as /v3')
      .max(200),
    latencyMs: z.number().int().min(0).max(600_000),
    tokenExpiresInSeconds: z.number().int().min(0).max(31_536_000),
    basicDecoding: z.enum(['form', 'raw']),
    acceptBodyCredentials: z.boolean(),
    acceptBasicCredentials: z.boolean(),
    invalidClientStatus: z.union([z.literal(400), z.literal(401)]),
    clientOutsideValidity: z.enum([
      'invalid_client',
      'invalid_client_described',
      'unauthorized_client',
    ]),
    unauthorisedStatus: z.union([z.literal(401), z.literal(403)]),
    pageSize: z.number().int().min(1).max(100_000).optional(),
    hiddenResources: z.array(hiddenResource).max(100),
    faults: z.array(faultRuleSchema).max(100),
    clients: z.array(clientSchema).max(1000),
  })
  .partial()
  .strict();

/** Every option that a JSON config file may set. */
export const sandboxConfigSchema = runtimeOptionsSchema
  .extend({
    host: z.enum(['127.0.0.1', '::1']),
    port: z.number().int().min(0).max(65_535),
    seed: z.number().int().min(0).max(4_294_967_295),
    https: z.boolean(),
    employeeCount: z.number().int().min(0).max(100_000),
    extraOrganizations: z.number().int().min(0).max(10_000),
  })
  .partial()
  .strict();

/** Describes the first problems of a failed parse as "field: message" lines. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('\n');
}

/** Validates options from an untrusted source; throws a TypeError naming the field. */
export function parseSandboxConfig(value: unknown): Omit<SandboxOptions, 'logger'> {
  const result = sandboxConfigSchema.safeParse(value);
  if (!result.success) {
    throw new TypeError(`Invalid sandbox options:\n${describeIssues(result.error)}`);
  }
  return result.data as Omit<SandboxOptions, 'logger'>;
}
