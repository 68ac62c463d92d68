import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { TFunction } from 'i18next';
import { runVerification } from '../../core/cobra/run.ts';
import { createLogger, streamSink } from '../../core/log/logger.ts';
import { SecretRegistry } from '../../core/log/redact.ts';
import { createNodeFetch } from '../../core/net/node-fetch.ts';
import { manifestFromInputs } from '../../core/seal/export-inputs.ts';
import { inspectRecipientKey } from '../../core/seal/openpgp.ts';
import { generatePassphrase } from '../../core/seal/passphrase.ts';
import { sealManifest, type SealTarget } from '../../core/seal/seal.ts';
import { createTranslator, translateError } from '../../shared/i18n/translator.ts';
import type { ConnectionInputs } from '../../shared/inputs.ts';
import { MAX_PUBLIC_KEY_LENGTH } from '../../shared/ipc/sealing.ts';
import { senderSchema, type Sender, type VerificationState } from '../../shared/manifest.ts';
import type { Profile } from '../../shared/profile.ts';
import { reportSchema, type VerificationReport } from '../../shared/report.ts';
import { AppFailure } from '../../shared/result.ts';
import {
  CONNECTION_USAGE,
  InputError,
  parseConnectionArgs,
  resolveConnection,
} from '../connection-args.ts';
import { EXIT, UsageError, writeLine, type CliIo, type Command, type ExitCode } from '../io.ts';
import { parseLanguage } from '../language.ts';
import { SUMMARIES } from '../summaries.ts';
import { assertOneStdinReader, readSecretInput, stripFinalNewline } from '../secret-input.ts';
import { checkDateOrder, formatReport, parseDate } from './verify.ts';

const USAGE = `Usage: cobra-koppelhulp seal --url URL --client-id ID (--secret-stdin | --secret-file FILE)
                            --company N [--company M ...] RECIPIENT -o FILE [options]

Seals the credentials into a file that only the recipient can open: an age
file (ASCII armor) for a passphrase or age keys, or an OpenPGP message.

Connection:
${CONNECTION_USAGE}

RECIPIENT is one of:
  --generate-passphrase     Generate a passphrase (about 119 bits) and print it
  --passphrase-file F       Passphrase from a file, or "-" for standard input
  --recipient age1...       age public key; repeat for more recipients
  --pgp-key FILE            Armored OpenPGP public key; repeat for more keys

Verification (an export needs a passed verification of the same inputs):
  --report FILE             Report of an earlier "verify --json" run
  --verify                  Run the verification first
  --confirm-unverified      Export even though the verification failed, is
                            missing or is older than the inputs; the file
                            records the confirmation

Options:
  -o, --output FILE         File to write; an existing file is kept unless --force
  --force                   Overwrite the output file
  --client-name NAME        Client display name entered in Cobra
  --valid-from DATE         Start date of the client in Cobra (YYYY-MM-DD)
  --valid-until DATE        End date of the client in Cobra (YYYY-MM-DD)
  --use-before DATE         Advisory date for the recipient (default: 14 days)
  --sender-name, --sender-organisation, --sender-email, --sender-phone TEXT
                            Your contact details for the recipient
  --lang nl|en              Language of the messages (default nl)
  --json                    Print the result as JSON

Secrets and passphrases are read from files or standard input, never from
arguments.

Exit codes: 0 sealed, 1 the verification failed or was stopped,
2 invalid input or no current verification, 3 could not connect or authenticate.`;

const SEAL_OPTIONS = {
  'generate-passphrase': { type: 'boolean' },
  'passphrase-file': { type: 'string' },
  recipient: { type: 'string', multiple: true },
  'pgp-key': { type: 'string', multiple: true },
  report: { type: 'string' },
  verify: { type: 'boolean' },
  'confirm-unverified': { type: 'boolean' },
  output: { type: 'string', short: 'o' },
  force: { type: 'boolean' },
  'client-name': { type: 'string' },
  'valid-from': { type: 'string' },
  'valid-until': { type: 'string' },
  'use-before': { type: 'string' },
  'sender-name': { type: 'string' },
  'sender-organisation': { type: 'string' },
  'sender-email': { type: 'string' },
  'sender-phone': { type: 'string' },
  lang: { type: 'string' },
  json: { type: 'boolean' },
} as const;

type SealValues = ReturnType<typeof parseConnectionArgs<typeof SEAL_OPTIONS>>['values'];

export const sealCommand: Command = {
  name: 'seal',
  summary: SUMMARIES.seal,
  usage: USAGE,
  run: runSeal,
};

async function runSeal(args: string[], io: CliIo): Promise<ExitCode> {
  const { values } = parseConnectionArgs(args, SEAL_OPTIONS);
  const output = values.output;
  if (output === undefined) {
    throw new UsageError('-o FILE is required.');
  }
  if (existsSync(output) && values.force !== true) {
    throw new UsageError(`${output} exists; choose another file or add --force.`);
  }
  if (values.report !== undefined && values.verify === true) {
    throw new UsageError('Give --report or --verify, not both.');
  }
  assertOneStdinReader([
    values['secret-stdin'] === true ? '-' : undefined,
    values['passphrase-file'],
  ]);
  const { language, t } = await parseLanguage(values.lang);
  const validFrom = parseDate(t, values['valid-from'], '--valid-from');
  const validUntil = parseDate(t, values['valid-until'], '--valid-until');
  checkDateOrder(t, validFrom, validUntil);
  const useBefore = parseDate(t, values['use-before'], '--use-before') ?? undefined;
  const sender = parseSender(values);

  try {
    const target = await readTarget(values, io);
    const { inputs, profile, caCertificates } = await resolveConnection(values, io.stdin, t);
    const secrets = new SecretRegistry();
    // SECURITY: registered so that log lines and error texts mask them.
    secrets.register(inputs.clientSecret);
    if (target.kind === 'passphrase') {
      secrets.register(target.passphrase);
    }

    let report: VerificationReport | null = null;
    if (values.report !== undefined) {
      report = readReport(values.report);
    } else if (values.verify === true) {
      report = await verifyFirst(
        inputs,
        profile,
        { validFrom, validUntil },
        io,
        secrets,
        language,
        caCertificates,
      );
    }

    const manifest = manifestFromInputs(inputs, {
      profile,
      clientDisplayName: values['client-name'] ?? profile.defaultClientDisplayName,
      validFrom,
      validUntil,
      report,
      sender,
      confirmUnverified: values['confirm-unverified'] === true,
      useBefore,
      now: new Date(),
    });
    const sealed = await sealManifest(manifest, target);
    writeFileSync(output, sealed.text, { flag: values.force === true ? 'w' : 'wx' });

    const result = {
      file: output,
      format: sealed.format,
      sha256: sealed.sha256,
      fingerprint: sealed.fingerprint,
      verification: manifest.verification.state,
      confirmedDespiteState: manifest.verification.confirmedDespiteState,
      ...(values['generate-passphrase'] === true && target.kind === 'passphrase'
        ? { passphrase: target.passphrase }
        : {}),
    };
    if (values.json === true) {
      writeLine(io.stdout, JSON.stringify(result, null, 2));
    } else {
      writeLine(io.stdout, describeResult(result, t));
    }
    return EXIT.ok;
  } catch (error) {
    if (error instanceof InputError) {
      writeLine(io.stderr, error.message);
      return EXIT.badInput;
    }
    if (error instanceof AppFailure) {
      writeLine(io.stderr, `${translateError(t, error.toAppError())} [${error.code}]`);
      return error.code === 'sealing.verification-failed' ? EXIT.checksFailed : EXIT.badInput;
    }
    throw error;
  }
}

async function readTarget(values: SealValues, io: CliIo): Promise<SealTarget> {
  const recipients = values.recipient ?? [];
  const pgpKeys = values['pgp-key'] ?? [];
  const chosen = [
    values['generate-passphrase'] === true,
    values['passphrase-file'] !== undefined,
    recipients.length > 0,
    pgpKeys.length > 0,
  ].filter(Boolean).length;
  if (chosen !== 1) {
    throw new UsageError(
      'Give exactly one kind of recipient: --generate-passphrase, --passphrase-file, ' +
        '--recipient or --pgp-key.',
    );
  }
  if (values['generate-passphrase'] === true) {
    return { kind: 'passphrase', passphrase: generatePassphrase() };
  }
  if (values['passphrase-file'] !== undefined) {
    const text = await readSecretInput(values['passphrase-file'], io.stdin, {
      option: '--passphrase-file',
      maxBytes: 4096,
    });
    return { kind: 'passphrase', passphrase: stripFinalNewline(text) };
  }
  if (recipients.length > 0) {
    return { kind: 'age-recipients', recipients };
  }
  const publicKeys: string[] = [];
  for (const path of pgpKeys) {
    const publicKey = await readSecretInput(path, io.stdin, {
      option: '--pgp-key',
      maxBytes: MAX_PUBLIC_KEY_LENGTH,
    });
    const info = await inspectRecipientKey(publicKey);
    // Shown before sealing so the sender can compare it with the recipient.
    writeLine(io.stderr, `OpenPGP key ${info.fingerprint}: ${info.userIds.join(', ')}`);
    publicKeys.push(publicKey);
  }
  return { kind: 'openpgp', publicKeys };
}

async function verifyFirst(
  inputs: ConnectionInputs,
  profile: Profile,
  validity: { validFrom: string | null; validUntil: string | null },
  io: CliIo,
  secrets: SecretRegistry,
  language: 'nl' | 'en',
  caCertificates: readonly string[],
): Promise<VerificationReport> {
  const log = createLogger('seal', streamSink(io.stderr, 'warn'), secrets);
  const transport = createNodeFetch({ env: io.env, extraCaCertificates: caCertificates });
  try {
    const report = await runVerification(
      {
        environment: inputs.environment,
        credentials: { clientId: inputs.clientId, clientSecret: inputs.clientSecret },
        companyNumbers: inputs.companyNumbers,
        profile,
        deep: false,
        validity: { from: validity.validFrom, until: validity.validUntil },
      },
      { fetch: transport.fetch, signal: io.signal, log, secrets, language },
    );
    writeLine(io.stderr, formatReport(report, await createTranslator(language)));
    return report;
  } finally {
    await transport.close();
  }
}

function readReport(path: string): VerificationReport {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`--report: cannot read ${path} as JSON: ${reason}`);
  }
  const parsed = reportSchema.safeParse(data);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join('.') || '(report)';
    throw new UsageError(
      `--report: ${path} is not a verification report of this version (invalid "${field}"). ` +
        'Create it with "cobra-koppelhulp verify --json".',
    );
  }
  return parsed.data;
}

function parseSender(values: SealValues): Sender {
  const parsed = senderSchema.safeParse({
    name: values['sender-name'],
    organisation: values['sender-organisation'],
    email: values['sender-email'],
    phone: values['sender-phone'],
  });
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? 'name');
    throw new UsageError(`--sender-${field} is not valid: ${parsed.error.issues[0]?.message}.`);
  }
  return parsed.data;
}

function describeResult(
  result: {
    file: string;
    fingerprint: string;
    verification: VerificationState;
    confirmedDespiteState: boolean;
    passphrase?: string;
  },
  t: TFunction,
): string {
  const rows: [string, string][] = [
    [t('cli:seal.sealedFile'), result.file],
    [t('cli:seal.sha256'), result.fingerprint],
    [
      t('cli:seal.verification'),
      t(`cli:verificationState.${result.verification}`) +
        (result.confirmedDespiteState ? ` ${t('cli:seal.confirmed')}` : ''),
    ],
  ];
  if (result.passphrase !== undefined) {
    rows.push([t('cli:seal.passphrase'), result.passphrase]);
  }
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  const lines = rows.map(([label, value]) => `${`${label}:`.padEnd(width)}${value}`);
  if (result.passphrase !== undefined) {
    lines.push('', t('cli:seal.phoneAdvice'));
  }
  return lines.join('\n');
}
