import { createReadStream, readFileSync, statSync, type Stats } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import type { Readable } from 'node:stream';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { TFunction } from 'i18next';
import {
  findBuiltInProfile,
  BUILT_IN_PROFILES,
  DEFAULT_PROFILE_ID,
} from '../core/profiles/builtin.ts';
import { readProfileFile } from '../core/profiles/library.ts';
import {
  checkConnectionInputs,
  type ConnectionInputs,
  type InputMessage,
} from '../shared/inputs.ts';
import type { Profile } from '../shared/profile.ts';
import { AppFailure } from '../shared/result.ts';
import { UsageError } from './io.ts';

/** Usage lines for the connection options, shared by `verify` and `seal`. */
export const CONNECTION_USAGE = [
  '  --url URL             Cobra API environment, e.g. https://apiyourcompany.cobra.sdworx.com',
  '  --client-id ID        Client identifier shown in Cobra',
  '  --secret-stdin        Read the client secret from standard input',
  '  --secret-file FILE    Read the client secret from FILE',
  '  --company N           Company number; repeat, or separate with commas',
  '  --profile ID|FILE     Connection profile: a built-in id or a profile file',
  `                        (default ${DEFAULT_PROFILE_ID}; built in: ${BUILT_IN_PROFILES.map((profile) => profile.id).join(', ')})`,
  '  --ca FILE             Also trust the CA certificates (PEM) in FILE; repeatable.',
  '                        NODE_EXTRA_CA_CERTS and the system store are trusted too',
].join('\n');

const CONNECTION_OPTIONS = {
  url: { type: 'string' },
  'client-id': { type: 'string' },
  'secret-stdin': { type: 'boolean' },
  'secret-file': { type: 'string' },
  company: { type: 'string', multiple: true },
  profile: { type: 'string' },
  ca: { type: 'string', multiple: true },
} as const satisfies ParseArgsConfig['options'];

/** Options that would put a secret on the command line, where ps and shell history see it. */
const SECRET_ARGUMENTS = ['--secret', '--client-secret', '--password'];

/** A mistake in the connection inputs, with one translated line per wrong field. */
export class InputError extends Error {
  override name = 'InputError';
  readonly messages: InputMessage[];

  constructor(messages: InputMessage[], text: string) {
    super(text);
    this.messages = messages;
  }
}

/**
 * Parses the command line of a command that takes connection inputs plus
 * options of its own. Throws a UsageError for unknown options and for any
 * attempt to pass the secret as an argument.
 */
export function parseConnectionArgs<Extra extends NonNullable<ParseArgsConfig['options']>>(
  args: readonly string[],
  extra: Extra,
) {
  // SECURITY: a secret in argv is visible to every user of the machine and kept in shell history.
  const secretArgument = args.find((arg) =>
    SECRET_ARGUMENTS.some((name) => arg === name || arg.startsWith(`${name}=`)),
  );
  if (secretArgument !== undefined) {
    throw new UsageError(
      `${secretArgument.split('=')[0]} is not accepted: pass the secret with --secret-stdin or --secret-file.`,
    );
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: { ...CONNECTION_OPTIONS, ...extra },
      strict: true,
      allowPositionals: true,
      tokens: true,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  // SECURITY: a stray argument may be the secret pasted in the wrong place; name its position only.
  const positional = parsed.tokens.find((token) => token.kind === 'positional');
  if (positional !== undefined) {
    throw new UsageError(
      `Unexpected argument at position ${positional.index + 1}; every value belongs to an option.`,
    );
  }
  return { values: parsed.values };
}

export interface ConnectionValues {
  url?: string;
  'client-id'?: string;
  'secret-stdin'?: boolean;
  'secret-file'?: string;
  company?: string[];
  profile?: string;
  ca?: string[];
}

/** Maximum bytes read as a secret; a longer input is a wrong file, not a secret. */
const MAX_SECRET_BYTES = 4096;

/**
 * Reads the secret, validates every connection input and loads the profile.
 * Throws InputError (exit code 2) listing every wrong field in the
 * translator's language, or UsageError for a missing option.
 */
export async function resolveConnection(
  values: ConnectionValues,
  stdin: Readable,
  t: TFunction,
): Promise<{
  inputs: ConnectionInputs;
  warnings: InputMessage[];
  profile: Profile;
  /** Extra trusted CA certificates (PEM) from --ca. */
  caCertificates: string[];
}> {
  if (values.url === undefined) {
    throw new UsageError('--url is required.');
  }
  if (values['client-id'] === undefined) {
    throw new UsageError('--client-id is required.');
  }
  if ((values['secret-stdin'] === true) === (values['secret-file'] !== undefined)) {
    throw new UsageError('Give exactly one of --secret-stdin and --secret-file.');
  }
  if (values.company === undefined || values.company.length === 0) {
    throw new UsageError('--company is required at least once.');
  }

  const profile = resolveProfile(values.profile);
  const caCertificates = (values.ca ?? []).flatMap(readCaFile);
  // A file or `echo` ends with one line break; only more than that earns the trim warning.
  const clientSecret = withoutFinalNewline(
    values['secret-file'] !== undefined
      ? await readSecretFile(values['secret-file'])
      : await readSecretStream(stdin),
  );

  const checked = checkConnectionInputs({
    environmentUrl: values.url,
    clientId: values['client-id'],
    clientSecret,
    companyNumbers: values.company,
  });
  if (!checked.ok) {
    const text = checked.errors.map((error) => t(`inputs:${error.code}`, error.params)).join('\n');
    throw new InputError(checked.errors, text);
  }
  return { inputs: checked.value, warnings: checked.warnings, profile, caCertificates };
}

/** Drops exactly one final line break (LF or CRLF), which text files normally end with. */
export function withoutFinalNewline(text: string): string {
  return text.replace(/\r?\n$/, '');
}

/** A built-in profile by id, or a profile file by path. */
export function resolveProfile(value: string | undefined): Profile {
  const id = value ?? DEFAULT_PROFILE_ID;
  const builtIn = findBuiltInProfile(id);
  if (builtIn !== undefined) {
    return builtIn;
  }
  if (/[/\\]|\.json$/i.test(id)) {
    return readProfileFile(id);
  }
  throw new AppFailure('profiles.not-found', `There is no profile with id "${id}".`, {
    field: 'profile',
    params: { id },
  });
}

/** Maximum bytes of a --ca file; a large CA bundle is some hundreds of kilobytes. */
const MAX_CA_BYTES = 4 * 1024 * 1024;

/** The PEM certificates in a --ca file, each checked to parse as X.509. */
export function readCaFile(path: string): string[] {
  let text: string;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) {
      throw new Error('not a regular file');
    }
    if (stats.size > MAX_CA_BYTES) {
      throw new Error(`larger than ${MAX_CA_BYTES} bytes`);
    }
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`--ca ${path}: cannot read the file: ${(error as Error).message}`);
  }
  const certificates =
    text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (certificates.length === 0) {
    throw new UsageError(
      `--ca ${path}: the file contains no PEM certificate (BEGIN CERTIFICATE). Give a PEM file.`,
    );
  }
  for (const certificate of certificates) {
    try {
      new X509Certificate(certificate);
    } catch (error) {
      throw new UsageError(
        `--ca ${path}: a certificate does not parse: ${(error as Error).message}`,
      );
    }
  }
  return certificates;
}

/**
 * Reads the secret from a regular file, or from a pipe or device such as
 * the `<(command)` of a shell, with the same size limit as standard input.
 */
async function readSecretFile(path: string): Promise<string> {
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch (error) {
    throw new UsageError(`Cannot read the secret file ${path}: ${(error as Error).message}`);
  }
  // Checked before the size, which a folder also has.
  if (stats.isDirectory()) {
    throw new UsageError(
      `${path} is a folder. Give --secret-file the path of the file that contains the secret.`,
    );
  }
  if (!stats.isFile()) {
    return readSecretStream(createReadStream(path), path);
  }
  if (stats.size > MAX_SECRET_BYTES) {
    throw new UsageError(
      `${path} is ${stats.size} bytes; a client secret file is at most ${MAX_SECRET_BYTES} bytes.`,
    );
  }
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read the secret file ${path}: ${(error as Error).message}`);
  }
}

async function readSecretStream(stdin: Readable, name = 'Standard input'): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > MAX_SECRET_BYTES) {
      stdin.destroy();
      throw new UsageError(
        `${name} is longer than ${MAX_SECRET_BYTES} bytes; expected only the client secret.`,
      );
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
