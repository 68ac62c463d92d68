import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CLIENTS, startSandbox, type Sandbox } from '../../../src/sandbox/index.ts';
import type { FaultRule } from '../../../src/sandbox/index.ts';
import {
  COMPANIES_WITH_EMPLOYEES,
  XPERTSUITE,
  probeOf,
  verifyAgainst,
} from '../../support/verify.ts';

const HAPPY_PATH_REQUESTS = 1 + XPERTSUITE.endpoints.length + COMPANIES_WITH_EMPLOYEES.length;
/** Short waits between retries, so retried faults cost milliseconds. */
const FAST_RETRY = { baseDelayMs: 5 };

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});

afterAll(async () => {
  await sandbox.close();
});

beforeEach(() => {
  sandbox.setFaults([]);
  sandbox.setOptions({ pageSize: undefined, latencyMs: 0 });
  sandbox.resetCounters();
});

async function runWith(faults: FaultRule[], timeoutMs = 5_000) {
  sandbox.setFaults(faults);
  return verifyAgainst(sandbox, DEMO_CLIENTS.full, {
    options: { retry: FAST_RETRY, timeoutMs },
  });
}

describe('fault switches on a data endpoint', () => {
  it('passes with added latency', async () => {
    const { report } = await runWith([{ kind: 'latency', ms: 20, target: 'Person' }]);
    expect(report.verdict).toBe('pass');
    expect(probeOf(report, 'endpoint', 'Person').durationMs).toBeGreaterThanOrEqual(20);
  });

  it('does not retry a 500 and reports a server error', async () => {
    const { report } = await runWith([{ kind: 'status', status: 500, target: 'Person' }]);
    const probe = probeOf(report, 'endpoint', 'Person');
    expect(probe).toMatchObject({ diagnosis: 'server-error', httpStatus: 500 });
    expect(report.requestCount).toBe(HAPPY_PATH_REQUESTS);
  });

  it.each([502, 503] as const)('retries one %i and then passes', async (status) => {
    const { report } = await runWith([{ kind: 'status', status, target: 'Person', times: 1 }]);
    expect(probeOf(report, 'endpoint', 'Person').diagnosis).toBe('ok');
    expect(report.requestCount).toBe(HAPPY_PATH_REQUESTS + 1);
  });

  it('gives up on a lasting 503 after three attempts', async () => {
    const { report } = await runWith([{ kind: 'status', status: 503, target: 'Person' }]);
    expect(probeOf(report, 'endpoint', 'Person')).toMatchObject({
      diagnosis: 'server-error',
      httpStatus: 503,
    });
    expect(sandbox.requestCount({ path: '/odata/Person' })).toBe(3);
  });

  it('waits for Retry-After on a 429 and then passes', async () => {
    const { report } = await runWith([
      { kind: 'rate-limit', retryAfterSeconds: 1, target: 'Person', times: 1 },
    ]);
    const probe = probeOf(report, 'endpoint', 'Person');
    expect(probe.diagnosis).toBe('ok');
    expect(probe.durationMs).toBeGreaterThanOrEqual(950);
    expect(report.requestCount).toBe(HAPPY_PATH_REQUESTS + 1);
  });

  it('reports rate limiting at once when Retry-After is too long to wait', async () => {
    const { report } = await runWith([
      { kind: 'rate-limit', retryAfterSeconds: 3600, target: 'Person' },
    ]);
    const probe = probeOf(report, 'endpoint', 'Person');
    expect(probe).toMatchObject({ diagnosis: 'rate-limited', params: { retryAfter: '3600' } });
    expect(sandbox.requestCount({ path: '/odata/Person' })).toBe(1);
  });

  it('recognises a proxy page with status 200', async () => {
    const { report } = await runWith([{ kind: 'html', status: 200, target: 'Person' }]);
    const probe = probeOf(report, 'endpoint', 'Person');
    expect(probe.diagnosis).toBe('unexpected-response');
    expect(probe.params).toMatchObject({ context: 'html', status: 200 });
    expect(String(probe.params['contentType'])).toContain('text/html');
    expect(probe.message).toContain('web page');
  });

  it('reports a gateway error page as a server error', async () => {
    const { report } = await runWith([{ kind: 'html', status: 502, target: 'Person' }]);
    const probe = probeOf(report, 'endpoint', 'Person');
    expect(probe).toMatchObject({ diagnosis: 'server-error', httpStatus: 502 });
    expect(probe.detail).toContain('text/html');
  });

  it('reports a reset connection', async () => {
    const { report } = await runWith([{ kind: 'reset', target: 'Person' }]);
    expect(probeOf(report, 'endpoint', 'Person').diagnosis).toBe('connection-reset');
    expect(report.verdict).toBe('fail');
  });

  it('times out a body that arrives too slowly, after retries', async () => {
    const { report } = await runWith(
      [{ kind: 'slow-body', chunkDelayMs: 400, target: 'Person' }],
      300,
    );
    expect(probeOf(report, 'endpoint', 'Person').diagnosis).toBe('connection-timeout');
    expect(sandbox.requestCount({ path: '/odata/Person' })).toBe(3);
  });

  it('passes a slow body that arrives within the timeout', async () => {
    const { report } = await runWith([{ kind: 'slow-body', chunkDelayMs: 5, target: 'Person' }]);
    expect(probeOf(report, 'endpoint', 'Person').diagnosis).toBe('ok');
  });

  it('reports a body cut off mid-way as a reset connection', async () => {
    const { report } = await runWith([{ kind: 'truncated-body', target: 'Person' }]);
    expect(probeOf(report, 'endpoint', 'Person').diagnosis).toBe('connection-reset');
  });

  it('reports invalid JSON with the start of the body', async () => {
    const { report } = await runWith([{ kind: 'invalid-json', target: 'Person' }]);
    const probe = probeOf(report, 'endpoint', 'Person');
    expect(probe.params['context']).toBe('invalid-json');
    expect(probe.detail).toMatch(/^HTTP 200, application\/json/);
  });
});

describe('fault switches on the token endpoint', () => {
  it('calls an HTML page at the token URL not a Cobra API', async () => {
    const { report } = await runWith([{ kind: 'html', status: 200, target: 'token' }]);
    expect(probeOf(report, 'token')).toMatchObject({
      diagnosis: 'not-cobra-api',
      params: { context: 'html' },
    });
    expect(report.verdict).toBe('error');
  });

  it('calls a missing token endpoint not a Cobra API', async () => {
    const { report } = await runWith([{ kind: 'token-missing' }]);
    expect(probeOf(report, 'token')).toMatchObject({ diagnosis: 'not-cobra-api', httpStatus: 404 });
    expect(report.verdict).toBe('error');
  });

  it('reports a token endpoint that keeps failing as a server error', async () => {
    const { report } = await runWith([{ kind: 'status', status: 500, target: 'token' }]);
    expect(probeOf(report, 'token').diagnosis).toBe('server-error');
    expect(report.requestCount).toBe(1);
  });

  it('retries a token request that met a 503 once', async () => {
    const { report } = await runWith([{ kind: 'status', status: 503, target: 'token', times: 1 }]);
    expect(report.verdict).toBe('pass');
    expect(report.requestCount).toBe(HAPPY_PATH_REQUESTS + 1);
  });
});

describe('paging and concurrency', () => {
  it('reads one page and never follows nextLink', async () => {
    sandbox.setOptions({ pageSize: 1 });
    const { report, urls } = await verifyAgainst(sandbox, DEMO_CLIENTS.full);
    expect(report.verdict).toBe('pass');
    expect(report.requestCount).toBe(HAPPY_PATH_REQUESTS);
    expect(urls.some((url) => url.includes('$skip'))).toBe(false);
  });

  it('keeps no more requests in flight than the concurrency', async () => {
    sandbox.setOptions({ latencyMs: 20 });
    let inFlight = 0;
    let peak = 0;
    const counted = await verifyAgainst(sandbox, DEMO_CLIENTS.full, {
      options: { concurrency: 2 },
      wrapFetch: (inner) => async (input, init) => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        try {
          const response = await inner(input, init);
          await response.clone().arrayBuffer();
          return response;
        } finally {
          inFlight -= 1;
        }
      },
    });
    expect(counted.report.verdict).toBe('pass');
    expect(peak).toBe(2);
  });

  it('stops on cancel and marks the remaining probes cancelled', async () => {
    sandbox.setOptions({ latencyMs: 30 });
    const controller = new AbortController();
    const { report } = await verifyAgainst(sandbox, DEMO_CLIENTS.full, {
      options: {
        signal: controller.signal,
        concurrency: 1,
        onProgress: ({ probe }) => {
          if (probe.kind === 'endpoint') {
            controller.abort();
          }
        },
      },
    });
    expect(report.verdict).toBe('cancelled');
    expect(probeOf(report, 'endpoint', 'Person').diagnosis).toBe('ok');
    const cancelled = report.probes.filter((probe) => probe.diagnosis === 'cancelled');
    expect(cancelled.length).toBe(report.probes.length - 2);
    expect(report.requestCount).toBeLessThanOrEqual(3);
  });
});
