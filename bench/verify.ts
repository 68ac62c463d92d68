/**
 * Benchmark of the verification run as a user runs it: the `verify` command
 * of bin/cobra-koppelhulp.js, started through its shebang line with the Node
 * flags there, running the CLI bundle in out/cli (`npm run build` writes it).
 * It runs against the sandbox with 80 ms
 * added latency, 8 endpoints and 25 or 500 companies, at each concurrency
 * given. Prints the run's wall time, the theoretical limit, a serial baseline, the
 * requests made, the peak RSS of the CLI process and the CPU time per
 * request of the CLI and of the sandbox, then each target with its verdict.
 *
 *   npx node bench/verify.ts [--latency MS] [--concurrency 4,8] [--repeat N]
 *
 * The sandbox runs in a child process and the serial baseline in this one,
 * so neither counts towards the CLI's memory. Exits with an error if the
 * bundle is missing or older than a file in src/.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { delimiter, dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createNodeFetch } from '../src/core/net/node-fetch.ts';
import { findBuiltInProfile } from '../src/core/profiles/builtin.ts';
import type { VerificationReport } from '../src/shared/report.ts';

const PROFILE_ID = 'xpertsuite-loongegevens';
const COMPANY_COUNTS = [25, 500];
const ROOT = join(import.meta.dirname, '..');
const CLI_BIN = join(ROOT, 'bin', 'cobra-koppelhulp.js');
const CLI_BUNDLE = join(ROOT, 'out', 'cli', 'main.js');
const USAGE_PRELOAD = join(import.meta.dirname, 'process-usage.js');

/** The targets of the verification run. */
const TARGETS = {
  /** Wall time at most this multiple of the theoretical limit. */
  maxWallOverLimit: 1.2,
  /** At least this many times faster than one request after another. */
  minSpeedUp: 5,
  /** Peak RSS of the CLI process at the largest company count, in MB. */
  // NOTE: met by the bundled bin, 101 to 109 MB in three runs on Node 24.21
  // (2 vCPUs, load 3 to 4.5). It depends on the bundle and on the
  // --max-semi-space-size=1 of the bin's shebang: the sources peak near 160 MB.
  maxRssMb: 120,
};

const { values } = parseArgs({
  options: {
    latency: { type: 'string', default: '80' },
    concurrency: { type: 'string', default: '4,8' },
    repeat: { type: 'string', default: '1' },
    child: { type: 'string' },
  },
});

if (values.child !== undefined) {
  await runSandboxChild(JSON.parse(values.child) as Record<string, unknown>);
} else {
  await main(
    Number(values.latency),
    values.concurrency.split(',').map(Number),
    Number(values.repeat),
  );
}

interface Row {
  concurrency: number;
  companies: number;
  /** From the report's start to its end, inside the CLI process. */
  wallMs: number;
  /** From spawning the CLI to its exit: start-up, run and output. */
  processMs: number;
  limitMs: number;
  serialMs: number;
  requests: number;
  budget: number;
  maxRssMb: number;
  /** CPU time of the CLI process per request sent, start-up included. */
  clientCpuPerRequestMs: number;
  /** CPU time of the sandbox per request during the run. */
  serverCpuPerRequestMs: number;
  verdict: string;
}

async function main(latencyMs: number, concurrencies: number[], repeat: number): Promise<void> {
  const entry = describeEntry();
  const profile = findBuiltInProfile(PROFILE_ID)!;
  const endpoints = profile.endpoints.length;
  const sandbox = await startSandboxChild({
    port: 0,
    latencyMs,
    extraOrganizations: Math.max(...COMPANY_COUNTS),
  });
  const transport = createNodeFetch({ env: {} });
  const scratch = mkdtempSync(join(tmpdir(), 'koppelhulp-bench-'));
  const rows: Row[] = [];
  const loads: string[] = [`start ${formatLoad()}`];
  try {
    for (const count of COMPANY_COUNTS) {
      const companies = Array.from({ length: count }, (_, index) => String(50_001 + index));
      const serial = await serialBaseline(
        transport.fetch,
        sandbox.baseUrl,
        sandbox.client,
        profile,
        companies,
      );
      const probes = endpoints + companies.length;
      for (let run = 0; run < repeat; run += 1) {
        for (const concurrency of concurrencies) {
          const serverCpuBefore = await sandbox.cpuMs();
          const result = await runCliVerify(
            sandbox.baseUrl,
            sandbox.client,
            companies,
            concurrency,
            join(scratch, 'usage.json'),
          );
          const serverCpuMs = (await sandbox.cpuMs()) - serverCpuBefore;
          const requests = result.report.requestCount;
          rows.push({
            concurrency,
            companies: count,
            wallMs: result.wallMs,
            processMs: result.processMs,
            // The limit assumes each round trip costs what it cost one at a time.
            limitMs: serial.tokenMs + Math.ceil(probes / concurrency) * serial.dataMs,
            serialMs: serial.totalMs,
            requests,
            budget: 1 + endpoints + count,
            maxRssMb: result.maxRssKb / 1024,
            clientCpuPerRequestMs: result.cpuMs / requests,
            serverCpuPerRequestMs: serverCpuMs / requests,
            verdict: result.report.verdict,
          });
        }
      }
      loads.push(`after ${count} companies ${formatLoad()}`);
    }
  } finally {
    await transport.close();
    sandbox.process.kill();
    rmSync(scratch, { recursive: true, force: true });
  }

  console.log(entry);
  console.log(
    `Node ${process.versions.node}, latency ${latencyMs} ms, ${endpoints} endpoints, ` +
      `load average (1 min) ${loads.join(', ')}`,
  );
  printRows(rows);
  printTargets(rows, concurrencies);
}

/**
 * Checks that the bin will run a current bundle and returns a line naming
 * the entry and its Node flags. Exits with code 2 and the fix otherwise,
 * because the bin would fall back to the sources or run stale code.
 */
function describeEntry(): string {
  if (!existsSync(CLI_BUNDLE)) {
    console.error(
      `The CLI bundle ${relative(ROOT, CLI_BUNDLE)} is missing. Run "npm run build" first.`,
    );
    process.exit(2);
  }
  const built = statSync(CLI_BUNDLE).mtimeMs;
  const newer = newestFile(join(ROOT, 'src'));
  if (newer.mtimeMs > built) {
    console.error(
      `The CLI bundle is older than ${relative(ROOT, newer.path)}. Run "npm run build" again.`,
    );
    process.exit(2);
  }
  const shebang = readFileSync(CLI_BIN, 'utf8').split('\n')[0]!;
  return `Entry: ${relative(ROOT, CLI_BIN)} (${shebang}) running ${relative(ROOT, CLI_BUNDLE)}`;
}

function newestFile(directory: string): { path: string; mtimeMs: number } {
  let newest = { path: directory, mtimeMs: 0 };
  for (const dirent of readdirSync(directory, { withFileTypes: true, recursive: true })) {
    if (dirent.isFile()) {
      const path = join(dirent.parentPath, dirent.name);
      const { mtimeMs } = statSync(path);
      if (mtimeMs > newest.mtimeMs) {
        newest = { path, mtimeMs };
      }
    }
  }
  return newest;
}

function formatLoad(): string {
  return loadavg()[0]!.toFixed(1);
}

function printRows(rows: readonly Row[]): void {
  const table = [
    [
      'concurrency',
      'companies',
      'wall ms',
      'limit ms',
      'wall/limit',
      'serial ms',
      'speed-up',
      'requests (budget)',
      'peak RSS MB',
      'process ms',
      'CPU ms/request CLI / sandbox',
      'verdict',
    ],
    ...rows.map((row) => [
      String(row.concurrency),
      String(row.companies),
      row.wallMs.toFixed(0),
      row.limitMs.toFixed(0),
      (row.wallMs / row.limitMs).toFixed(2),
      row.serialMs.toFixed(0),
      `${(row.serialMs / row.wallMs).toFixed(1)}x`,
      `${row.requests} (${row.budget})`,
      row.maxRssMb.toFixed(0),
      row.processMs.toFixed(0),
      `${row.clientCpuPerRequestMs.toFixed(2)} / ${row.serverCpuPerRequestMs.toFixed(2)}`,
      row.verdict,
    ]),
  ];
  printTable(table);
}

/**
 * Prints one line per target and row with its verdict. A run at concurrency
 * K can be at most about K times faster than the serial baseline, so the
 * speed-up target is judged only at a K above it. Lower K get "n/a".
 */
function printTargets(rows: readonly Row[], concurrencies: readonly number[]): void {
  const largest = Math.max(...COMPANY_COUNTS);
  const verdict = (met: boolean): string => (met ? 'met' : 'MISSED');
  const table = [['target', 'concurrency', 'companies', 'measured', 'verdict']];
  for (const row of rows) {
    const where = [String(row.concurrency), String(row.companies)];
    const ratio = row.wallMs / row.limitMs;
    table.push([
      `wall <= ${TARGETS.maxWallOverLimit}x limit`,
      ...where,
      ratio.toFixed(2),
      verdict(ratio <= TARGETS.maxWallOverLimit),
    ]);
    const speedUp = row.serialMs / row.wallMs;
    table.push([
      `speed-up >= ${TARGETS.minSpeedUp}x`,
      ...where,
      `${speedUp.toFixed(1)}x`,
      row.concurrency > TARGETS.minSpeedUp
        ? verdict(speedUp >= TARGETS.minSpeedUp)
        : `n/a (at most ${row.concurrency}x)`,
    ]);
    table.push([
      'requests <= 1 + E + C',
      ...where,
      `${row.requests} of ${row.budget}`,
      verdict(row.requests <= row.budget),
    ]);
    if (row.companies === largest) {
      table.push([
        `peak RSS <= ${TARGETS.maxRssMb} MB`,
        ...where,
        `${row.maxRssMb.toFixed(0)} MB`,
        verdict(row.maxRssMb <= TARGETS.maxRssMb),
      ]);
    }
  }
  console.log('');
  printTable(table);
  if (!concurrencies.some((concurrency) => concurrency > TARGETS.minSpeedUp)) {
    console.log(
      `No concurrency above ${TARGETS.minSpeedUp} was run, so the speed-up target was not judged.`,
    );
  }
}

function printTable(table: readonly string[][]): void {
  const widths = table[0]!.map((_, column) =>
    Math.max(...table.map((cells) => cells[column]!.length)),
  );
  for (const cells of table) {
    console.log(cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | '));
  }
}

/**
 * Runs `cobra-koppelhulp verify --json` in a process of its own, as a user
 * runs it: the bin itself, so that its shebang line picks the Node flags,
 * with this process's Node first on PATH and the secret on standard input.
 * The usage preload comes in through NODE_OPTIONS. Returns the report, the wall
 * time of the run and of the process, and the process's peak RSS.
 */
async function runCliVerify(
  baseUrl: string,
  client: { id: string; secret: string },
  companies: readonly string[],
  concurrency: number,
  usageFile: string,
): Promise<{
  report: VerificationReport;
  wallMs: number;
  processMs: number;
  maxRssKb: number;
  cpuMs: number;
}> {
  const args = [
    'verify',
    '--url',
    baseUrl,
    '--client-id',
    client.id,
    '--secret-stdin',
    '--company',
    companies.join(','),
    '--concurrency',
    String(concurrency),
    '--lang',
    'en',
    '--json',
  ];
  const started = performance.now();
  const child = spawn(CLI_BIN, args, {
    env: {
      PATH: [dirname(process.execPath), process.env['PATH']].join(delimiter),
      NODE_OPTIONS: `--import=${pathToFileURL(USAGE_PRELOAD).href}`,
      BENCH_USAGE_FILE: usageFile,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  child.stdin.end(client.secret);
  const [code] = (await once(child, 'close')) as [number | null];
  const processMs = performance.now() - started;
  if (code !== 0) {
    throw new Error(
      `verify exited with code ${code}: ${Buffer.concat(stderr).toString().slice(0, 2000)}`,
    );
  }
  const report = JSON.parse(Buffer.concat(stdout).toString()) as VerificationReport;
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { maxRssKb: number; cpuMs: number };
  return {
    report,
    wallMs: Date.parse(report.finishedAt) - Date.parse(report.startedAt),
    processMs,
    ...usage,
  };
}

/**
 * Sends the same requests one after another, as API test tools run a collection:
 * the token, then each endpoint and each company lookup. Returns the total
 * and the median round trip of the token and of a data call.
 */
async function serialBaseline(
  fetchApi: typeof fetch,
  baseUrl: string,
  client: { id: string; secret: string },
  profile: { endpoints: { resource: string }[] },
  companies: string[],
): Promise<{ totalMs: number; tokenMs: number; dataMs: number }> {
  const started = performance.now();
  const tokenStarted = performance.now();
  const tokenResponse = await fetchApi(`${baseUrl}/OAuth/Token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${client.id}:${client.secret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials&scope=customer',
  });
  const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
  const tokenMs = performance.now() - tokenStarted;

  const urls = [
    ...profile.endpoints.map((endpoint) => `${baseUrl}/odata/${endpoint.resource}?$top=1`),
    ...companies.map(
      (company) =>
        `${baseUrl}/odata/Organization?$filter=${encodeURIComponent(`OrganizationNumber eq '${company}'`)}`,
    ),
  ];
  const durations: number[] = [];
  for (const url of urls) {
    const requestStarted = performance.now();
    const response = await fetchApi(url, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
    });
    await response.arrayBuffer();
    durations.push(performance.now() - requestStarted);
  }
  durations.sort((a, b) => a - b);
  return {
    totalMs: performance.now() - started,
    tokenMs,
    dataMs: durations[Math.floor(durations.length / 2)]!,
  };
}

/**
 * Starts the sandbox in a child process. Returns its URL, the fully
 * authorised demo client and a function that requests the child's CPU time.
 */
async function startSandboxChild(options: Record<string, unknown>): Promise<{
  baseUrl: string;
  client: { id: string; secret: string };
  process: ChildProcess;
  cpuMs(): Promise<number>;
}> {
  const child = fork(import.meta.filename, ['--child', JSON.stringify(options)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [message] = (await once(child, 'message')) as [
    { baseUrl: string; client: { id: string; secret: string } },
  ];
  const cpuMs = async (): Promise<number> => {
    child.send('cpu');
    const [reply] = (await once(child, 'message')) as [{ cpuMs: number }];
    return reply.cpuMs;
  };
  return { ...message, process: child, cpuMs };
}

async function runSandboxChild(options: Record<string, unknown>): Promise<void> {
  const { DEMO_CLIENTS, startSandbox } = await import('../src/sandbox/index.ts');
  const sandbox = await startSandbox(options);
  const { id, secret } = DEMO_CLIENTS.full;
  process.send?.({ baseUrl: sandbox.baseUrl, client: { id, secret } });
  process.on('message', () => {
    const usage = process.cpuUsage();
    process.send?.({ cpuMs: (usage.user + usage.system) / 1000 });
  });
  process.on('disconnect', () => {
    void sandbox.close().then(() => process.exit(0));
  });
}
