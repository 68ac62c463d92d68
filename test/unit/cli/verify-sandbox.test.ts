import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportSchema } from '../../../src/shared/report.ts';
import {
  DEMO_CLIENTS,
  DEMO_COMPANY_NUMBERS,
  startSandbox,
  type Sandbox,
} from '../../../src/sandbox/index.ts';
import { runCliProcess } from '../../support/cli-process.ts';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});

afterAll(async () => {
  await sandbox.close();
});

function verifyArgs(client: { id: string }, ...extra: string[]): string[] {
  return [
    'verify',
    '--url',
    sandbox.baseUrl,
    '--client-id',
    client.id,
    '--secret-stdin',
    '--company',
    DEMO_COMPANY_NUMBERS.withEmployees.join(','),
    ...extra,
  ];
}

describe('cobra-koppelhulp verify against the sandbox', () => {
  it('prints a table and exits 0 when every check passes', async () => {
    const run = await runCliProcess(verifyArgs(DEMO_CLIENTS.full, '--lang', 'en'), {
      stdin: `${DEMO_CLIENTS.full.secret}\n`,
    });
    expect(run.stderr).toContain('local test environment');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/endpoint\s+CalculatedSalaryComponent\s+200/);
    expect(run.stdout).toContain('Verdict: passed [pass] (12 requests');
    expect(run.stdout).not.toContain(DEMO_CLIENTS.full.secret);
  });

  it('exits 1 and names the fix when an endpoint is not authorised', async () => {
    const run = await runCliProcess(verifyArgs(DEMO_CLIENTS.partial), {
      stdin: DEMO_CLIENTS.partial.secret,
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('endpoint-not-authorised');
    expect(run.stdout).toContain('zet een vinkje in de kolom GET bij EmploymentHistory');
  });

  it('exits 3 when the client cannot authenticate', async () => {
    const run = await runCliProcess(verifyArgs(DEMO_CLIENTS.expired, '--json'), {
      stdin: DEMO_CLIENTS.expired.secret,
    });
    expect(run.code).toBe(3);
    const report = reportSchema.parse(JSON.parse(run.stdout));
    expect(report.verdict).toBe('error');
    expect(report.probes[0]?.diagnosis).toBe('invalid-client');
  });

  it('prints the report as JSON with the deep check', async () => {
    const run = await runCliProcess(
      verifyArgs(
        DEMO_CLIENTS.full,
        '--json',
        '--deep',
        '--company',
        DEMO_COMPANY_NUMBERS.withoutEmployees[0]!,
        '--concurrency',
        '2',
      ),
      { stdin: DEMO_CLIENTS.full.secret },
    );
    expect(run.code).toBe(1);
    const report = reportSchema.parse(JSON.parse(run.stdout));
    expect(report.deep).toBe(true);
    expect(report.probes.map((probe) => probe.diagnosis)).toContain('company-without-employees');
  });

  it('reads the secret from a file and a profile from a path', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'koppelhulp-cli-'));
    const secretFile = join(directory, 'secret.txt');
    writeFileSync(secretFile, `${DEMO_CLIENTS.full.secret}\n`, { mode: 0o600 });
    const run = await runCliProcess([
      'verify',
      '--url',
      sandbox.baseUrl,
      '--client-id',
      DEMO_CLIENTS.full.id,
      '--secret-file',
      secretFile,
      '--company',
      DEMO_COMPANY_NUMBERS.withEmployees[0]!,
      '--profile',
      'profiles/learned.json',
      '--json',
    ]);
    expect(run.code).toBe(0);
    const report = reportSchema.parse(JSON.parse(run.stdout));
    expect(report.profile.id).toBe('learned');
  });

  it('rejects an unknown profile id with exit code 2', async () => {
    const run = await runCliProcess(
      verifyArgs(DEMO_CLIENTS.full, '--profile', 'nope', '--lang', 'en'),
      {
        stdin: DEMO_CLIENTS.full.secret,
      },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('There is no profile with id "nope"');
  });
});
