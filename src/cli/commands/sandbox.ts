import { readFile, writeFile } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { createLogger, streamSink } from '../../core/log/logger.ts';
import {
  DEMO_CLIENTS,
  DEMO_COMPANY_NUMBERS,
  parseSandboxConfig,
  startSandbox,
  type SandboxOptions,
} from '../../sandbox/index.ts';
import { EXIT, UsageError, writeLine, type CliIo, type Command } from '../io.ts';
import { SUMMARIES } from '../summaries.ts';
import { parentExitSignal } from '../parent.ts';

const USAGE = `Usage: cobra-koppelhulp sandbox [options]

Starts a local Cobra API environment on loopback with synthetic data and demo
clients, and runs until interrupted (Ctrl+C, SIGINT or SIGTERM). The first
line printed is "Cobra sandbox ready at <base URL>".

Options:
  --port N        TCP port to listen on; 0 picks a free port (default 0)
  --host H        127.0.0.1 (default) or ::1
  --latency MS    Delay added to every response, in milliseconds (default 0)
  --seed N        Seed of the synthetic data (default 1)
  --config FILE   JSON file with sandbox options (switches, faults, clients)
  --https         Serve HTTPS with a self-signed certificate made at start
  --ca-out FILE   With --https, write the certificate (PEM) to FILE
  --verbose       Log every request (method, path, status) to stderr
  -h, --help      Show this help

Command-line options override the same options in the config file. The demo
clients and their secrets are listed in the README under "Sandbox".`;

function parseInteger(name: string, text: string | undefined): number | undefined {
  if (text === undefined) {
    return undefined;
  }
  if (!/^\d+$/.test(text)) {
    throw new UsageError(`--${name} must be a non-negative integer, not "${text}".`);
  }
  return Number(text);
}

async function readConfig(file: string): Promise<SandboxOptions> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the config file ${file}: ${(error as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`the config file ${file} is not valid JSON: ${(error as Error).message}`);
  }
  try {
    return parseSandboxConfig(value);
  } catch (error) {
    throw new UsageError(`the config file ${file} is invalid: ${(error as Error).message}`);
  }
}

interface ParsedArgs {
  options: SandboxOptions;
  /** File to write the HTTPS certificate to. */
  caOut?: string;
  verbose: boolean;
}

/** Builds the sandbox options from the command line and the optional config file. */
export async function sandboxOptionsFromArgs(args: string[]): Promise<ParsedArgs> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        latency: { type: 'string' },
        seed: { type: 'string' },
        config: { type: 'string' },
        https: { type: 'boolean' },
        'ca-out': { type: 'string' },
        verbose: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values } = parsed;
  const options: SandboxOptions =
    values.config === undefined ? {} : await readConfig(values.config);

  const port = parseInteger('port', values.port);
  if (port !== undefined) {
    if (port > 65_535) {
      throw new UsageError(`--port must be at most 65535, not ${port}.`);
    }
    options.port = port;
  }
  if (values.host !== undefined) {
    if (values.host !== '127.0.0.1' && values.host !== '::1') {
      throw new UsageError(
        `--host must be 127.0.0.1 or ::1 (loopback only), not "${values.host}".`,
      );
    }
    options.host = values.host;
  }
  const latency = parseInteger('latency', values.latency);
  if (latency !== undefined) {
    options.latencyMs = latency;
  }
  const seed = parseInteger('seed', values.seed);
  if (seed !== undefined) {
    options.seed = seed;
  }
  if (values.https === true) {
    options.https = true;
  }
  if (values['ca-out'] !== undefined && options.https !== true) {
    throw new UsageError('--ca-out needs --https.');
  }
  const result: ParsedArgs = { options, verbose: values.verbose === true };
  if (values['ca-out'] !== undefined) {
    result.caOut = values['ca-out'];
  }
  return result;
}

/** Writes the demo clients and company numbers, so a demo needs no README at hand. */
export function writeDemoSummary(stream: Writable): void {
  writeLine(stream, 'Demo clients (sandbox-only values):');
  for (const [name, client] of Object.entries(DEMO_CLIENTS)) {
    writeLine(stream, `  ${name.padEnd(14)} ${client.id}  secret: ${client.secret}`);
  }
  const withEmployees = DEMO_COMPANY_NUMBERS.withEmployees.join(', ');
  const withoutEmployees = DEMO_COMPANY_NUMBERS.withoutEmployees.join(', ');
  writeLine(stream, `Companies: ${withEmployees}; without employees: ${withoutEmployees}`);
}

export const sandboxCommand: Command = {
  name: 'sandbox',
  summary: SUMMARIES.sandbox,
  usage: USAGE,
  async run(args: string[], io: CliIo) {
    const { options, caOut, verbose } = await sandboxOptionsFromArgs(args);
    const logger = createLogger('sandbox', streamSink(io.stderr, verbose ? 'debug' : 'warn'));
    let sandbox;
    try {
      sandbox = await startSandbox({ ...options, logger });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EADDRINUSE' && code !== 'EACCES' && code !== 'EADDRNOTAVAIL') {
        throw error;
      }
      const address = `${options.host ?? '127.0.0.1'} port ${options.port ?? 0}`;
      writeLine(io.stderr, `cobra-koppelhulp sandbox: cannot listen on ${address} (${code}).`);
      writeLine(io.stderr, 'Choose another port with --port, or --port 0 for any free one.');
      return EXIT.badInput;
    }

    writeLine(io.stdout, `Cobra sandbox ready at ${sandbox.baseUrl}`);
    if (caOut !== undefined && sandbox.caCertificatePem !== undefined) {
      await writeFile(caOut, sandbox.caCertificatePem);
      writeLine(io.stdout, `Certificate written to ${caOut}`);
    }
    if (options.clients === undefined) {
      writeDemoSummary(io.stdout);
    }
    writeLine(
      io.stdout,
      `Admin: ${new URL(sandbox.baseUrl).origin}/__sandbox/stats. Stop with Ctrl+C.`,
    );

    const parentExit = parentExitSignal();
    const stop = AbortSignal.any([io.signal, parentExit.signal]);
    if (!stop.aborted) {
      await new Promise<void>((resolve) =>
        stop.addEventListener('abort', () => resolve(), { once: true }),
      );
    }
    parentExit.stop();
    await sandbox.close();
    writeLine(io.stdout, 'Cobra sandbox stopped');
    return EXIT.ok;
  },
};
