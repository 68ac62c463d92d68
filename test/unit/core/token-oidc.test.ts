/**
 * The token exchange against an independent OAuth 2.0 server: oidc-provider
 * with the client credentials grant, on loopback. Its Basic parser
 * form-decodes credentials as RFC 6749 2.3.1 says. (It accepts Basic and
 * body credentials from every client, so the fallback order is tested
 * against the sandbox, which can refuse either.)
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpContext } from '../../../src/core/cobra/http.ts';
import { TokenSession } from '../../../src/core/cobra/token-session.ts';
import { silentLogger } from '../../../src/core/log/logger.ts';
import { createNodeFetch } from '../../../src/core/net/node-fetch.ts';

const SPECIAL_SECRET = 'p+s/w=rd &%x';

let server: Server;
let tokenUrl: string;
const transport = createNodeFetch({ env: {} });

beforeAll(async () => {
  // The issuer needs the port, so the server starts before the provider exists.
  const app: { handler?: ReturnType<Provider['callback']> } = {};
  server = createServer((request, response) => app.handler?.(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const client = (id: string, secret: string, grants = ['client_credentials']) => ({
    client_id: id,
    client_secret: secret,
    grant_types: grants,
    redirect_uris: [],
    response_types: [],
    token_endpoint_auth_method: 'client_secret_basic' as const,
    scope: 'customer',
  });
  const provider = new Provider(issuer, {
    clients: [
      client('basic-plain', 'plainsecret1234'),
      client('basic-special', SPECIAL_SECRET),
      {
        ...client('no-grant', 'plainsecret1234', ['authorization_code']),
        redirect_uris: ['https://client.invalid/callback'],
        response_types: ['code'],
      },
    ],
    scopes: ['customer'],
    features: { clientCredentials: { enabled: true }, devInteractions: { enabled: false } },
    ttl: { ClientCredentials: 600 },
    routes: { token: '/OAuth/Token' },
  });
  app.handler = provider.callback();
  tokenUrl = `${issuer}/OAuth/Token`;
});

afterAll(async () => {
  await transport.close();
  await new Promise((resolve) => server.close(resolve));
});

async function startSession(clientId: string, clientSecret: string, scope = 'customer') {
  const urls: string[] = [];
  const context = createHttpContext({
    fetch: transport.fetch,
    concurrency: 2,
    timeoutMs: 5_000,
    log: silentLogger,
    onRequest: (url) => urls.push(url),
  });
  const session = new TokenSession({
    context,
    tokenUrl,
    credentials: { clientId, clientSecret },
    scope,
  });
  const { result } = await session.start();
  return { result, session, urls };
}

describe('token exchange with oidc-provider', () => {
  it('gets a token with form-encoded Basic in one request', async () => {
    const { result, session, urls } = await startSession('basic-plain', 'plainsecret1234');
    expect(result.ok).toBe(true);
    expect(session.method).toBe('basic-form-encoded');
    expect(urls).toEqual([tokenUrl]);
  });

  it('form-encodes a secret with reserved characters so the server decodes it', async () => {
    const { result, session, urls } = await startSession('basic-special', SPECIAL_SECRET);
    expect(result.ok).toBe(true);
    expect(session.method).toBe('basic-form-encoded');
    expect(urls).toHaveLength(1);
  });

  it('reports a wrong secret as invalid-client', async () => {
    const { result } = await startSession('basic-plain', 'wrong-secret');
    expect(!result.ok && result.finding.diagnosis).toBe('invalid-client');
  });

  it('passes on the error and description of a grant the server refuses', async () => {
    const { result, urls } = await startSession('no-grant', 'plainsecret1234');
    expect(!result.ok && result.finding).toMatchObject({
      diagnosis: 'unexpected-response',
      params: { context: 'oauth-error', error: 'invalid_request', status: 400 },
    });
    expect(!result.ok && String(result.finding.params['errorDescription'])).toContain(
      'not allowed',
    );
    expect(urls).toHaveLength(1);
  });

  it('reuses the token and renews it shortly before it expires', async () => {
    let clock = Date.now();
    const context = createHttpContext({
      fetch: transport.fetch,
      concurrency: 2,
      timeoutMs: 5_000,
      log: silentLogger,
    });
    const session = new TokenSession({
      context,
      tokenUrl,
      credentials: { clientId: 'basic-plain', clientSecret: 'plainsecret1234' },
      scope: 'customer',
      now: () => clock,
    });
    const started = await session.start();
    expect(started.result.ok).toBe(true);
    const first = started.result.ok ? started.result.token : undefined;
    expect(first?.lifetimeMs).toBeGreaterThan(120_000);

    const reused = await session.current();
    expect(reused.ok && reused.token.value).toBe(first?.value);

    clock += first!.lifetimeMs! - 30_000;
    const renewed = await session.current();
    expect(renewed.ok && renewed.token.value).not.toBe(first?.value);
  });
});
