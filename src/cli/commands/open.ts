import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { inProcessEngine, type SealEngine } from '../../core/seal/engine.ts';
import { maskManifest, type Manifest } from '../../shared/manifest.ts';
import { assertSealedFileSize, fingerprintOf, type OpenKey } from '../../core/seal/seal.ts';
import { AppFailure } from '../../shared/result.ts';
import { escapeControlCharacters } from '../../shared/text.ts';
import { EXIT, UsageError, writeLine, type CliIo, type Command } from '../io.ts';
import { SUMMARIES } from '../summaries.ts';
import {
  assertOneStdinReader,
  readSecretInput,
  regularFileSize,
  stripFinalNewline,
} from '../secret-input.ts';

const USAGE = `Usage: cobra-koppelhulp open FILE KEY [--json] [--show-secret]

Opens a sealed credentials file (age or OpenPGP) and prints its contents,
with the client secret masked.

KEY is one of (a path, or "-" for standard input):
  --passphrase-file F      Passphrase the sender gave you, on one line
  --identity F             age identity file (from age-keygen)
  --pgp-secret-key F       Armored OpenPGP private key
  --pgp-passphrase-file F  Passphrase of that private key, if it has one

Options:
  --json          Print the contents as JSON
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
  const key = await readKey(values, io);

  let bytes: Uint8Array;
  let manifest: Manifest;
  try {
    bytes = readSealedFile(path);
    manifest = await engine.open(bytes, key);
  } catch (error) {
    if (error instanceof AppFailure) {
      writeLine(
        io.stderr,
        escapeControlCharacters(`cobra-koppelhulp open: ${error.message} [${error.code}]`),
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
    writeLine(io.stdout, describeManifest(shown, fingerprint, new Date()));
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

/** Formats the manifest for reading in a terminal. */
export function describeManifest(manifest: Manifest, fileFingerprint: string, now: Date): string {
  const verification = manifest.verification;
  const sender = manifest.sender;
  const recipient = manifest.profile.recipient;
  const recipientText =
    recipient.email === undefined ? recipient.name : `${recipient.name} <${recipient.email}>`;
  const lines = [
    `Environment URL:   ${manifest.environmentUrl}`,
    `Token URL:         ${manifest.tokenUrl}`,
    `Client id:         ${manifest.clientId}`,
    `Client secret:     ${manifest.clientSecret}`,
    `Display name:      ${manifest.clientDisplayName}`,
    `Valid:             ${manifest.validFrom ?? '(no start date)'} to ${manifest.validUntil ?? '(no end date)'}`,
    `Companies:         ${manifest.companyNumbers.join(', ')}`,
    `Profile:           ${manifest.profile.id} version ${manifest.profile.version}, for ${recipientText}`,
    `Verification:      ${verification.state}${verification.confirmedDespiteState ? ' (the sender confirmed the export anyway)' : ''}`,
  ];
  if (verification.report !== null) {
    lines.push(
      `                   last run ${verification.report.finishedAt}, verdict ${verification.report.verdict}`,
    );
  }
  const contact = [sender.name, sender.organisation, sender.email, sender.phone].filter(
    (part) => part !== undefined,
  );
  lines.push(`Sender:            ${contact.length > 0 ? contact.join(', ') : '(not given)'}`);
  lines.push(`Created:           ${manifest.createdAt}`);
  const expired = manifest.useBefore < now.toISOString().slice(0, 10);
  lines.push(
    `Use before:        ${manifest.useBefore}${expired ? ' (passed: ask the sender whether it is still valid)' : ''}`,
  );
  lines.push(`File SHA-256:      ${fileFingerprint}`);
  // SECURITY: the schema rejects control characters, and this escapes any that
  // get past it, so no text from the file can drive the terminal or fake a line.
  return escapeLines(lines.join('\n'));
}
