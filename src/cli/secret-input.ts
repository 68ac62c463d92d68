import { readFileSync, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { UsageError } from './io.ts';

/**
 * Reads a passphrase or key from a file, or from standard input when the
 * path is "-". SECURITY: secrets never come from arguments, where other users
 * see them in the process list and shells keep them in their history.
 */
export async function readSecretInput(
  path: string,
  stdin: Readable,
  options: { option: string; maxBytes: number },
): Promise<string> {
  return path === '-' ? readStream(stdin, options) : readFile(path, options);
}

/** Removes the line break that ends a passphrase file; it is not part of the passphrase. */
export function stripFinalNewline(text: string): string {
  return text.replace(/\r?\n$/, '');
}

function readFile(path: string, options: { option: string; maxBytes: number }): string {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new UsageError(`${options.option}: cannot read ${path}: file not found.`);
  }
  if (size > options.maxBytes) {
    throw new UsageError(
      `${options.option}: ${path} is ${size} bytes, more than the ${options.maxBytes} expected.`,
    );
  }
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`${options.option}: cannot read ${path}: ${reason}`);
  }
}

async function readStream(
  stdin: Readable,
  options: { option: string; maxBytes: number },
): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stdin) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    total += buffer.length;
    if (total > options.maxBytes) {
      throw new UsageError(
        `${options.option}: standard input is more than ${options.maxBytes} bytes.`,
      );
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Rejects more than one option reading standard input, which can be read once. */
export function assertOneStdinReader(paths: (string | undefined)[]): void {
  if (paths.filter((path) => path === '-').length > 1) {
    throw new UsageError('Only one option can read standard input ("-").');
  }
}
