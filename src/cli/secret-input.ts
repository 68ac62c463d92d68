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
  const size = regularFileSize(path, options.option);
  if (size > options.maxBytes) {
    throw new UsageError(
      `${options.option}: ${path} is ${size} bytes, more than the ${options.maxBytes} expected.`,
    );
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`${options.option}: cannot read ${path}: ${reason}`);
  }
  if (stripFinalNewline(text) === '') {
    throw new UsageError(`${options.option}: ${path} is empty.`);
  }
  return text;
}

/**
 * Returns the size of a regular file. A missing path, a directory or a device
 * raises a UsageError whose message starts with `label` (an option or "FILE").
 */
export function regularFileSize(path: string, label: string): number {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    throw new UsageError(`${label}: cannot read ${path}: file not found.`);
  }
  if (!stats.isFile()) {
    const kind = stats.isDirectory() ? 'a directory' : 'not a regular file';
    throw new UsageError(`${label}: ${path} is ${kind}; give the path of a file.`);
  }
  return stats.size;
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
  const text = Buffer.concat(chunks).toString('utf8');
  if (stripFinalNewline(text) === '') {
    throw new UsageError(`${options.option}: standard input is empty.`);
  }
  return text;
}

/** Rejects more than one option reading standard input, which can be read once. */
export function assertOneStdinReader(paths: (string | undefined)[]): void {
  if (paths.filter((path) => path === '-').length > 1) {
    throw new UsageError('Only one option can read standard input ("-").');
  }
}
