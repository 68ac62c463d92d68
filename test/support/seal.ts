import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { MANIFEST_FORMAT, MANIFEST_VERSION, type Manifest } from '../../src/shared/manifest.ts';
import {
  REPORT_FORMAT,
  REPORT_VERSION,
  reportSchema,
  type VerificationReport,
} from '../../src/shared/report.ts';

const run = promisify(execFile);

/** A valid manifest of the current version; the secret is recognisable in output checks. */
export function sampleManifest(overrides: Partial<Manifest> = {}): Manifest {
  return {
    format: MANIFEST_FORMAT,
    version: MANIFEST_VERSION,
    createdAt: '2026-12-04T10:00:00.000Z',
    useBefore: '2026-12-18',
    environmentUrl: 'https://bakkerij.cobra.example/',
    tokenUrl: 'https://bakkerij.cobra.example/OAuth/Token',
    clientId: 'client-4711',
    clientSecret: 'S3cr3t-Zout-9f8e7d6c5b4a',
    clientDisplayName: 'XpertSuite Loongegevens',
    validFrom: '2026-12-01',
    validUntil: '2027-12-01',
    companyNumbers: ['1001', '1002'],
    profile: {
      id: 'xpertsuite-loongegevens',
      version: 1,
      recipient: { name: 'NN Inkomen', email: 'spa.inkomen@nn.nl' },
    },
    verification: { state: 'missing', confirmedDespiteState: true, report: null },
    sender: { name: 'Jan de Vries', organisation: 'Bakkerij De Vries', email: 'jan@example.nl' },
    ...overrides,
  };
}

/** A passing verification report of the sample manifest's inputs, checked against the schema. */
export function sampleReport(overrides: Partial<VerificationReport> = {}): VerificationReport {
  return reportSchema.parse({
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    environmentUrl: 'https://bakkerij.cobra.example',
    tokenUrl: 'https://bakkerij.cobra.example/OAuth/Token',
    clientId: 'client-4711',
    profile: { id: 'xpertsuite-loongegevens', version: 1 },
    companies: ['1001', '1002'],
    deep: false,
    startedAt: '2026-12-04T09:59:00.000Z',
    finishedAt: '2026-12-04T09:59:02.000Z',
    tokenAuthMethod: 'basic-form-encoded',
    probes: [
      {
        kind: 'token',
        httpStatus: 200,
        durationMs: 120,
        diagnosis: 'ok',
        params: {},
        message: 'Token ontvangen.',
      },
    ],
    requestCount: 1,
    warnings: [],
    verdict: 'pass',
    inputsDigest: 'a'.repeat(64),
    ...overrides,
  });
}

/** A temporary folder removed by the returned function. */
export function tempDir(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/**
 * Runs the age CLI with a passphrase typed on a terminal: age reads
 * passphrases only from a tty, so `script` gives it a pseudo-terminal and the
 * passphrase is written to it (twice when encrypting, for the confirmation).
 */
export async function ageWithPassphrase(
  args: string[],
  passphrase: string,
  times: 1 | 2,
): Promise<void> {
  const command = ['age', ...args].map(shellQuote).join(' ');
  const input = `${passphrase}\n`.repeat(times);
  await new Promise<void>((resolve, reject) => {
    // A bounded run: a prompt that never gets its input must not leave age behind.
    const child = execFile(
      'script',
      ['-qec', command, '/dev/null'],
      { timeout: 100_000 },
      (error) => (error === null ? resolve() : reject(error)),
    );
    child.stdin?.end(input);
  });
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** A GnuPG home folder of its own, so tests never touch the user's keyring. */
export interface GnupgHome {
  path: string;
  gpg(args: string[], input?: string): Promise<string>;
  /** Creates an ed25519/cv25519 key pair and returns its armored keys. */
  createKey(
    userId: string,
    passphrase?: string,
  ): Promise<{ publicKey: string; privateKey: string; fingerprint: string }>;
  remove(): void;
}

export function createGnupgHome(): GnupgHome {
  const dir = tempDir('koppelhulp-gnupg-');
  chmodSync(dir.path, 0o700);
  const env = { ...process.env, GNUPGHOME: dir.path };
  const gpg = async (args: string[], input?: string): Promise<string> => {
    const promise = run('gpg', ['--batch', '--no-tty', '--quiet', ...args], {
      env,
      encoding: 'utf8',
    });
    if (input !== undefined) {
      promise.child.stdin?.end(input);
    }
    return (await promise).stdout;
  };
  return {
    path: dir.path,
    gpg,
    createKey: async (userId, passphrase = '') => {
      const passFile = join(dir.path, 'key-passphrase');
      writeFileSync(passFile, passphrase);
      const loopback = ['--pinentry-mode', 'loopback', '--passphrase-file', passFile];
      await gpg([...loopback, '--quick-gen-key', userId, 'future-default', 'default', 'never']);
      const publicKey = await gpg(['--armor', '--export', userId]);
      const privateKey = await gpg([...loopback, '--armor', '--export-secret-keys', userId]);
      const listing = await gpg(['--with-colons', '--fingerprint', userId]);
      const fingerprint = /^fpr:+([0-9A-F]{40})/m.exec(listing)?.[1] ?? '';
      return { publicKey, privateKey, fingerprint };
    },
    remove: () => {
      try {
        execFileSync('gpgconf', ['--kill', 'gpg-agent'], { env, stdio: 'ignore' });
      } catch {
        // The agent may never have started.
      }
      dir.remove();
    },
  };
}
