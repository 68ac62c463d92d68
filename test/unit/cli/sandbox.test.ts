import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { sandboxOptionsFromArgs } from '../../../src/cli/commands/sandbox.ts';
import { UsageError } from '../../../src/cli/io.ts';
import { startSandbox } from '../../../src/sandbox/index.ts';

const NODE = 'node_modules/.bin/node';
const MAIN = 'src/cli/main.ts';

/** Starts a script (by default the sandbox command) and resolves with the base URL of its ready line. */
function startCli(
  args: string[],
  script: string[] = [MAIN, 'sandbox'],
): Promise<{ child: ChildProcess; baseUrl: string; output: string[] }> {
  const child = spawn(NODE, [...script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      output.push(line);
      const match = /^Cobra sandbox ready at (\S+)$/.exec(line);
      if (match !== null) {
        resolve({ child, baseUrl: match[1]!, output });
      }
    });
    child.once('exit', (code) =>
      reject(new Error(`exited with ${code} before its ready line: ${stderr}`)),
    );
  });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('sandbox command', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'sandbox-cli-'));
  });
  afterAll(() => rm(directory, { recursive: true, force: true }));

  it('prints the ready line, serves, and stops on SIGTERM', async () => {
    const { child, baseUrl, output } = await startCli(['--port', '0']);
    const exited = exitOf(child);

    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${baseUrl}/Resources`)).status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output.at(-1)).toBe('Cobra sandbox stopped');
  });

  it('runs the demo sandbox alone and stops on SIGINT', async () => {
    const { child, baseUrl, output } = await startCli(
      ['--sandbox-only', '--port', '0'],
      ['scripts/demo.ts'],
    );
    const exited = exitOf(child);

    expect((await fetch(`${baseUrl}/Home/Authentication`)).status).toBe(200);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output.join('\n')).toContain('5a7d0c1e-0001-4c0b-9a5d-000000000001');
  });

  it('reads a config file and lets flags override it', async () => {
    const file = join(directory, 'config.json');
    await writeFile(file, JSON.stringify({ pathPrefix: '/v3', seed: 3, latencyMs: 5 }));
    const { options } = await sandboxOptionsFromArgs([
      '--config',
      file,
      '--latency',
      '9',
      '--https',
    ]);
    expect(options).toEqual({ pathPrefix: '/v3', seed: 3, latencyMs: 9, https: true });
  });

  it('names the bad field of a config file', async () => {
    const file = join(directory, 'bad.json');
    await writeFile(file, JSON.stringify({ unauthorisedStatus: 404 }));
    await expect(sandboxOptionsFromArgs(['--config', file])).rejects.toThrow(/unauthorisedStatus/);
  });

  it('names an unknown field of a config file', async () => {
    const file = join(directory, 'unknown.json');
    await writeFile(file, JSON.stringify({ latency: 5 }));
    await expect(sandboxOptionsFromArgs(['--config', file])).rejects.toThrow(/latency/);
  });

  it.each([
    [['--port', 'abc'], /--port/],
    [['--port', '70000'], /65535/],
    [['--host', '0.0.0.0'], /loopback/],
    [['--seed', '-1'], /seed|argument/],
    [['--ca-out', 'x.pem'], /--https/],
    [['--config', '/nonexistent/sandbox.json'], /cannot read/],
    [['--unknown'], /unknown/i],
  ])('rejects %j', async (args, message) => {
    const error = await sandboxOptionsFromArgs(args).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(message);
  });

  it('exits with 2 on a bad config file', async () => {
    const file = join(directory, 'broken.json');
    await writeFile(file, '{ not json');
    const child = spawn(NODE, [MAIN, 'sandbox', '--config', file], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await exitOf(child)).toBe(2);
    expect(stderr).toMatch(/not valid JSON/);
  });
});

describe('sandbox command on a busy port', () => {
  it('exits with 2 and names the port', async () => {
    const busy = await startSandbox();
    try {
      const child = spawn(NODE, [MAIN, 'sandbox', '--port', String(busy.port)], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));

      expect(await exitOf(child)).toBe(2);
      expect(stderr).toContain(`127.0.0.1 port ${busy.port} (EADDRINUSE)`);
    } finally {
      await busy.close();
    }
  });

  it('logs every request with --verbose', async () => {
    const { child, baseUrl } = await startCli(['--port', '0', '--verbose']);
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = exitOf(child);

    await (await fetch(`${baseUrl}/Resources`)).text();
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const lines = stderr
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toContainEqual(
      expect.objectContaining({
        message: 'Request',
        method: 'GET',
        path: '/Resources',
        status: 200,
      }),
    );
  });
});

describe('npm run sandbox', () => {
  it('closes the port when npm gets SIGTERM', async () => {
    // npm 11 exits on SIGTERM without waiting for its script, and the shell it
    // runs the script in dies without passing the signal on to node.
    // A group of its own, so the cleanup below can end a node left behind.
    const npm = spawn('npm', ['run', '-s', 'sandbox', '--', '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    onTestFinished(() => {
      try {
        process.kill(-npm.pid!, 'SIGKILL');
      } catch {
        // The group is gone: every process in it exited.
      }
    });
    // The pipe closes when every process holding it (npm, the shell, node) has exited.
    const closed = new Promise<void>((resolve) => npm.stdout.once('close', () => resolve()));
    const baseUrl = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no ready line within 20 s')), 20_000);
      createInterface({ input: npm.stdout }).on('line', (line) => {
        const match = /^Cobra sandbox ready at (\S+)$/.exec(line);
        if (match !== null) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
    });
    expect((await fetch(`${baseUrl}/Resources`)).status).toBe(200);

    npm.kill('SIGTERM');
    const outcome = await Promise.race([
      closed.then(() => 'closed'),
      new Promise<string>((resolve) => setTimeout(() => resolve('still open'), 10_000).unref()),
    ]);
    expect(outcome).toBe('closed');
    await expect(fetch(`${baseUrl}/Resources`)).rejects.toThrow();
  }, 40_000);
});
