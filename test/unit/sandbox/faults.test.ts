import { get, type IncomingMessage } from 'node:http';
import { ProxyAgent, fetch as undiciFetch } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_CLIENTS,
  parseSandboxConfig,
  startSandbox,
  type FaultRule,
  type Sandbox,
} from '../../../src/sandbox/index.ts';
import { getOData, requestToken, tokenFor, type ODataError } from './support.ts';

let sandbox: Sandbox;
let token: string;

beforeAll(async () => {
  sandbox = await startSandbox();
  token = await tokenFor(sandbox.baseUrl, DEMO_CLIENTS.full);
});
afterAll(() => sandbox.close());
afterEach(() => {
  sandbox.setFaults([]);
  sandbox.setOptions({ latencyMs: 0 });
  sandbox.resetCounters();
});

function getPerson(): Promise<Response> {
  return getOData(sandbox.baseUrl, '/odata/Person?$top=2', token);
}

/** Returns the error code under a fetch failure, such as ECONNRESET or UND_ERR_SOCKET. */
async function failureCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return cause?.code ?? (error as Error).name;
  }
  throw new Error('expected the request to fail');
}

describe('faults', () => {
  it('adds latency per resource', async () => {
    sandbox.setFaults([{ kind: 'latency', ms: 60, target: 'Person' }]);
    const started = performance.now();
    const response = await getPerson();
    expect(response.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('adds the global latency option', async () => {
    sandbox.setOptions({ latencyMs: 60 });
    const started = performance.now();
    await (await requestToken(sandbox.baseUrl, DEMO_CLIENTS.full)).text();
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('answers 429 with Retry-After', async () => {
    sandbox.setFaults([{ kind: 'rate-limit', retryAfterSeconds: 7 }]);
    const response = await getPerson();
    const body = (await response.json()) as ODataError;
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(body['odata.error'].message.value).toMatch(/Too many/);
  });

  it('answers 429 on the token endpoint in OAuth form', async () => {
    sandbox.setFaults([{ kind: 'rate-limit', retryAfterSeconds: 1, target: 'token' }]);
    const response = await requestToken(sandbox.baseUrl, DEMO_CLIENTS.full);
    expect(response.status).toBe(429);
    expect(((await response.json()) as { error: string }).error).toBe('temporarily_unavailable');
  });

  it.each([500, 502, 503] as const)('answers status %i with odata.error', async (status) => {
    sandbox.setFaults([{ kind: 'status', status, target: 'person' }]);
    const response = await getPerson();
    expect(response.status).toBe(status);
    expect(((await response.json()) as ODataError)['odata.error']).toBeDefined();
  });

  it('answers 407 with a proxy challenge', async () => {
    sandbox.setFaults([{ kind: 'status', status: 407 }]);
    // Fetch turns a 407 into a network error, so this reads the response with node:http.
    const response = await new Promise<IncomingMessage>((resolve, reject) => {
      get(`${sandbox.baseUrl}/odata/Person`, resolve).on('error', reject);
    });
    response.resume();
    expect(response.statusCode).toBe(407);
    expect(response.headers['proxy-authenticate']).toMatch(/^Basic/);
  });

  it('answers CONNECT like a proxy that wants credentials', async () => {
    const dispatcher = new ProxyAgent(new URL(sandbox.baseUrl).origin);
    try {
      // The tunnel is never opened, so the target below is never contacted.
      const failure = await undiciFetch('https://127.0.0.1:65000/odata/', { dispatcher }).catch(
        (error: unknown) => error as Error,
      );
      // undici 8 puts the proxy's status two causes deep: fetch failed, cancelled, then 407.
      const cause = (failure as { cause?: { cause?: Error } }).cause?.cause;
      expect(cause?.message).toMatch(/Proxy response \(407\)/);
      expect(sandbox.requests()).toEqual([
        { method: 'CONNECT', path: '127.0.0.1:65000', status: 407 },
      ]);
    } finally {
      await dispatcher.close();
    }
  });

  it.each([200, 502] as const)('answers an HTML page with status %i', async (status) => {
    sandbox.setFaults([{ kind: 'html', status }]);
    const response = await getPerson();
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toMatch(/^<!DOCTYPE html>/);
  });

  it('resets the connection', async () => {
    sandbox.setFaults([{ kind: 'reset', target: 'Person' }]);
    expect(await failureCode(getPerson())).toBe('ECONNRESET');
    expect(sandbox.requests().at(-1)?.status).toBe(0);
  });

  it('cuts a body short of its Content-Length', async () => {
    sandbox.setFaults([{ kind: 'truncated-body' }]);
    const response = await getPerson();
    expect(response.status).toBe(200);
    expect(await failureCode(response.text())).toBe('UND_ERR_SOCKET');
  });

  it('sends invalid JSON with status 200', async () => {
    sandbox.setFaults([{ kind: 'invalid-json', target: 'Person' }]);
    const response = await getPerson();
    expect(response.status).toBe(200);
    await expect(response.json()).rejects.toThrow(SyntaxError);
  });

  it('sends a slow body in parts that add up to the whole', async () => {
    const whole = await (await getPerson()).text();
    sandbox.setFaults([{ kind: 'slow-body', chunkDelayMs: 15 }]);
    const response = await getPerson();
    const reader = response.body!.getReader();
    const parts: Uint8Array[] = [];
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      parts.push(read.value);
    }
    expect(parts.length).toBeGreaterThan(1);
    expect(Buffer.concat(parts).toString('utf8')).toBe(whole);
  });

  it('hides the token endpoint behind a 404 HTML page', async () => {
    sandbox.setFaults([{ kind: 'token-missing' }]);
    const response = await requestToken(sandbox.baseUrl, DEMO_CLIENTS.full);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect((await getPerson()).status).toBe(200);
  });

  it('applies to the first N matching requests only', async () => {
    sandbox.setFaults([{ kind: 'status', status: 503, target: 'Person', times: 2 }]);
    const statuses = [];
    for (let n = 0; n < 3; n += 1) {
      const response = await getPerson();
      await response.body?.cancel();
      statuses.push(response.status);
    }
    expect(statuses).toEqual([503, 503, 200]);
  });

  it('leaves other targets alone', async () => {
    sandbox.setFaults([{ kind: 'status', status: 500, target: 'Organization' }]);
    expect((await getPerson()).status).toBe(200);
  });

  it('keeps serving after every fault kind', async () => {
    const kinds: FaultRule[] = [
      { kind: 'reset', times: 1 },
      { kind: 'truncated-body', times: 1 },
      { kind: 'invalid-json', times: 1 },
    ];
    for (const rule of kinds) {
      sandbox.setFaults([rule]);
      await getPerson()
        .then((response) => response.text())
        .catch(() => undefined);
    }
    expect((await getPerson()).status).toBe(200);
  });

  it('rejects an invalid fault rule naming the field', () => {
    expect(() =>
      sandbox.setFaults([{ kind: 'status', status: 200 } as unknown as FaultRule]),
    ).toThrow(/0\.status/);
  });
});

describe('request counters', () => {
  it('counts requests per path and method', async () => {
    await tokenFor(sandbox.baseUrl, DEMO_CLIENTS.full);
    await (await getPerson()).text();
    await (await getPerson()).text();

    expect(sandbox.requestCount()).toBe(3);
    expect(sandbox.requestCount({ path: '/OAuth/Token' })).toBe(1);
    expect(sandbox.requestCount({ path: '/oauth/token', method: 'post' })).toBe(1);
    expect(sandbox.requestCount({ path: '/odata/Person' })).toBe(2);
    expect(sandbox.requestCount({ method: 'GET' })).toBe(2);
  });

  it('records method, path and status', async () => {
    await (await getOData(sandbox.baseUrl, '/odata/Nothing', token)).text();
    expect(sandbox.requests()).toEqual([{ method: 'GET', path: '/odata/Nothing', status: 404 }]);
  });

  it('resets to zero', async () => {
    await (await getPerson()).text();
    sandbox.resetCounters();
    expect(sandbox.requestCount()).toBe(0);
    expect(sandbox.requests()).toEqual([]);
  });
});

describe('admin endpoint', () => {
  const admin = (path: string, init?: RequestInit): Promise<Response> =>
    fetch(`${new URL(sandbox.baseUrl).origin}/__sandbox/${path}`, init);

  it('reports counts without counting itself', async () => {
    await (await getPerson()).text();
    const stats = (await (await admin('stats')).json()) as {
      total: number;
      counts: Record<string, number>;
    };
    expect(stats.total).toBe(1);
    expect(stats.counts).toEqual({ 'GET /odata/Person': 1 });
    expect(sandbox.requestCount()).toBe(1);
  });

  it('resets the counters', async () => {
    await (await getPerson()).text();
    const response = await admin('reset', { method: 'POST' });
    expect(response.status).toBe(200);
    expect(sandbox.requestCount()).toBe(0);
  });

  it('sets faults over HTTP', async () => {
    const rules = [{ kind: 'status', status: 502, target: 'Person', times: 1 }];
    const response = await admin('faults', { method: 'PUT', body: JSON.stringify(rules) });
    expect(response.status).toBe(200);
    expect((await getPerson()).status).toBe(502);
    expect((await getPerson()).status).toBe(200);
  });

  it('changes switches over HTTP', async () => {
    const response = await admin('options', {
      method: 'PATCH',
      body: JSON.stringify({ unauthorisedStatus: 401 }),
    });
    const options = (await response.json()) as { unauthorisedStatus: number; clients: string[] };
    expect(options.unauthorisedStatus).toBe(401);
    expect(options.clients).toContain(DEMO_CLIENTS.full.id);
    sandbox.setOptions({ unauthorisedStatus: 403 });
  });

  it.each([
    ['faults', 'PUT', '[{"kind":"explode"}]', /kind/],
    ['options', 'PATCH', '{"pageSize":0}', /pageSize/],
    ['options', 'PATCH', '{"port":1}', /port/],
    ['options', 'PATCH', 'not json', /not valid JSON/],
    ['faults', 'PUT', '[{"kind":"reset","target":"Persn"}]', /0\.target: .*Person, Organization/],
    ['options', 'PATCH', '{"hiddenResources":["Persn"]}', /hiddenResources\.0: .*Person/],
  ])('rejects bad input to %s with 400', async (path, method, body, message) => {
    const response = await admin(path, { method, body });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(message);
  });

  it('answers 404 for an unknown admin path', async () => {
    expect((await admin('nothing')).status).toBe(404);
  });
});

describe('sandbox resource names', () => {
  it('rejects an unknown fault target in the config', () => {
    expect(() => parseSandboxConfig({ faults: [{ kind: 'reset', target: 'Persn' }] })).toThrow(
      /faults\.0\.target: .*token, odata, pages, Person, Organization/,
    );
  });

  it('rejects an unknown hidden resource in the config', () => {
    expect(() => parseSandboxConfig({ hiddenResources: ['Persn'] })).toThrow(
      /hiddenResources\.0: .*Person, Organization/,
    );
  });

  it('accepts known targets in any case', () => {
    const config = parseSandboxConfig({
      faults: [
        { kind: 'reset', target: 'person' },
        { kind: 'reset', target: 'TOKEN' },
      ],
      hiddenResources: ['Organization'],
    });
    expect(config.faults).toHaveLength(2);
  });

  it('rejects an unknown target through setFaults', async () => {
    const sandbox = await startSandbox();
    try {
      expect(() => sandbox.setFaults([{ kind: 'reset', target: 'Persn' }])).toThrow(/target/);
      expect(() => sandbox.setOptions({ hiddenResources: ['Persn'] })).toThrow(/hiddenResources/);
    } finally {
      await sandbox.close();
    }
  });
});
