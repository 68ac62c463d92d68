import type { TFunction } from 'i18next';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { inProcessEngine, type SealEngine } from '../../core/seal/engine.ts';
import { maskManifest, type Manifest } from '../../shared/manifest.ts';
import { assertSealedFileSize, fingerprintOf, type OpenKey } from '../../core/seal/seal.ts';
import { translateError } from '../../shared/i18n/translator.ts';
import { AppFailure } from '../../shared/result.ts';
import { escapeControlCharacters } from '../../shared/text.ts';
import { EXIT, UsageError, writeLine, type CliIo, type Command } from '../io.ts';
import { SUMMARIES } from '../summaries.ts';
import { verdictText } from '../verdict.ts';
import { parseLanguage } from '../language.ts';
import {
  assertOneStdinReader,
  readSecretInput,
  regularFileSize,
  stripFinalNewline,
} from '../secret-input.ts';

const USAGE = `Usage: cobra-koppelhulp open FILE KEY [--lang nl|en] [--json] [--show-secret]

Opens a sealed credentials file (age or OpenPGP) and prints its contents,
with the client secret masked.

KEY is one of (a path, or "-" for standard input):
  --passphrase-file F      Passphrase the sender gave you, on one line
  --identity F             age identity file (from age-keygen)
  --pgp-secret-key F       Armored OpenPGP private key
  --pgp-passphrase-file F  Passphrase of that private key, if it has one

Options:
  --lang nl|en    Language of the output and error messages (default nl); this
                  help and the usage errors before it is read stay English
  --json          Print the contents as JSON; its field names and values do
                  not depend on --lang
  --show-secret   Print the client secret unmasked, to standard output only`;

const KEY_LIMIT = 256 * 1024;

export function createOpenCommand(engine: SealEngine = inProcessEngine): Command {
  return {
    name: 'open',
    summary: SUMMARIES.open,
    usage: USAGE,
    run: (args, io) => runOpen(args, io, engine),
  };
}

export const openCommand = createOpenCommand();

async function runOpen(args: string[], io: CliIo, engine: SealEngine) {
  const { values, positionals } = parse(args);
  if (positionals.length !== 1) {
    throw new UsageError('Give exactly one FILE to open.');
  }
  const path = positionals[0]!;
  const { t } = await parseLanguage(values.lang);
  const key = await readKey(values, io);

  let bytes: Uint8Array;
  let manifest: Manifest;
  try {
    bytes = readSealedFile(path);
    manifest = await engine.open(bytes, key);
  } catch (error) {
    if (error instanceof AppFailure) {
      const message = translateError(t, error.toAppError());
      writeLine(
        io.stderr,
        escapeControlCharacters(t('cli:open.failed', { message, code: error.code })),
      );
      return EXIT.badInput;
    }
    throw error;
  }

  const shown = values['show-secret'] === true ? manifest : maskManifest(manifest);
  const { fingerprint } = fingerprintOf(bytes);
  if (values.json === true) {
    // SECURITY: JSON.stringify leaves DEL, C1 controls and bidi overrides as they are.
    const json = JSON.stringify({ fileSha256: fingerprint, manifest: shown }, null, 2);
    writeLine(io.stdout, escapeLines(json));
  } else {
    writeLine(io.stdout, describeManifest(shown, fingerprint, new Date(), t));
  }
  return EXIT.ok;
}

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        'passphrase-file': { type: 'string' },
        identity: { type: 'string' },
        'pgp-secret-key': { type: 'string' },
        'pgp-passphrase-file': { type: 'string' },
        lang: { type: 'string' },
        json: { type: 'boolean' },
        'show-secret': { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

async function readKey(values: ReturnType<typeof parse>['values'], io: CliIo): Promise<OpenKey> {
  const passphraseFile = values['passphrase-file'];
  const identity = values.identity;
  const pgpKey = values['pgp-secret-key'];
  const given = [passphraseFile, identity, pgpKey].filter((value) => value !== undefined);
  if (given.length !== 1) {
    throw new UsageError('Give exactly one of --passphrase-file, --identity and --pgp-secret-key.');
  }
  if (values['pgp-passphrase-file'] !== undefined && pgpKey === undefined) {
    throw new UsageError('--pgp-passphrase-file goes with --pgp-secret-key.');
  }
  assertOneStdinReader([passphraseFile, identity, pgpKey, values['pgp-passphrase-file']]);

  if (passphraseFile !== undefined) {
    const text = await readSecretInput(passphraseFile, io.stdin, {
      option: '--passphrase-file',
      maxBytes: 4096,
    });
    return { kind: 'passphrase', passphrase: stripFinalNewline(text) };
  }
  if (identity !== undefined) {
    const identityFile = await readSecretInput(identity, io.stdin, {
      option: '--identity',
      maxBytes: KEY_LIMIT,
    });
    return { kind: 'age-identity', identityFile };
  }
  const privateKey = await readSecretInput(pgpKey!, io.stdin, {
    option: '--pgp-secret-key',
    maxBytes: KEY_LIMIT,
  });
  const passphrasePath = values['pgp-passphrase-file'];
  const passphrase =
    passphrasePath === undefined
      ? undefined
      : stripFinalNewline(
          await readSecretInput(passphrasePath, io.stdin, {
            option: '--pgp-passphrase-file',
            maxBytes: 4096,
          }),
        );
  return { kind: 'openpgp-key', privateKey, passphrase };
}

function readSealedFile(path: string): Uint8Array {
  const size = regularFileSize(path, 'FILE');
  // SECURITY: an oversized file is rejected from its size, before it is read into memory.
  assertSealedFileSize(size);
  return new Uint8Array(readFileSync(path));
}

/** Escapes the control characters in each line, keeping the line breaks between them. */
function escapeLines(text: string): string {
  return text.split('\n').map(escapeControlCharacters).join('\n');
}

/**
 * Formats the manifest for reading in a terminal, with the labels in the
 * translator's language. Verification states and verdicts stay as they are:
 * they are the stable names to search for.
 */
export function describeManifest(
  manifest: Manifest,
  fileFingerprint: string,
  now: Date,
  t: TFunction,
): string {
  const verification = manifest.verification;
  const sender = manifest.sender;
  const recipient = manifest.profile.recipient;
  const recipientText =
    recipient.email === undefined ? recipient.name : `${recipient.name} <${recipient.email}>`;
  const contact = [sender.name, sender.organisation, sender.email, sender.phone].filter(
    (part) => part !== undefined,
  );
  const expired = manifest.useBefore < now.toISOString().slice(0, 10);
  const rows: [label: string, value: string][] = [
    ['environmentUrl', manifest.environmentUrl],
    ['tokenUrl', manifest.tokenUrl],
    ['clientId', manifest.clientId],
    ['clientSecret', manifest.clientSecret],
    ['displayName', manifest.clientDisplayName],
    [
      'valid',
      t('cli:open.validValue', {
        from: manifest.validFrom ?? t('cli:open.noStart'),
        until: manifest.validUntil ?? t('cli:open.noEnd'),
      }),
    ],
    ['companies', manifest.companyNumbers.join(', ')],
    [
      'profile',
      t('cli:open.profileValue', {
        id: manifest.profile.id,
        version: manifest.profile.version,
        recipient: recipientText,
      }),
    ],
    [
      'verification',
      verification.confirmedDespiteState
        ? `${t(`cli:verificationState.${verification.state}`)} ${t('cli:open.confirmed')}`
        : t(`cli:verificationState.${verification.state}`),
    ],
  ];
  if (verification.report !== null) {
    const { finishedAt, verdict } = verification.report;
    rows.push(['', t('cli:open.lastRun', { finishedAt, verdict: verdictText(verdict, t) })]);
  }
  rows.push(
    ['sender', contact.length > 0 ? contact.join(', ') : t('cli:open.notGiven')],
    ['created', manifest.createdAt],
    [
      'useBefore',
      expired ? `${manifest.useBefore} ${t('cli:open.useBeforePassed')}` : manifest.useBefore,
    ],
    ['fileSha256', fileFingerprint],
  );

  const labels = rows.map(([key]) => (key === '' ? '' : `${t(`cli:open.${key}`)}:`));
  const width = Math.max(...labels.map((label) => label.length)) + 3;
  const lines = rows.map(([, value], index) => `${labels[index]!.padEnd(width)}${value}`);
  // SECURITY: the schema rejects control characters, and this escapes any that
  // get past it, so no text from the file can drive the terminal or fake a line.
  return escapeLines(lines.join('\n'));
}
