import { z } from 'zod';
import { reportSchema } from './report.ts';
import { AppFailure } from './result.ts';
import { hasControlCharacter } from './text.ts';

/** Format name written into every manifest; a file without it is not ours. */
export const MANIFEST_FORMAT = 'cobra-koppelhulp/sealed-credentials';

/** Manifest version this build writes. Older versions are migrated on open. */
export const MANIFEST_VERSION = 2;

const isoDate = z.iso.date();
const optionalText = (max: number) => z.string().trim().min(1).max(max).optional();

/** State of the last verification, compared with the inputs that are exported. */
export const VERIFICATION_STATES = ['passed', 'failed', 'stale', 'missing'] as const;
export type VerificationState = (typeof VERIFICATION_STATES)[number];

export const senderSchema = z
  .object({
    name: optionalText(100),
    organisation: optionalText(200),
    email: z.email().max(254).optional(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ()-]{6,20}$/, 'must be a phone number such as +31 20 123 4567')
      .optional(),
  })
  .strict();

export const manifestSchema = z
  .object({
    format: z.literal(MANIFEST_FORMAT),
    version: z.literal(MANIFEST_VERSION),
    createdAt: z.iso.datetime(),
    /** Advisory date before which the recipient should use the file. */
    useBefore: isoDate,
    environmentUrl: z.url({ protocol: /^https?$/ }).max(2048),
    tokenUrl: z.url({ protocol: /^https?$/ }).max(2048),
    clientId: z.string().min(1).max(200),
    clientSecret: z.string().min(1).max(1000),
    clientDisplayName: z.string().max(100),
    validFrom: isoDate.nullable(),
    validUntil: isoDate.nullable(),
    companyNumbers: z.array(z.string().min(1).max(50)).max(1000),
    profile: z
      .object({
        id: z.string().min(1).max(64),
        version: z.number().int().min(1),
        recipient: z.object({ name: z.string().min(1), email: z.email().optional() }).strict(),
      })
      .strict(),
    verification: z
      .object({
        state: z.enum(VERIFICATION_STATES),
        /** True when the sender exported although the state was not "passed". */
        confirmedDespiteState: z.boolean(),
        report: reportSchema.nullable(),
      })
      .strict()
      .refine((value) => value.state === 'passed' || value.confirmedDespiteState, {
        message: 'an export without a passed verification must record the confirmation',
        path: ['confirmedDespiteState'],
      }),
    sender: senderSchema,
  })
  .strict()
  // SECURITY: a forged file could put terminal escapes or bidi overrides in
  // any text, to fake lines such as "Verification: passed" when it is shown.
  // No field needs them, so every string, the embedded report included, is checked.
  .superRefine((manifest, context) => {
    const path = findControlCharacter(manifest, []);
    if (path !== undefined) {
      context.addIssue({ code: 'custom', message: CONTROL_CHARACTER_MESSAGE, path });
    }
    // The app sends the secret only to the token URL of the environment, so a
    // file naming another token URL would show the recipient a false address.
    if (manifest.tokenUrl !== `${manifest.environmentUrl.replace(/\/+$/, '')}/OAuth/Token`) {
      context.addIssue({
        code: 'custom',
        message: 'must be the environment URL followed by /OAuth/Token',
        path: ['tokenUrl'],
      });
    }
  });

const CONTROL_CHARACTER_MESSAGE = 'contains a control character';

/** Returns the path of the first string inside `value` that has a control character. */
function findControlCharacter(
  value: unknown,
  path: (string | number)[],
): (string | number)[] | undefined {
  if (typeof value === 'string') {
    return hasControlCharacter(value) ? path : undefined;
  }
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    const found = findControlCharacter(item, [...path, Array.isArray(value) ? Number(key) : key]);
    if (found !== undefined) {
      return found;
    }
  }
  return undefined;
}

export type Manifest = z.output<typeof manifestSchema>;
export type Sender = z.output<typeof senderSchema>;

/**
 * Version 1 kept the sender as flat fields and the report without the state
 * of the verification. It opens as version 2: the state is derived from the
 * report's verdict, and "confirmed despite" stays false when it passed.
 */
const manifestV1Schema = z
  .object({
    format: z.literal(MANIFEST_FORMAT),
    version: z.literal(1),
    createdAt: z.iso.datetime(),
    useBefore: isoDate,
    environmentUrl: z.string(),
    tokenUrl: z.string(),
    clientId: z.string(),
    clientSecret: z.string(),
    clientDisplayName: z.string(),
    validFrom: isoDate.nullable(),
    validUntil: isoDate.nullable(),
    companyNumbers: z.array(z.string()),
    profile: z.object({ id: z.string(), version: z.number(), recipient: z.unknown() }),
    report: reportSchema.nullable(),
    senderName: z.string().optional(),
    senderOrganisation: z.string().optional(),
    senderEmail: z.string().optional(),
    senderPhone: z.string().optional(),
  })
  .loose();

function migrateV1(input: unknown): unknown {
  const v1 = manifestV1Schema.parse(input);
  const passed = v1.report?.verdict === 'pass';
  let state: VerificationState = passed ? 'passed' : 'failed';
  if (v1.report === null) {
    state = 'missing';
  }
  return {
    format: MANIFEST_FORMAT,
    version: 2,
    createdAt: v1.createdAt,
    useBefore: v1.useBefore,
    environmentUrl: v1.environmentUrl,
    tokenUrl: v1.tokenUrl,
    clientId: v1.clientId,
    clientSecret: v1.clientSecret,
    clientDisplayName: v1.clientDisplayName,
    validFrom: v1.validFrom,
    validUntil: v1.validUntil,
    companyNumbers: v1.companyNumbers,
    profile: v1.profile,
    // Version 1 refused to export without a passed verification unless the
    // sender confirmed, so any other state was confirmed.
    verification: { state, confirmedDespiteState: !passed, report: v1.report },
    sender: dropUndefined({
      name: v1.senderName,
      organisation: v1.senderOrganisation,
      email: v1.senderEmail,
      phone: v1.senderPhone,
    }),
  };
}

/** Upgrades a manifest of version N to N + 1, by N. */
const MIGRATIONS: Record<number, (input: unknown) => unknown> = { 1: migrateV1 };

function dropUndefined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, item]) => item !== undefined),
  ) as Partial<T>;
}

/**
 * Parses the plaintext of a sealed file: JSON, our format name, a version
 * this build knows (older versions are migrated step by step), and the
 * schema. Every failure is an AppFailure with a `sealing.manifest-*` code; the
 * messages never contain field values, because they could hold the secret.
 */
export function parseManifest(plaintext: string): Manifest {
  let data: unknown;
  try {
    data = JSON.parse(plaintext);
  } catch {
    throw new AppFailure(
      'sealing.manifest-not-json',
      'The file decrypted, but its content is not JSON: it was not made by Cobra Koppelhulp.',
    );
  }
  if (typeof data !== 'object' || data === null || !('format' in data)) {
    throw unknownFormat();
  }
  if (data.format !== MANIFEST_FORMAT) {
    throw unknownFormat();
  }
  const version = 'version' in data ? data.version : undefined;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new AppFailure(
      'sealing.manifest-invalid',
      'The manifest in the file is invalid: "version" must be a whole number from 1.',
      { field: 'version', params: { field: 'version' } },
    );
  }
  if (version > MANIFEST_VERSION) {
    throw new AppFailure(
      'sealing.manifest-too-new',
      `The file uses manifest version ${version}; this version of the app reads up to ` +
        `version ${MANIFEST_VERSION}. Update Cobra Koppelhulp to open it.`,
      { params: { version, supported: MANIFEST_VERSION } },
    );
  }
  return validateManifest(migrate(data, version));
}

function migrate(data: unknown, fromVersion: number): unknown {
  let current = data;
  for (let version = fromVersion; version < MANIFEST_VERSION; version++) {
    const step = MIGRATIONS[version];
    if (step === undefined) {
      throw new Error(`No manifest migration from version ${version}`);
    }
    try {
      current = step(current);
    } catch (error) {
      if (error instanceof z.ZodError) {
        throw invalidManifest(error);
      }
      throw error;
    }
  }
  return current;
}

/** Validates a manifest of the current version; throws `sealing.manifest-invalid`. */
export function validateManifest(data: unknown): Manifest {
  const parsed = manifestSchema.safeParse(data);
  if (!parsed.success) {
    throw invalidManifest(parsed.error);
  }
  return parsed.data;
}

function invalidManifest(error: z.ZodError): AppFailure {
  const issue = error.issues[0];
  const field =
    issue === undefined || issue.path.length === 0 ? '(manifest)' : issue.path.join('.');
  // SECURITY: zod messages for a string field can quote the received value,
  // which may be the secret, so only the field name and the issue code leave,
  // or the control character message, which is ours and quotes nothing.
  const reason =
    issue?.code === 'custom' && issue.message === CONTROL_CHARACTER_MESSAGE
      ? CONTROL_CHARACTER_MESSAGE
      : (issue?.code ?? 'invalid');
  return new AppFailure(
    'sealing.manifest-invalid',
    `The manifest in the file is invalid at "${field}" (${reason}).`,
    { field, params: { field } },
  );
}

function unknownFormat(): AppFailure {
  return new AppFailure(
    'sealing.manifest-unknown-format',
    `The file decrypted, but it does not contain a "${MANIFEST_FORMAT}" manifest.`,
    { params: { format: MANIFEST_FORMAT } },
  );
}

/** Serialises a manifest as the plaintext of a sealed file: indented JSON, readable after `age -d`. */
export function serializeManifest(manifest: Manifest): string {
  return `${JSON.stringify(validateManifest(manifest), null, 2)}\n`;
}

/** A copy of the manifest that is safe to show or print: the secret is masked but for its last 4 characters. */
export function maskManifest(manifest: Manifest): Manifest & { clientSecret: string } {
  return { ...manifest, clientSecret: maskSecret(manifest.clientSecret) };
}

export function maskSecret(secret: string): string {
  const hint = secret.length > 8 ? secret.slice(-4) : '';
  return `${'•'.repeat(8)}${hint}`;
}
