import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_CLIENTS,
  DEMO_COMPANY_NUMBERS,
  startSandbox,
  type Sandbox,
} from '../../../src/sandbox/index.ts';
import { runCliProcess } from '../../support/cli-process.ts';

let sandbox: Sandbox;
let caFile: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, https: true });
  caFile = join(mkdtempSync(join(tmpdir(), 'verify-ca-')), 'sandbox-ca.pem');
  writeFileSync(caFile, sandbox.caCertificatePem!);
});

afterAll(async () => {
  await sandbox.close();
});

function verifyArgs(...extra: string[]): string[] {
  return [
    'verify',
    '--url',
    sandbox.baseUrl,
    '--client-id',
    DEMO_CLIENTS.full.id,
    '--secret-stdin',
    '--company',
    DEMO_COMPANY_NUMBERS.withEmployees[0]!,
    '--lang',
    'en',
    ...extra,
  ];
}

describe('verify over HTTPS with an extra CA', () => {
  it('does not trust the sandbox certificate by default', async () => {
    const run = await runCliProcess(verifyArgs(), { stdin: DEMO_CLIENTS.full.secret });
    expect(run.stdout).toContain('tls-untrusted');
    expect(run.code).toBe(3);
  });

  it('trusts a CA given with --ca', async () => {
    const run = await runCliProcess(verifyArgs('--ca', caFile), {
      stdin: DEMO_CLIENTS.full.secret,
    });
    expect(run.stdout).toContain('Verdict: passed [pass]');
    expect(run.code).toBe(0);
  });

  it('trusts a CA named by NODE_EXTRA_CA_CERTS', async () => {
    const run = await runCliProcess(verifyArgs(), {
      stdin: DEMO_CLIENTS.full.secret,
      env: { NODE_EXTRA_CA_CERTS: caFile },
    });
    expect(run.stdout).toContain('Verdict: passed [pass]');
    expect(run.code).toBe(0);
  });

  it('rejects a --ca file without a certificate', async () => {
    const run = await runCliProcess(verifyArgs('--ca', join(tmpdir())), {
      stdin: DEMO_CLIENTS.full.secret,
    });
    expect(run.stderr).toContain('--ca');
    expect(run.code).toBe(2);
  });
});
