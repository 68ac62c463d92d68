import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as openpgp from 'openpgp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCommand } from '../../../src/cli/commands/open.ts';
import { sealCommand } from '../../../src/cli/commands/seal.ts';
import { EXIT } from '../../../src/cli/io.ts';
import { runCli } from '../../../src/cli/run.ts';
import { DEMO_CLIENTS, startSandbox, type Sandbox } from '../../../src/sandbox/index.ts';
import { recordingIo } from '../../support/cli.ts';
import { tempDir } from '../../support/seal.ts';
import { COMPANIES_WITH_EMPLOYEES, verifyAgainst } from '../../support/verify.ts';

// Sealing with a generated passphrase runs scrypt at work factor 18 twice
// (seal and open), about a second of CPU each on a shared machine.
const REAL_WORK_FACTOR_TIMEOUT = 120_000;

describe('cobra-koppelhulp seal', () => {
  const dir = tempDir('koppelhulp-cli-seal-');
  let sandbox: Sandbox;
  let identityFile: string;
  let recipient: string;
  const full = DEMO_CLIENTS.full;
  const secretFile = join(dir.path, 'secret.txt');
  let counter = 0;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    const identity = await generateX25519Identity();
    recipient = await identityToRecipient(identity);
    identityFile = join(dir.path, 'identity.txt');
    writeFileSync(identityFile, `${identity}\n`);
    writeFileSync(secretFile, full.secret);
  });
  afterAll(async () => {
    await sandbox.close();
    dir.remove();
  });

  const connection = (client = full) => [
    '--url',
    sandbox.baseUrl,
    '--client-id',
    client.id,
    '--secret-file',
    secretFile,
    ...COMPANIES_WITH_EMPLOYEES.flatMap((company) => ['--company', company]),
  ];
  const nextOutput = () => join(dir.path, `sealed-${(counter += 1)}.age`);
  const run = async (args: string[], input = '') => {
    const io = recordingIo(input);
    const code = await runCli(args, io, [sealCommand, openCommand]);
    return { code, out: io.out(), err: io.err() };
  };

  it('seals to an age recipient after a passing verification', async () => {
    const output = nextOutput();
    const result = await run([
      'seal',
      ...connection(),
      '--verify',
      '--recipient',
      recipient,
      '-o',
      output,
      '--sender-name',
      'Jan de Vries',
      '--json',
    ]);
    expect(result.code).toBe(EXIT.ok);
    const printed = JSON.parse(result.out) as { sha256: string; verification: string };
    expect(printed.verification).toBe('passed');
    expect(result.out).not.toContain(full.secret);
    expect(result.err).not.toContain(full.secret);

    const opened = await run([
      'open',
      output,
      '--identity',
      identityFile,
      '--json',
      '--show-secret',
    ]);
    expect(opened.code).toBe(EXIT.ok);
    const { manifest, fileSha256 } = JSON.parse(opened.out) as {
      manifest: { clientSecret: string; tokenUrl: string; sender: object };
      fileSha256: string;
    };
    expect(manifest.clientSecret).toBe(full.secret);
    expect(manifest.tokenUrl).toBe(`${sandbox.baseUrl}/OAuth/Token`);
    expect(manifest.sender).toEqual({ name: 'Jan de Vries' });
    expect(fileSha256.replaceAll(' ', '')).toBe(printed.sha256);
  });

  it('accepts the report of a verify run of the same inputs', async () => {
    const { report } = await verifyAgainst(sandbox, full);
    const reportFile = join(dir.path, 'report.json');
    writeFileSync(reportFile, JSON.stringify(report));
    const result = await run([
      'seal',
      ...connection(),
      '--report',
      reportFile,
      '--recipient',
      recipient,
      '-o',
      nextOutput(),
    ]);
    expect(result.code).toBe(EXIT.ok);
    expect(result.out).toMatch(/^Test: +geslaagd$/m);

    const english = await run([
      'seal',
      ...connection(),
      '--report',
      reportFile,
      '--recipient',
      recipient,
      '-o',
      nextOutput(),
      '--lang',
      'en',
    ]);
    expect(english.code).toBe(EXIT.ok);
    expect(english.out).toMatch(/^Sealed file: +\S+\.age$/m);
    expect(english.out).toMatch(/^Verification: +passed$/m);
  });

  it('rejects a stale or missing verification unless confirmed', async () => {
    const { report } = await verifyAgainst(sandbox, full, {
      companies: COMPANIES_WITH_EMPLOYEES.slice(0, 1),
    });
    const reportFile = join(dir.path, 'other-report.json');
    writeFileSync(reportFile, JSON.stringify(report));

    const stale = nextOutput();
    const staleRun = await run([
      'seal',
      ...connection(),
      '--report',
      reportFile,
      '--recipient',
      recipient,
      '-o',
      stale,
      '--lang',
      'en',
    ]);
    expect(staleRun.code).toBe(EXIT.badInput);
    expect(staleRun.err).toContain('[sealing.verification-stale]');
    expect(existsSync(stale)).toBe(false);

    const missing = await run(['seal', ...connection(), '--recipient', recipient, '-o', stale]);
    expect(missing.code).toBe(EXIT.badInput);
    expect(missing.err).toContain('[sealing.verification-missing]');

    const confirmed = await run([
      'seal',
      ...connection(),
      '--recipient',
      recipient,
      '-o',
      stale,
      '--confirm-unverified',
      '--json',
    ]);
    expect(confirmed.code).toBe(EXIT.ok);
    expect(JSON.parse(confirmed.out)).toMatchObject({
      verification: 'missing',
      confirmedDespiteState: true,
    });
  });

  it('exits with 1 when the verification fails', async () => {
    const partial = DEMO_CLIENTS.partial;
    writeFileSync(secretFile, partial.secret);
    try {
      const output = nextOutput();
      const result = await run([
        'seal',
        ...connection(partial),
        '--verify',
        '--recipient',
        recipient,
        '-o',
        output,
      ]);
      expect(result.code).toBe(EXIT.checksFailed);
      expect(result.err).toContain('[sealing.verification-failed]');
      expect(existsSync(output)).toBe(false);
    } finally {
      writeFileSync(secretFile, full.secret);
    }
  });

  it('prints the OpenPGP key before sealing to it', async () => {
    const { publicKey } = await openpgp.generateKey({
      userIDs: [{ name: 'NN Inkomen', email: 'spa.inkomen@nn.example' }],
      format: 'armored',
    });
    const keyFile = join(dir.path, 'recipient.asc');
    writeFileSync(keyFile, publicKey);
    const output = nextOutput();
    const result = await run([
      'seal',
      ...connection(),
      '--pgp-key',
      keyFile,
      '--confirm-unverified',
      '-o',
      output,
    ]);
    expect(result.code).toBe(EXIT.ok);
    expect(result.err).toMatch(/OpenPGP key ([0-9A-F]{4} ){9}[0-9A-F]{4}: NN Inkomen/);
    expect(readFileSync(output, 'utf8')).toContain('-----BEGIN PGP MESSAGE-----');
  });

  it(
    'generates a passphrase that opens the file',
    async () => {
      const output = nextOutput();
      const result = await run([
        'seal',
        ...connection(),
        '--generate-passphrase',
        '--confirm-unverified',
        '-o',
        output,
        '--json',
      ]);
      expect(result.code).toBe(EXIT.ok);
      const { passphrase } = JSON.parse(result.out) as { passphrase: string };
      expect(passphrase).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){5}$/);

      const opened = await run(['open', output, '--passphrase-file', '-'], `${passphrase}\n`);
      expect(opened.code).toBe(EXIT.ok);
    },
    REAL_WORK_FACTOR_TIMEOUT,
  );

  it('rejects a weak passphrase from a file', async () => {
    const passphraseFile = join(dir.path, 'weak.txt');
    writeFileSync(passphraseFile, 'welkom123\n');
    const result = await run([
      'seal',
      ...connection(),
      '--passphrase-file',
      passphraseFile,
      '--confirm-unverified',
      '-o',
      nextOutput(),
    ]);
    expect(result.code).toBe(EXIT.badInput);
    expect(result.err).toContain('[sealing.passphrase-too-short]');
  });

  it('keeps an existing output file unless --force', async () => {
    const output = nextOutput();
    writeFileSync(output, 'keep me');
    const result = await run([
      'seal',
      ...connection(),
      '--recipient',
      recipient,
      '--confirm-unverified',
      '-o',
      output,
    ]);
    expect(result.code).toBe(EXIT.badInput);
    expect(readFileSync(output, 'utf8')).toBe('keep me');
  });

  const usageErrors: [string, string[]][] = [
    ['no recipient', ['-o', 'x.age']],
    ['two kinds of recipient', ['--generate-passphrase', '--recipient', 'age1x', '-o', 'x.age']],
    ['a passphrase argument', ['--passphrase', 'geheim', '-o', 'x.age']],
    ['no output file', ['--generate-passphrase']],
    ['--report with --verify', ['--report', 'r.json', '--verify', '-o', 'x.age']],
  ];
  it.each(usageErrors)('rejects %s with exit code 2', async (_name, args) => {
    const result = await run(['seal', ...connection(), ...args]);
    expect(result.code).toBe(EXIT.badInput);
    expect(result.err).toContain('Run "cobra-koppelhulp seal --help"');
  });

  it('rejects two readers of standard input', async () => {
    const args = connection().filter((arg) => arg !== '--secret-file' && arg !== secretFile);
    const result = await run([
      'seal',
      ...args,
      '--secret-stdin',
      '--passphrase-file',
      '-',
      '-o',
      nextOutput(),
    ]);
    expect(result.code).toBe(EXIT.badInput);
    expect(result.err).toContain('standard input');
  });
});
