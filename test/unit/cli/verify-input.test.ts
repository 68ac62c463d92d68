import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { runCliProcess } from '../../support/cli-process.ts';

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address !== null ? address.port : 0;
}

describe('cobra-koppelhulp verify input', () => {
  it('rejects a secret given as an argument', async () => {
    const run = await runCliProcess([
      'verify',
      '--url',
      'http://127.0.0.1:9',
      '--client-id',
      'id',
      '--secret=hunter2',
      '--company',
      '1',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--secret-stdin');
    expect(run.stderr).not.toContain('hunter2');
  });

  it('lists every invalid input in the chosen language with exit code 2', async () => {
    const run = await runCliProcess(
      [
        'verify',
        '--url',
        'http://apitest.cobra.sdworx.com',
        '--client-id',
        'id',
        '--secret-stdin',
        '--company',
        '123,12a',
        '--lang',
        'en',
      ],
      { stdin: '   \n' },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('uses http');
    expect(run.stderr).toContain('Enter the client secret');
    expect(run.stderr).toContain('"12a" is not a company number');
  });

  it('requires exactly one secret source', async () => {
    const run = await runCliProcess([
      'verify',
      '--url',
      'http://127.0.0.1:9',
      '--client-id',
      'id',
      '--company',
      '1',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('exactly one of --secret-stdin and --secret-file');
  });

  it('exits 3 when nothing listens at the URL', async () => {
    const port = await closedPort();
    const run = await runCliProcess(
      [
        'verify',
        '--url',
        `http://127.0.0.1:${port}`,
        '--client-id',
        'id',
        '--secret-stdin',
        '--company',
        '1',
        '--json',
      ],
      { stdin: 'a-secret-value\n' },
    );
    expect(run.code).toBe(3);
    const report = JSON.parse(run.stdout) as { verdict: string; probes: { diagnosis: string }[] };
    expect(report.verdict).toBe('error');
    expect(report.probes[0]?.diagnosis).toBe('connection-refused');
    expect(run.stdout).not.toContain('a-secret-value');
  });
});
