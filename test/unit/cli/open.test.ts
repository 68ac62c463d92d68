import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as openpgp from 'openpgp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../../src/cli/io.ts';
import { openCommand } from '../../../src/cli/commands/open.ts';
import { runCli } from '../../../src/cli/run.ts';
import { generatePassphrase } from '../../../src/core/seal/passphrase.ts';
import { MAX_SEALED_FILE_BYTES, sealManifest } from '../../../src/core/seal/seal.ts';
import { recordingIo } from '../../support/cli.ts';
import { sampleManifest, sampleReport, tempDir } from '../../support/seal.ts';
import { sealWithAge } from '../../../src/core/seal/age.ts';
import { createTranslator } from '../../../src/shared/i18n/translator.ts';
import { escapeControlCharacters } from '../../../src/shared/text.ts';

describe('cobra-koppelhulp open', () => {
  const dir = tempDir('koppelhulp-cli-open-');
  const manifest = sampleManifest();
  const secret = manifest.clientSecret;
  const passphrase = generatePassphrase();
  const files = {
    passphrase: join(dir.path, 'passphrase.txt'),
    sealed: join(dir.path, 'sealed.age'),
    identity: join(dir.path, 'identity.txt'),
    toKey: join(dir.path, 'to-key.age'),
    pgpKey: join(dir.path, 'pgp-key.asc'),
    pgpPassphrase: join(dir.path, 'pgp-passphrase.txt'),
    toPgp: join(dir.path, 'to-pgp.asc'),
  };

  beforeAll(async () => {
    writeFileSync(files.passphrase, `${passphrase}\n`);
    const sealed = await sealManifest(manifest, { kind: 'passphrase', passphrase, workFactor: 4 });
    writeFileSync(files.sealed, sealed.text);

    const identity = await generateX25519Identity();
    writeFileSync(files.identity, `# created for a test\n${identity}\n`);
    const toKey = await sealManifest(manifest, {
      kind: 'age-recipients',
      recipients: [await identityToRecipient(identity)],
    });
    writeFileSync(files.toKey, toKey.text);

    const pair = await openpgp.generateKey({
      userIDs: [{ name: 'Ontvanger', email: 'ontvanger@example.nl' }],
      passphrase: 'sleutel-wachtwoord',
      format: 'armored',
    });
    writeFileSync(files.pgpKey, pair.privateKey);
    writeFileSync(files.pgpPassphrase, 'sleutel-wachtwoord\n');
    const toPgp = await sealManifest(manifest, { kind: 'openpgp', publicKeys: [pair.publicKey] });
    writeFileSync(files.toPgp, toPgp.text);
  });
  afterAll(() => dir.remove());

  const open = async (args: string[], input = '') => {
    const io = recordingIo(input);
    const code = await runCli(['open', ...args], io, [openCommand]);
    return { code, out: io.out(), err: io.err() };
  };

  it('prints the contents with the secret masked', async () => {
    const result = await open([
      files.sealed,
      '--passphrase-file',
      files.passphrase,
      '--lang',
      'en',
    ]);
    expect(result.code).toBe(EXIT.ok);
    expect(result.out).toContain('Client id:         client-4711');
    expect(result.out).toContain('••••••••5b4a');
    expect(result.out).toMatch(/File SHA-256: +([0-9a-f]{4} ){15}[0-9a-f]{4}/);
    expect(result.out).not.toContain(secret);
    expect(result.err).toBe('');
  });

  it('prints Dutch labels by default', async () => {
    const result = await open([files.sealed, '--passphrase-file', files.passphrase]);
    expect(result.code).toBe(EXIT.ok);
    expect(result.out).toContain('Omgevings-URL:'.padEnd(23) + 'https://bakkerij.cobra.example/');
    expect(result.out).toContain('Client-id:'.padEnd(23) + 'client-4711');
    expect(result.out).toContain('2026-12-01 tot en met 2027-12-01');
    expect(result.out).toContain('niet getest (de afzender heeft toch geëxporteerd)');
    expect(result.out).toContain('Gebruiken vóór:'.padEnd(23) + '2026-12-18');
    expect(result.out).toMatch(/SHA-256 van bestand: +([0-9a-f]{4} ){15}[0-9a-f]{4}/);
    expect(result.out).not.toContain('Environment URL');
    expect(result.out).not.toContain(secret);
  });

  it('keeps the JSON output the same in both languages', async () => {
    const args = [files.sealed, '--passphrase-file', files.passphrase, '--json'];
    const dutch = await open(args);
    const english = await open([...args, '--lang', 'en']);
    expect(english.out).toBe(dutch.out);
  });

  it('rejects an unknown --lang with exit code 2', async () => {
    const result = await open([
      files.sealed,
      '--passphrase-file',
      files.passphrase,
      '--lang',
      'de',
    ]);
    expect(result.code).toBe(EXIT.badInput);
    expect(result.err).toContain('--lang moet een van nl, en zijn, niet "de".');
  });

  it('prints JSON, and the secret only with --show-secret', async () => {
    const masked = await open([files.sealed, '--passphrase-file', files.passphrase, '--json']);
    const parsed = JSON.parse(masked.out) as { manifest: { clientSecret: string } };
    expect(parsed.manifest.clientSecret).toBe('••••••••5b4a');
    expect(masked.out).not.toContain(secret);

    const shown = await open([
      files.sealed,
      '--passphrase-file',
      files.passphrase,
      '--json',
      '--show-secret',
    ]);
    expect(JSON.parse(shown.out)).toMatchObject({ manifest: { clientSecret: secret } });
    expect(shown.err).not.toContain(secret);
  });

  it('reads the passphrase from standard input', async () => {
    const result = await open([files.sealed, '--passphrase-file', '-'], `${passphrase}\n`);
    expect(result.code).toBe(EXIT.ok);
  });

  it('opens with an age identity file', async () => {
    const result = await open([files.toKey, '--identity', files.identity]);
    expect(result.code).toBe(EXIT.ok);
    expect(result.out).toContain('client-4711');
  });

  it('opens with a protected OpenPGP key and its passphrase', async () => {
    const result = await open([
      files.toPgp,
      '--pgp-secret-key',
      files.pgpKey,
      '--pgp-passphrase-file',
      files.pgpPassphrase,
    ]);
    expect(result.code).toBe(EXIT.ok);
    expect(result.out).toContain('client-4711');
  });

  it('exits with 2 and the code for a wrong passphrase', async () => {
    const result = await open([files.sealed, '--passphrase-file', '-'], 'verkeerd\n');
    expect(result.code).toBe(EXIT.badInput);
    expect(result.err).toContain('Met dit wachtwoord gaat het bestand niet open.');
    expect(result.err).toContain('[sealing.wrong-passphrase]');
    expect(result.out).toBe('');
  });

  it('prints the error in English with --lang en', async () => {
    const args = [files.sealed, '--passphrase-file', '-', '--lang', 'en'];
    const result = await open(args, 'verkeerd\n');
    expect(result.code).toBe(EXIT.badInput);
    expect(result.err).toContain('cobra-koppelhulp open: This passphrase does not open the file.');
    expect(result.err).toContain('[sealing.wrong-passphrase]');
  });

  it('rejects an oversized file before reading it', async () => {
    const big = join(dir.path, 'big.age');
    writeFileSync(big, Buffer.alloc(MAX_SEALED_FILE_BYTES + 1));
    const result = await open([big, '--passphrase-file', files.passphrase]);
    expect(result.code).toBe(EXIT.badInput);
    expect(result.err).toContain('[sealing.file-too-large]');
  });

  const usageErrors: [string, string[]][] = [
    ['no key', ['FILE']],
    ['two keys', ['FILE', '--passphrase-file', 'a', '--identity', 'b']],
    ['a passphrase as argument', ['FILE', '--passphrase', 'geheim']],
    ['no file', ['--passphrase-file', 'a']],
    ['two readers of stdin', ['FILE', '--pgp-secret-key', '-', '--pgp-passphrase-file', '-']],
    ['a key passphrase without key', ['FILE', '--identity', 'a', '--pgp-passphrase-file', 'b']],
  ];
  it.each(usageErrors)('rejects %s with exit code 2', async (_name, args) => {
    const result = await open(args.map((arg) => (arg === 'FILE' ? files.sealed : arg)));
    expect(result.code).toBe(EXIT.badInput);
    expect(result.err).toContain('Run "cobra-koppelhulp open --help"');
  });

  it('reports a missing file as a usage error', async () => {
    const result = await open([
      join(dir.path, 'missing.age'),
      '--passphrase-file',
      files.passphrase,
    ]);
    expect(result.code).toBe(EXIT.badInput);
    expect(result.err).toContain('FILE: cannot read');
    expect(result.err).toContain('file not found');
  });

  it.each([
    ['FILE', (path: string) => [path, '--passphrase-file', files.passphrase]],
    ['--identity', (path: string) => [files.toKey, '--identity', path]],
    ['--passphrase-file', (path: string) => [files.sealed, '--passphrase-file', path]],
    ['--pgp-secret-key', (path: string) => [files.toPgp, '--pgp-secret-key', path]],
  ])('rejects a directory as %s with exit code 2', async (label, args) => {
    const result = await open(args(dir.path));
    expect(result.code).toBe(EXIT.badInput);
    expect(result.err).toContain(`${label}: ${dir.path} is a directory`);
    expect(result.err).not.toContain('EISDIR');
  });

  it('reports an empty passphrase file as empty', async () => {
    const empty = join(dir.path, 'empty.txt');
    writeFileSync(empty, '\n');
    const result = await open([files.sealed, '--passphrase-file', empty]);
    expect(result.code).toBe(EXIT.badInput);
    expect(result.err).toContain(`--passphrase-file: ${empty} is empty.`);
    expect(result.err).not.toContain('wrong-passphrase');
  });

  it('reports an empty standard input as empty', async () => {
    const result = await open([files.sealed, '--passphrase-file', '-'], '');
    expect(result.code).toBe(EXIT.badInput);
    expect(result.err).toContain('--passphrase-file: standard input is empty.');
  });

  it('rejects terminal escapes in the display name', async () => {
    // The payload of a fresh-user trial: it set the window title, cleared the
    // screen and printed a fake "Client secret" line.
    const evil = {
      ...sampleManifest(),
      clientDisplayName:
        'Evil\u001b]0;pwned\u0007\u001b[2J\u001b[31mRED\r\nClient secret:     FAKE',
    };
    // sealManifest validates, so the file is sealed from the raw JSON, as a forged file would be.
    const path = join(dir.path, 'evil.age');
    writeFileSync(
      path,
      await sealWithAge(JSON.stringify(evil), { kind: 'passphrase', passphrase, workFactor: 4 }),
    );
    const result = await open([path, '--passphrase-file', files.passphrase]);
    expect(result.code).toBe(EXIT.badInput);
    expect(result.err).toContain('[sealing.manifest-invalid]');
    expect(result.err).toContain('clientDisplayName');
    expect(result.out).toBe('');
    expect(result.err).not.toContain('\u001b');
  });
});

describe('escapeControlCharacters', () => {
  const cases: [string, string, string][] = [
    ['escape', 'a\u001b[2Jb', 'a\\u001b[2Jb'],
    ['bell', '\u0007', '\\u0007'],
    ['carriage return and line feed', 'x\r\ny', 'x\\u000d\\u000ay'],
    ['delete', '\u007f', '\\u007f'],
    ['C1 control', '\u009b31m', '\\u009b31m'],
    ['bidi override', 'exe.\u202egnp', 'exe.\\u202egnp'],
    ['bidi isolate', '\u2066x\u2069', '\\u2066x\\u2069'],
    ['plain text with accents', 'Bakkerij Één • 5b4a', 'Bakkerij Één • 5b4a'],
  ];
  it.each(cases)('handles %s', (_name, input, expected) => {
    expect(escapeControlCharacters(input)).toBe(expected);
  });

  it('escapes a report message in the open output', async () => {
    const { describeManifest } = await import('../../../src/cli/commands/open.ts');
    const report = sampleReport();
    const manifest = {
      ...sampleManifest(),
      verification: {
        state: 'passed' as const,
        confirmedDespiteState: false,
        report: { ...report, finishedAt: '2026-12-04T10:00:00.000Z\u001b[2J' },
      },
    };
    const t = await createTranslator('en');
    const text = describeManifest(manifest, 'ab12', new Date('2026-12-05T00:00:00Z'), t);
    expect(text).not.toContain('\u001b');
    expect(text).toContain('\\u001b[2J');
  });
});
