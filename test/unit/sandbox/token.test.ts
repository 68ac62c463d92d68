import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENTS, startSandbox, type Sandbox } from '../../../src/sandbox/index.ts';
import { basic, FORM, formEncode, requestToken } from './support.ts';

const full = DEMO_CLIENTS.full;
const special = DEMO_CLIENTS.specialSecret;
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
afterEach(() => {
  sandbox.setOptions({
    basicDecoding: 'raw',
    acceptBodyCredentials: true,
    invalidClientStatus: 400,
    clientOutsideValidity: 'invalid_client',
    tokenExpiresInSeconds: 3600,
  });
});

async function postToken(headers: Record<string, string>, body: string): Promise<Response> {
  return fetch(`${sandbox.baseUrl}/OAuth/Token`, { method: 'POST', headers, body });
}

describe('token endpoint', () => {
  it('issues a bearer token for client credentials', async () => {
    const response = await requestToken(sandbox.baseUrl, full);
    const body = (await response.json()) as Record<string, unknown>;

    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(body.token_type).toBe('bearer');
    expect(body.expires_in).toBe(3600);
    expect(body.access_token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
  });

  it('issues a new token on every request', async () => {
    const first = (await (await requestToken(sandbox.baseUrl, full)).json()) as {
      access_token: string;
    };
    const second = (await (await requestToken(sandbox.baseUrl, full)).json()) as {
      access_token: string;
    };
    expect(first.access_token).not.toBe(second.access_token);
  });

  it.each(['customer', 'Customer', 'CUSTOMER'])('accepts scope %s', async (scope) => {
    const response = await requestToken(
      sandbox.baseUrl,
      full,
      `grant_type=client_credentials&scope=${scope}`,
    );
    expect(response.status).toBe(200);
  });

  it('accepts a request without scope', async () => {
    const response = await requestToken(sandbox.baseUrl, full, 'grant_type=client_credentials');
    expect(response.status).toBe(200);
  });

  it('uses the configured expires_in', async () => {
    sandbox.setOptions({ tokenExpiresInSeconds: 120 });
    const body = (await (await requestToken(sandbox.baseUrl, full)).json()) as {
      expires_in: number;
    };
    expect(body.expires_in).toBe(120);
  });

  it('rejects an expired token on data calls', async () => {
    sandbox.setOptions({ tokenExpiresInSeconds: 0 });
    const { access_token } = (await (await requestToken(sandbox.baseUrl, full)).json()) as {
      access_token: string;
    };
    const response = await fetch(`${sandbox.baseUrl}/odata/Person?$top=1`, {
      headers: { authorization: `Bearer ${access_token}` },
    });

    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('invalid_token');
  });

  const invalidClients: [string, { id: string; secret: string }][] = [
    ['a wrong secret', { id: full.id, secret: 'wrong' }],
    ['an unknown client id', { id: 'no-such-client', secret: full.secret }],
    ['a secret with a trailing space', { id: full.id, secret: `${full.secret} ` }],
    ['the expired client', DEMO_CLIENTS.expired],
    ['the client that is not valid yet', DEMO_CLIENTS.notYetValid],
  ];
  it.each(invalidClients)('rejects %s with 400 invalid_client', async (_case, client) => {
    const response = await requestToken(sandbox.baseUrl, client);
    const body = (await response.json()) as Record<string, unknown>;

    expect(response.status).toBe(400);
    expect(body).toEqual({ error: 'invalid_client' });
  });

  it('answers 401 invalid_client with a Basic challenge when switched', async () => {
    sandbox.setOptions({ invalidClientStatus: 401 });
    const response = await requestToken(sandbox.baseUrl, { id: full.id, secret: 'wrong' });

    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic/);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_client');
  });

  it('describes a client outside its dates when switched', async () => {
    sandbox.setOptions({ clientOutsideValidity: 'invalid_client_described' });
    const response = await requestToken(sandbox.baseUrl, DEMO_CLIENTS.expired);
    const body = (await response.json()) as Record<string, unknown>;

    expect(response.status).toBe(400);
    expect(body.error).toBe('invalid_client');
    expect(body.error_description).toMatch(/not valid on this date/);
  });

  it('answers unauthorized_client outside the dates when switched', async () => {
    sandbox.setOptions({ clientOutsideValidity: 'unauthorized_client' });
    const response = await requestToken(sandbox.baseUrl, DEMO_CLIENTS.notYetValid);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe('unauthorized_client');
  });

  it.each([
    ['grant_type=authorization_code&scope=customer', 'unsupported_grant_type'],
    ['grant_type=password&scope=customer', 'unsupported_grant_type'],
    ['scope=customer', 'invalid_request'],
    ['grant_type=client_credentials&scope=Singlesignon', 'invalid_scope'],
    ['grant_type=client_credentials&scope=everything', 'invalid_scope'],
    ['grant_type=client_credentials&scope=', 'invalid_scope'],
    ['grant_type=client_credentials&grant_type=client_credentials', 'invalid_request'],
  ])('answers body %s with %s', async (body, error) => {
    const response = await requestToken(sandbox.baseUrl, full, body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe(error);
  });

  it('rejects a body that is not form-encoded', async () => {
    const response = await postToken(
      { 'content-type': 'application/json', authorization: basic(full.id, full.secret) },
      '{"grant_type":"client_credentials"}',
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_request');
  });

  it.each([
    ['no credentials', undefined],
    ['a Bearer header', 'Bearer abc'],
    ['Basic that is not base64', 'Basic !!!'],
    ['Basic without a colon', `Basic ${Buffer.from('justanid').toString('base64')}`],
  ])('rejects %s as invalid_client', async (_case, authorization) => {
    const headers: Record<string, string> = { ...FORM };
    if (authorization !== undefined) {
      headers.authorization = authorization;
    }
    const response = await postToken(headers, 'grant_type=client_credentials');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_client');
  });

  it('serves the token path in any case', async () => {
    const response = await fetch(`${sandbox.baseUrl}/oauth/token`, {
      method: 'POST',
      headers: { ...FORM, authorization: basic(full.id, full.secret) },
      body: 'grant_type=client_credentials&scope=customer',
    });
    expect(response.status).toBe(200);
  });

  it('rejects GET with 405', async () => {
    const response = await fetch(`${sandbox.baseUrl}/OAuth/Token`);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });
});

describe('Basic credential decoding', () => {
  it('takes raw credentials by default', async () => {
    expect((await requestToken(sandbox.baseUrl, special)).status).toBe(200);

    const encoded = { id: formEncode(special.id), secret: formEncode(special.secret) };
    expect((await requestToken(sandbox.baseUrl, encoded)).status).toBe(400);
  });

  it('form-decodes credentials when switched to form', async () => {
    sandbox.setOptions({ basicDecoding: 'form' });
    const encoded = { id: formEncode(special.id), secret: formEncode(special.secret) };

    expect((await requestToken(sandbox.baseUrl, encoded)).status).toBe(200);
    expect((await requestToken(sandbox.baseUrl, special)).status).toBe(400);
  });

  it('rejects a bad percent escape under form decoding', async () => {
    sandbox.setOptions({ basicDecoding: 'form' });
    const response = await requestToken(sandbox.baseUrl, { id: full.id, secret: '%zz' });
    expect(((await response.json()) as { error: string }).error).toBe('invalid_client');
  });

  it('treats a plain secret alike in both modes', async () => {
    sandbox.setOptions({ basicDecoding: 'form' });
    expect((await requestToken(sandbox.baseUrl, full)).status).toBe(200);
  });
});

describe('credentials in the form body', () => {
  const body = (secret: string): string =>
    new URLSearchParams({
      grant_type: 'client_credentials',
      scope: 'customer',
      client_id: special.id,
      client_secret: secret,
    }).toString();

  it('accepts them by default', async () => {
    const response = await postToken(FORM, body(special.secret));
    expect(response.status).toBe(200);
  });

  it('rejects them when switched off', async () => {
    sandbox.setOptions({ acceptBodyCredentials: false });
    const response = await postToken(FORM, body(special.secret));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_client');
  });

  it('rejects a wrong secret in the body', async () => {
    const response = await postToken(FORM, body('wrong'));
    expect(((await response.json()) as { error: string }).error).toBe('invalid_client');
  });

  it('rejects Basic and body credentials together', async () => {
    const response = await postToken(
      { ...FORM, authorization: basic(full.id, full.secret) },
      body(special.secret),
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_request');
  });
});
