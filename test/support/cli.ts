import { PassThrough } from 'node:stream';
import type { CliIo } from '../../src/cli/io.ts';

/** CLI streams that record what a command writes; stdin carries `input`. */
export function recordingIo(input = ''): CliIo & { out(): string; err(): string } {
  const stdin = new PassThrough();
  stdin.end(input);
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return {
    stdin,
    stdout,
    stderr,
    env: {},
    signal: new AbortController().signal,
    out: () => out,
    err: () => err,
  };
}
