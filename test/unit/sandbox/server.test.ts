import { connect } from 'node:net';
import { Agent, fetch as undiciFetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_CLIENTS,
  MAX_BODY_BYTES,
  startSandbox,
  type Sandbox,
} from '../../../src/sandbox/index.ts';
import { FORM, basic, getOData, requestToken, tokenFor, type ODataCollection } from './support.ts';

/** Sends raw bytes and returns what the server writes back before closing. */
function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(text));
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString()));
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
  });
}

describe('sandbox server', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());

  it('listens on 127.0.0.1 with a free port', () => {
    expect(sandbox.baseUrl).toBe(`http://127.0.0.1:${sandbox.port}`);
    expect(sandbox.port).toBeGreaterThan(0);
  });

  it.each(['/Home/Authentication', '/Resources', '/home/authentication'])(
    'serves the page %s as HTML',
    async (path) => {
      const response = await fetch(`${sandbox.baseUrl}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await response.text()).toContain('<h1>');
    },
  );

  it('answers an unknown path with a 404 HTML page', async () => {
    const response = await fetch(`${sandbox.baseUrl}/api/v2/token`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('answers POST on a page with 405', async () => {
    const response = await fetch(`${sandbox.baseUrl}/Resources`, { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });

  it('answers DELETE on the service document with 405', async () => {
    const token = await tokenFor(sandbox.baseUrl, DEMO_CLIENTS.full);
    const response = await getOData(sandbox.baseUrl, '/odata/', token, { method: 'DELETE' });
    expect(response.status).toBe(405);
  });

  it('answers an oversized token request with 413 and keeps serving', async () => {
    const body = `grant_type=client_credentials&pad=${'x'.repeat(MAX_BODY_BYTES)}`;
    const response = await fetch(`${sandbox.baseUrl}/OAuth/Token`, {
      method: 'POST',
      headers: { ...FORM, authorization: basic(DEMO_CLIENTS.full.id, DEMO_CLIENTS.full.secret) },
      body,
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_request');
    expect((await requestToken(sandbox.baseUrl, DEMO_CLIENTS.full)).status).toBe(200);
  });

  it('answers an oversized chunked body with 413', async () => {
    const chunk = 'x'.repeat(16 * 1024);
    const reply = await rawRequest(
      sandbox.port,
      'POST /OAuth/Token HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n' +
        'Content-Type: application/x-www-form-urlencoded\r\n\r\n' +
        `${chunk.length.toString(16)}\r\n${chunk}\r\n`.repeat(5) +
        '0\r\n\r\n',
    );
    expect(reply).toMatch(/^HTTP\/1\.1 413/);
  });

  it('answers malformed HTTP with 400 and keeps serving', async () => {
    const reply = await rawRequest(sandbox.port, 'NOT HTTP AT ALL\r\n\r\n');
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    expect((await fetch(`${sandbox.baseUrl}/Resources`)).status).toBe(200);
  });

  it('rejects start-only options at runtime', () => {
    expect(() => sandbox.setOptions({ port: 1 })).toThrow(/port can only be set/);
  });

  it('rejects an invalid runtime option naming it', () => {
    expect(() => sandbox.setOptions({ basicDecoding: 'base64' as 'raw' })).toThrow(/basicDecoding/);
  });
});

describe('sandbox options at start', () => {
  it('rejects invalid options naming the field', async () => {
    await expect(startSandbox({ pageSize: -1 })).rejects.toThrow(/pageSize/);
  });

  it('serves below a path prefix', async () => {
    const sandbox = await startSandbox({ pathPrefix: 'v3/' });
    try {
      expect(sandbox.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v3$/);
      const token = await tokenFor(sandbox.baseUrl, DEMO_CLIENTS.full);
      const body = (await (
        await getOData(sandbox.baseUrl, '/odata/Person?$top=1', token)
      ).json()) as ODataCollection;

      expect(body['odata.metadata']).toBe(`${sandbox.baseUrl}/odata/$metadata#Person`);
      expect(
        (await fetch(`${new URL(sandbox.baseUrl).origin}/OAuth/Token`, { method: 'POST' })).status,
      ).toBe(404);
      expect(sandbox.requestCount({ path: '/OAuth/Token' })).toBe(1);
      expect(sandbox.requestCount({ path: '/v3/OAuth/Token' })).toBe(1);
    } finally {
      await sandbox.close();
    }
  });

  it('listens on ::1', async () => {
    const sandbox = await startSandbox({ host: '::1' });
    try {
      expect(sandbox.baseUrl).toBe(`http://[::1]:${sandbox.port}`);
      expect((await fetch(`${sandbox.baseUrl}/Resources`)).status).toBe(200);
    } finally {
      await sandbox.close();
    }
  });

  it('gives the same data for the same seed and other data for another', async () => {
    const first = await startSandbox({ seed: 7 });
    const second = await startSandbox({ seed: 7 });
    const third = await startSandbox({ seed: 8 });
    try {
      const names = async (sandbox: Sandbox): Promise<unknown[]> => {
        const token = await tokenFor(sandbox.baseUrl, DEMO_CLIENTS.full);
        const response = await getOData(
          sandbox.baseUrl,
          '/odata/Person?$select=NameComplete',
          token,
        );
        return ((await response.json()) as ODataCollection).value;
      };
      const reference = await names(first);
      expect(await names(second)).toEqual(reference);
      expect(await names(third)).not.toEqual(reference);
    } finally {
      await Promise.all([first.close(), second.close(), third.close()]);
    }
  });

  it('closes while a slow response is still being sent', async () => {
    const sandbox = await startSandbox({ faults: [{ kind: 'slow-body', chunkDelayMs: 60_000 }] });
    const pending = fetch(`${sandbox.baseUrl}/Resources`).then((response) => response.text());
    await new Promise<void>((resolve) => {
      const wait = (): void => {
        if (sandbox.requestCount() > 0) {
          resolve();
        } else {
          setImmediate(wait);
        }
      };
      wait();
    });
    await sandbox.close();
    await expect(pending).rejects.toThrow();
  });
});

describe('HTTPS mode', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ https: true });
  });
  afterAll(() => sandbox.close());

  it('serves HTTPS with the self-signed certificate', async () => {
    expect(sandbox.baseUrl).toMatch(/^https:\/\/127\.0\.0\.1:/);
    expect(sandbox.caCertificatePem).toMatch(/^-----BEGIN CERTIFICATE-----/);
    const dispatcher = new Agent({ connect: { ca: sandbox.caCertificatePem } });
    try {
      const response = await undiciFetch(`${sandbox.baseUrl}/Resources`, { dispatcher });
      expect(response.status).toBe(200);
    } finally {
      await dispatcher.close();
    }
  });

  it('fails certificate checks for a client that does not trust it', async () => {
    const error = await fetch(`${sandbox.baseUrl}/Resources`).catch((caught: unknown) => caught);
    const cause = (error as { cause?: { code?: string } }).cause;
    expect(cause?.code).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY|CERT/);
  });
});

describe('request targets', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());

  it('treats a path starting with // as a path', async () => {
    const reply = await rawRequest(
      sandbox.port,
      'GET //example.com/Resources HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    );
    expect(reply).toMatch(/^HTTP\/1\.1 404/);
  });

  it('accepts an absolute-form request target', async () => {
    const reply = await rawRequest(
      sandbox.port,
      `GET http://127.0.0.1:${sandbox.port}/Resources HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
    );
    expect(reply).toMatch(/^HTTP\/1\.1 200/);
  });
});
