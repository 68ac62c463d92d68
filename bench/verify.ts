/**
 * Benchmark of the verification run: one run on the sandbox with 80 ms added
 * latency, 8 endpoints and 25 or 500 companies. Prints the wall time, the
 * theoretical limit, a serial baseline, the requests made and the peak RSS of
 * this process, which runs only the client: the sandbox runs in a child
 * process so its memory does not count.
 *
 *   npx node bench/verify.ts [--latency MS] [--concurrency K]
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { runVerification } from '../src/core/cobra/run.ts';
import { createNodeFetch } from '../src/core/net/node-fetch.ts';
import { findBuiltInProfile } from '../src/core/profiles/builtin.ts';
import { normaliseEnvironmentUrl } from '../src/shared/inputs.ts';

const MB = 1024 * 1024;

const { values } = parseArgs({
  options: {
    latency: { type: 'string', default: '80' },
    concurrency: { type: 'string', default: '4' },
    child: { type: 'string' },
  },
});

if (values.child !== undefined) {
  await runSandboxChild(JSON.parse(values.child) as Record<string, unknown>);
} else {
  await main(Number(values.latency), Number(values.concurrency));
}

interface Figures {
  companies: number;
  probes: number;
  wallMs: number;
  limitMs: number;
  serialMs: number;
  requests: number;
  verdict: string;
  /** Resident set size before the run: Node, type stripping and the loaded modules. */
  rssBeforeMb: number;
  /** Highest resident set size sampled every 5 ms during the run. */
  rssPeakMb: number;
  /** Highest resident set size of the whole process so far, as the kernel counts it. */
  maxRssMb: number;
}

async function main(latencyMs: number, concurrency: number): Promise<void> {
  const profile = findBuiltInProfile('xpertsuite-loongegevens')!;
  const sandbox = await startSandboxChild({ port: 0, latencyMs, extraOrganizations: 500 });
  const client = sandbox.client;
  const transport = createNodeFetch({ env: {} });
  const rows: Figures[] = [];
  try {
    const environment = normaliseEnvironmentUrl(sandbox.baseUrl);
    if (!environment.ok) {
      throw new Error(`invalid sandbox URL ${sandbox.baseUrl}`);
    }
    for (const count of [25, 500]) {
      const companies = Array.from({ length: count }, (_, index) => String(50_001 + index));

      const serial = await serialBaseline(
        transport.fetch,
        sandbox.baseUrl,
        client,
        profile,
        companies,
      );

      const rssBefore = process.memoryUsage.rss();
      let rssPeak = rssBefore;
      const sampler = setInterval(() => {
        rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
      }, 5);
      const started = performance.now();
      const report = await runVerification(
        {
          environment: environment.value,
          credentials: { clientId: client.id, clientSecret: client.secret },
          companyNumbers: companies,
          profile,
          deep: false,
        },
        { fetch: transport.fetch, concurrency, language: 'en' },
      );
      const wallMs = performance.now() - started;
      clearInterval(sampler);
      rssPeak = Math.max(rssPeak, process.memoryUsage.rss());

      const probes = profile.endpoints.length + companies.length;
      rows.push({
        companies: count,
        probes,
        wallMs,
        // The limit assumes each round trip costs what it cost one at a time.
        limitMs: serial.tokenMs + Math.ceil(probes / concurrency) * serial.dataMs,
        serialMs: serial.totalMs,
        requests: report.requestCount,
        verdict: report.verdict,
        rssBeforeMb: rssBefore / MB,
        rssPeakMb: rssPeak / MB,
        maxRssMb: process.resourceUsage().maxRSS / 1024,
      });
    }
  } finally {
    await transport.close();
    sandbox.process.kill();
  }

  const endpoints = profile.endpoints.length;
  console.log(`latency ${latencyMs} ms, concurrency ${concurrency}, ${endpoints} endpoints`);
  console.log(
    'companies | wall ms | limit ms | wall/limit | serial ms | speed-up | requests (max) | RSS before / peak in run / process max MB | verdict',
  );
  for (const row of rows) {
    console.log(
      [
        row.companies,
        row.wallMs.toFixed(0),
        row.limitMs.toFixed(0),
        (row.wallMs / row.limitMs).toFixed(2),
        row.serialMs.toFixed(0),
        `${(row.serialMs / row.wallMs).toFixed(1)}x`,
        `${row.requests} (${1 + endpoints + row.companies})`,
        `${row.rssBeforeMb.toFixed(0)} / ${row.rssPeakMb.toFixed(0)} / ${row.maxRssMb.toFixed(0)}`,
        row.verdict,
      ].join(' | '),
    );
  }
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

/** Starts the sandbox in a child process; returns its URL and the fully authorised demo client. */
async function startSandboxChild(options: Record<string, unknown>): Promise<{
  baseUrl: string;
  client: { id: string; secret: string };
  process: ChildProcess;
}> {
  const child = fork(import.meta.filename, ['--child', JSON.stringify(options)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [message] = (await once(child, 'message')) as [
    { baseUrl: string; client: { id: string; secret: string } },
  ];
  return { ...message, process: child };
}

async function runSandboxChild(options: Record<string, unknown>): Promise<void> {
  const { DEMO_CLIENTS, startSandbox } = await import('../src/sandbox/index.ts');
  const sandbox = await startSandbox(options);
  const { id, secret } = DEMO_CLIENTS.full;
  process.send?.({ baseUrl: sandbox.baseUrl, client: { id, secret } });
  process.on('disconnect', () => {
    void sandbox.close().then(() => process.exit(0));
  });
}
