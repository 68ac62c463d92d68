import type { Readable, Writable } from 'node:stream';

/** Exit codes shared by every subcommand. */
export const EXIT = {
  ok: 0,
  checksFailed: 1,
  badInput: 2,
  connectionFailed: 3,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Streams and environment of one CLI run; tests pass their own. */
export interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
  /** Aborted on SIGINT/SIGTERM, so long-running commands can stop cleanly. */
  signal: AbortSignal;
}

/** A subcommand: its name, one-line summary, usage text and entry point. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(args: string[], io: CliIo): Promise<ExitCode>;
}

/**
 * A subcommand as the command list stores it: its name and summary, and a
 * loader that imports its module only when the command is used.
 */
export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Command>;
}

/** A bad command line; reported with the usage text and exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function writeLine(stream: Writable, text = ''): void {
  stream.write(`${text}\n`);
}
