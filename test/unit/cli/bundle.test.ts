import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import * as openpgp from 'openpgp';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENTS, startSandbox, type Sandbox } from '../../../src/sandbox/index.ts';
import { runCliProcess, type CliRun } from '../../support/cli-process.ts';
import { tempDir } from '../../support/seal.ts';
import { COMPANIES_WITH_EMPLOYEES } from '../../support/verify.ts';

// The CLI bundle that users run: built here from the committed config into
// a temporary folder, so these tests never depend on an earlier build.

const root = join(import.meta.dirname, '..', '..', '..');
const node = join(root, 'node_modules', '.bin', 'node');

/** Reads the Node flags from the bin's shebang line, which users' runs get too. */
function shebangFlags(): string[] {
  const firstLine = readFileSync(join(root, 'bin', 'cobra-koppelhulp.js'), 'utf8').split('\n')[0]!;
  const match = /^#!\/usr\/bin\/env -S node(.*)$/.exec(firstLine);
  if (match === null) {
    throw new Error(`Unexpected shebang line in bin/cobra-koppelhulp.js: ${firstLine}`);
  }
  return match[1]!.trim().split(/\s+/).filter(Boolean);
}

describe('CLI bundle', () => {
  const dir = tempDir('koppelhulp-cli-bundle-');
  const outDir = join(dir.path, 'cli');
  const main = join(outDir, 'main.js');
  const flags = shebangFlags();
  const full = DEMO_CLIENTS.full;
  const secretFile = join(dir.path, 'secret.txt');
  let sandbox: Sandbox;

  /** Runs the bundle with the temporary folder, outside the project, as working directory. */
  const runBundle = (args: readonly string[]): Promise<CliRun> =>
    runCliProcess(args, { entry: main, nodeFlags: flags, cwd: dir.path });

  const connection = (): string[] => [
    '--url',
    sandbox.baseUrl,
    '--client-id',
    full.id,
    '--secret-file',
    secretFile,
    '--company',
    COMPANIES_WITH_EMPLOYEES.join(','),
  ];

  beforeAll(async () => {
    await build({
      configFile: join(root, 'cli.vite.config.ts'),
      logLevel: 'error',
      build: { outDir, emptyOutDir: true },
    });
    sandbox = await startSandbox({ port: 0 });
    writeFileSync(secretFile, full.secret);
  }, 120_000);

  afterAll(async () => {
    await sandbox?.close();
    dir.remove();
  });

  it('runs with the Node flags of the bin', () => {
    expect(flags).toEqual(['--max-semi-space-size=1']);
  });

  it('prints its help and the help of each command', async () => {
    const help = await runBundle(['--help']);
    expect(help.stdout).toContain('Usage: cobra-koppelhulp <command>');
    expect(help.code).toBe(0);
    for (const command of ['verify', 'seal', 'open', 'sandbox']) {
      const run = await runBundle([command, '--help']);
      expect(run.stdout).toContain(`Usage: cobra-koppelhulp ${command}`);
      expect(run.code).toBe(0);
    }
  });

  it('prints the version from package.json', async () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      version: string;
    };
    const run = await runBundle(['--version']);
    expect(run.stdout.trim()).toBe(pkg.version);
    expect(run.code).toBe(0);
  });

  it('verifies the full demo client against the sandbox', async () => {
    const run = await runBundle(['verify', ...connection(), '--json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { verdict: string; companies: string[] };
    expect(report.verdict).toBe('pass');
    expect(report.companies).toEqual(COMPANIES_WITH_EMPLOYEES);
    expect(run.stdout).not.toContain(full.secret);
    expect(run.stderr).not.toContain(full.secret);
  });

  it('prints Dutch messages from the bundled locales', async () => {
    const run = await runBundle(['verify', ...connection()]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Omgeving');
    expect(run.stdout).toContain('Oordeel: geslaagd [pass]');
  });

  /**
   * Seals the demo client's credentials with `recipientArgs` after a
   * verification, then opens the file with `keyArgs`. Returns the client id
   * found in the opened file.
   */
  const sealAndOpen = async (
    recipientArgs: readonly string[],
    keyArgs: readonly string[],
    output: string,
  ): Promise<string> => {
    const sealed = await runBundle([
      'seal',
      ...connection(),
      '--verify',
      ...recipientArgs,
      '-o',
      output,
      '--json',
    ]);
    expect(sealed.code).toBe(0);
    expect(sealed.stdout).not.toContain(full.secret);

    const opened = await runBundle(['open', output, ...keyArgs, '--json']);
    expect(opened.code).toBe(0);
    const { manifest } = JSON.parse(opened.stdout) as { manifest: { clientId: string } };
    return manifest.clientId;
  };

  it('seals to an age recipient and opens the file', async () => {
    const identity = await generateX25519Identity();
    const identityFile = join(dir.path, 'identity.txt');
    writeFileSync(identityFile, `${identity}\n`);
    const recipient = await identityToRecipient(identity);

    const clientId = await sealAndOpen(
      ['--recipient', recipient],
      ['--identity', identityFile],
      join(dir.path, 'sealed.age'),
    );
    expect(clientId).toBe(full.id);
  });

  it('seals to an OpenPGP key and opens the file', async () => {
    const pair = await openpgp.generateKey({
      userIDs: [{ name: 'Ontvanger', email: 'ontvanger@example.nl' }],
      format: 'armored',
    });
    const publicKeyFile = join(dir.path, 'public.asc');
    const privateKeyFile = join(dir.path, 'private.asc');
    writeFileSync(publicKeyFile, pair.publicKey);
    writeFileSync(privateKeyFile, pair.privateKey);

    const clientId = await sealAndOpen(
      ['--pgp-key', publicKeyFile],
      ['--pgp-secret-key', privateKeyFile],
      join(dir.path, 'sealed.asc'),
    );
    expect(clientId).toBe(full.id);
  });

  it('starts the sandbox over HTTPS and stops on SIGTERM', async () => {
    const child = spawn(node, [...flags, main, 'sandbox', '--https'], {
      cwd: dir.path,
      env: { PATH: process.env['PATH'] },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const lines = createInterface({ input: child.stdout });
      const [firstLine] = (await once(lines, 'line')) as [string];
      expect(firstLine).toMatch(/^Cobra sandbox ready at https:\/\/127\.0\.0\.1:\d+/);
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = (await once(child, 'close')) as [number | null];
    expect(code).toBe(0);
  });
});
