import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `cobra-koppelhulp` as a child process on the project's Node 24, with
 * `stdin` written to its standard input, and collects its output. `entry`
 * and `nodeFlags` choose another entry point, such as the CLI bundle, and
 * the Node flags it runs with.
 */
export function runCliProcess(
  args: readonly string[],
  options: {
    stdin?: string;
    env?: NodeJS.ProcessEnv;
    entry?: string;
    nodeFlags?: readonly string[];
    cwd?: string;
  } = {},
): Promise<CliRun> {
  const { entry = 'src/cli/main.ts', nodeFlags = [], cwd = root } = options;
  return new Promise((resolve, reject) => {
    const child = spawn(
      join(root, 'node_modules', '.bin', 'node'),
      [...nodeFlags, entry, ...args],
      {
        cwd,
        env: { PATH: process.env['PATH'], ...options.env },
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}
