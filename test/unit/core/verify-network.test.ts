import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formEncode } from '../../../src/core/cobra/token.ts';
import { runVerification } from '../../../src/core/cobra/run.ts';
import { createNodeFetch } from '../../../src/core/net/node-fetch.ts';
import { DEMO_CLIENTS, startSandbox, type Sandbox } from '../../../src/sandbox/index.ts';
import {
  COMPANIES_WITH_EMPLOYEES,
  XPERTSUITE,
  environmentOf,
  probeOf,
  verifyAgainst,
} from '../../support/verify.ts';

/** A host name that RFC 6761 reserves as invalid; tests never resolve it through DNS. */
const INVALID_HOST = 'cobra-koppelhulp-test.invalid';

interface SentRequest {
  url: string;
  text: string;
}

/** Everything a request carries that could hold the secret, decoded. */
function textOf(init: RequestInit | undefined): string {
  const headers = new Headers(init?.headers);
  const parts = [...headers.entries()].map(([name, value]) => `${name}: ${value}`);
  const authorization = headers.get('authorization');
  if (authorization?.startsWith('Basic ')) {
    parts.push(Buffer.from(authorization.slice(6), 'base64').toString('utf8'));
  }
  parts.push(typeof init?.body === 'string' ? init.body : '');
  return parts.join('\n');
}

/** A proxy that answers every request and CONNECT with 407 and counts them. */
async function startProxyStub(): Promise<{
  server: Server;
  url: string;
  connections: () => number;
}> {
  let connections = 0;
  const server = createServer((socket: Socket) => {
    connections += 1;
    socket.once('data', () => {
      socket.end(
        'HTTP/1.1 407 Proxy Authentication Required\r\n' +
          'Proxy-Authenticate: Basic realm="corporate"\r\n' +
          'Content-Length: 0\r\n\r\n',
      );
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}`, connections: () => connections };
}

describe('where the secret goes', () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, basicDecoding: 'raw' });
  });

  afterAll(async () => {
    await sandbox.close();
  });

  it('sends the secret only to the token URL of its own environment', async () => {
    const client = DEMO_CLIENTS.specialSecret;
    const sent: SentRequest[] = [];
    const { report } = await verifyAgainst(sandbox, client, {
      deep: true,
      wrapFetch: (inner) => (input, init) => {
        sent.push({ url: String(input), text: textOf(init) });
        return inner(input, init);
      },
    });

    const forms = [client.secret, formEncode(client.secret), encodeURIComponent(client.secret)];
    const carrying = sent.filter((request) => forms.some((form) => request.text.includes(form)));
    expect(report.verdict).not.toBe('error');
    expect(carrying.length).toBeGreaterThanOrEqual(1);
    expect(new Set(carrying.map((request) => request.url))).toEqual(
      new Set([`${sandbox.baseUrl}/OAuth/Token`]),
    );
    expect(sent.length).toBeGreaterThan(carrying.length);
  });
});

describe('certificates', () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, https: true });
  });

  afterAll(async () => {
    await sandbox.close();
  });

  it('reports a self-signed certificate as not trusted', async () => {
    const { report } = await verifyAgainst(sandbox, DEMO_CLIENTS.full);
    const token = probeOf(report, 'token');
    expect(sandbox.baseUrl.startsWith('https://')).toBe(true);
    expect(token.diagnosis).toBe('tls-untrusted');
    expect(token.message).toContain('TLS');
    expect(report.verdict).toBe('error');
  });

  it('passes once the certificate is trusted', async () => {
    const { report } = await verifyAgainst(sandbox, DEMO_CLIENTS.full, {
      extraCaCertificates: [sandbox.caCertificatePem!],
    });
    expect(report.verdict).toBe('pass');
  });
});

describe('proxies and name resolution', () => {
  let proxy: Awaited<ReturnType<typeof startProxyStub>>;
  let sandbox: Sandbox;

  beforeAll(async () => {
    proxy = await startProxyStub();
    sandbox = await startSandbox({ port: 0 });
  });

  afterAll(async () => {
    await sandbox.close();
    await new Promise((resolve) => proxy.server.close(resolve));
  });

  async function verifyWith(fetchOptions: Parameters<typeof createNodeFetch>[0], url: string) {
    const transport = createNodeFetch(fetchOptions);
    try {
      return await runVerification(
        {
          environment: environmentOf(url),
          credentials: { clientId: DEMO_CLIENTS.full.id, clientSecret: DEMO_CLIENTS.full.secret },
          companyNumbers: COMPANIES_WITH_EMPLOYEES,
          profile: XPERTSUITE,
          deep: false,
        },
        { fetch: transport.fetch, language: 'en', timeoutMs: 5_000 },
      );
    } finally {
      await transport.close();
    }
  }

  it('reports a proxy that wants authentication', async () => {
    const before = proxy.connections();
    const report = await verifyWith(
      { env: { HTTPS_PROXY: proxy.url, NO_PROXY: '' } },
      `https://${INVALID_HOST}`,
    );
    const token = probeOf(report, 'token');
    expect(token.diagnosis).toBe('proxy-auth-required');
    expect(token.message).toContain('407');
    expect(proxy.connections()).toBeGreaterThan(before);
  });

  it('goes around the proxy for hosts in NO_PROXY', async () => {
    const before = proxy.connections();
    const report = await verifyWith(
      { env: { HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, NO_PROXY: '127.0.0.1' } },
      sandbox.baseUrl,
    );
    expect(report.verdict).toBe('pass');
    expect(proxy.connections()).toBe(before);
  });

  it('reports a host that does not resolve', async () => {
    const report = await verifyWith(
      {
        env: {},
        // Fail the lookup the way getaddrinfo does, without asking any DNS server.
        lookup: (hostname, _options, callback) => {
          const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
            code: 'ENOTFOUND',
            hostname,
          });
          callback(error, '', 4);
        },
      },
      `https://${INVALID_HOST}`,
    );
    const token = probeOf(report, 'token');
    expect(token.diagnosis).toBe('host-not-found');
    expect(token.message).toContain(INVALID_HOST);
    expect(report.verdict).toBe('error');
  });
});
