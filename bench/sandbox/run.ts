/**
 * Measures the sandbox's own cost per request, so client benchmarks that run
 * against it can tell their time from the server's. Sequential requests over
 * one keep-alive connection pool, from the same process, on loopback.
 *
 *   npx node bench/sandbox/run.ts [--requests 500] [--employees 2000]
 */
import { parseArgs } from 'node:util';
import { DEMO_CLIENTS, startSandbox, type Sandbox } from '../../src/sandbox/index.ts';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '500' },
    employees: { type: 'string', default: '2000' },
  },
});
const requests = Number(values.requests);
const employees = Number(values.employees);

function basic(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
}

async function token(sandbox: Sandbox): Promise<string> {
  const response = await fetch(`${sandbox.baseUrl}/OAuth/Token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: basic(DEMO_CLIENTS.full.id, DEMO_CLIENTS.full.secret),
    },
    body: 'grant_type=client_credentials&scope=customer',
  });
  const body = (await response.json()) as { access_token: string };
  return body.access_token;
}

/** Runs `count` sequential calls and returns the median and 95th percentile in ms. */
async function measure(
  count: number,
  call: () => Promise<void>,
): Promise<{ median: number; p95: number }> {
  const times: number[] = [];
  for (let n = 0; n < count; n += 1) {
    const started = performance.now();
    await call();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return {
    median: times[Math.floor(count / 2)]!,
    p95: times[Math.floor(count * 0.95)]!,
  };
}

const sandbox = await startSandbox({ employeeCount: employees });
try {
  const bearer = await token(sandbox);
  const get = (path: string) => async (): Promise<void> => {
    const response = await fetch(`${sandbox.baseUrl}${path}`, {
      headers: { authorization: `Bearer ${bearer}` },
    });
    await response.arrayBuffer();
  };
  const filter = encodeURIComponent("OrganizationNumber eq '40100'");
  const cases: [string, number, () => Promise<void>][] = [
    ['token request', requests, async () => void (await token(sandbox))],
    ['Organization $filter by number', requests, get(`/odata/Organization?$filter=${filter}`)],
    ['Person $top=1', requests, get('/odata/Person?$top=1')],
    [
      `Person, all ${employees} rows`,
      Math.max(20, Math.floor(requests / 10)),
      get('/odata/Person'),
    ],
    [
      `CalculatedSalaryComponent, all ${employees * 12} rows`,
      Math.max(10, Math.floor(requests / 50)),
      get('/odata/CalculatedSalaryComponent'),
    ],
  ];
  console.log(`| Request | Calls | Median | 95th percentile |`);
  console.log(`| --- | --- | --- | --- |`);
  for (const [name, count, call] of cases) {
    await measure(Math.min(20, count), call);
    const { median, p95 } = await measure(count, call);
    console.log(`| ${name} | ${count} | ${median.toFixed(2)} ms | ${p95.toFixed(2)} ms |`);
  }
} finally {
  await sandbox.close();
}
