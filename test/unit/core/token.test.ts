import { describe, expect, it } from 'vitest';
import {
  buildTokenRequest,
  encodingChangesCredentials,
  formEncode,
  processTokenResponse,
  tokenMethodsFor,
} from '../../../src/core/cobra/token.ts';
import { canned, IIS_404_PAGE } from '../../support/canned.ts';

const TOKEN_URL = 'https://apitest.cobra.sdworx.com/OAuth/Token';
const PLAIN = { clientId: 'client-1', clientSecret: 'AbC123xyz' };
const SPECIAL = { clientId: 'client-1', clientSecret: 'a+b/c=d e&f%' };

function basicPair(header: string | undefined): string {
  return Buffer.from(header!.replace(/^Basic /, ''), 'base64').toString('utf8');
}

describe('buildTokenRequest', () => {
  it('sends the client credentials grant with the profile scope', () => {
    const request = buildTokenRequest(PLAIN, 'customer', 'basic-form-encoded');
    expect(new URLSearchParams(request.body).get('grant_type')).toBe('client_credentials');
    expect(new URLSearchParams(request.body).get('scope')).toBe('customer');
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
  });

  it('form-encodes id and secret inside Basic as RFC 6749 2.3.1 says', () => {
    const request = buildTokenRequest(SPECIAL, 'customer', 'basic-form-encoded');
    expect(basicPair(request.headers['authorization'])).toBe('client-1:a%2Bb%2Fc%3Dd+e%26f%25');
  });

  it('puts raw credentials inside Basic for the raw method', () => {
    const request = buildTokenRequest(SPECIAL, 'customer', 'basic-raw');
    expect(basicPair(request.headers['authorization'])).toBe('client-1:a+b/c=d e&f%');
  });

  it('puts the credentials in the body for client_secret_post', () => {
    const request = buildTokenRequest(SPECIAL, 'customer', 'client-secret-post');
    expect(request.headers['authorization']).toBeUndefined();
    const form = new URLSearchParams(request.body);
    expect(form.get('client_id')).toBe('client-1');
    expect(form.get('client_secret')).toBe('a+b/c=d e&f%');
  });
});

describe('token method order', () => {
  it('tries only form-encoded Basic when encoding changes nothing', () => {
    expect(encodingChangesCredentials(PLAIN)).toBe(false);
    expect(tokenMethodsFor(PLAIN)).toEqual(['basic-form-encoded']);
  });

  it('falls back to raw Basic and then the body when encoding changes the secret', () => {
    expect(encodingChangesCredentials(SPECIAL)).toBe(true);
    expect(tokenMethodsFor(SPECIAL)).toEqual([
      'basic-form-encoded',
      'basic-raw',
      'client-secret-post',
    ]);
  });

  it('encodes a space as a plus sign', () => {
    expect(formEncode('a b')).toBe('a+b');
  });
});

describe('processTokenResponse', () => {
  it('accepts a bearer token with its lifetime', () => {
    const result = processTokenResponse(
      canned(200, { access_token: 'tok', token_type: 'bearer', expires_in: 3600 }),
      TOKEN_URL,
    );
    expect(result).toMatchObject({ ok: true, token: { value: 'tok', lifetimeMs: 3_600_000 } });
  });

  it('accepts a token without expires_in', () => {
    const result = processTokenResponse(canned(200, { access_token: 'tok' }), TOKEN_URL);
    expect(result).toMatchObject({ ok: true, token: { value: 'tok', lifetimeMs: undefined } });
  });

  it.each([
    [400, 'invalid_client', 'invalid-client', true],
    [401, 'invalid_client', 'invalid-client', true],
    [400, 'invalid_scope', 'invalid-scope', false],
    [400, 'unsupported_grant_type', 'unsupported-grant-type', false],
    [400, 'unauthorized_client', 'unsupported-grant-type', false],
    [400, 'invalid_request', 'unexpected-response', false],
  ])('maps HTTP %i %s to %s', (status, error, diagnosis, invalidClient) => {
    const result = processTokenResponse(
      canned(status, { error, error_description: 'details' }),
      TOKEN_URL,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.finding.diagnosis).toBe(diagnosis);
      expect(result.finding.httpStatus).toBe(status);
      expect(result.invalidClient).toBe(invalidClient);
    }
  });

  it('calls an HTML page at the token URL not a Cobra API, with status, type and body start', () => {
    const result = processTokenResponse(
      canned(404, IIS_404_PAGE, { contentType: 'text/html' }),
      TOKEN_URL,
    );
    expect(!result.ok && result.finding.diagnosis).toBe('not-cobra-api');
    if (!result.ok) {
      expect(result.finding.params).toMatchObject({
        context: 'html',
        status: 404,
        contentType: 'text/html',
        tokenUrl: TOKEN_URL,
      });
      expect(String(result.finding.params['bodyStart'])).toContain('404 - File or directory');
    }
  });

  it('calls a JSON 404 not a Cobra API', () => {
    const result = processTokenResponse(canned(404, { message: 'nope' }), TOKEN_URL);
    expect(!result.ok && result.finding.diagnosis).toBe('not-cobra-api');
  });

  it('calls a redirect not a Cobra API and shows where it goes', () => {
    const result = processTokenResponse(
      canned(302, '', { headers: { location: 'https://login.example/' } }),
      TOKEN_URL,
    );
    expect(!result.ok && result.finding.diagnosis).toBe('not-cobra-api');
    expect(!result.ok && result.finding.params['location']).toBe('https://login.example/');
  });

  it.each([
    [407, 'proxy-auth-required'],
    [429, 'rate-limited'],
    [500, 'server-error'],
    [502, 'server-error'],
    [503, 'server-error'],
  ])('maps HTTP %i to %s', (status, diagnosis) => {
    const result = processTokenResponse(canned(status, 'x'), TOKEN_URL);
    expect(!result.ok && result.finding.diagnosis).toBe(diagnosis);
  });

  it('rejects a 200 without access_token', () => {
    const result = processTokenResponse(canned(200, { token: 'x' }), TOKEN_URL);
    expect(!result.ok && result.finding.diagnosis).toBe('unexpected-response');
    expect(!result.ok && result.finding.params['context']).toBe('no-token');
  });

  it('rejects a token of another type than bearer', () => {
    const result = processTokenResponse(
      canned(200, { access_token: 'x', token_type: 'mac' }),
      TOKEN_URL,
    );
    expect(result.ok).toBe(false);
  });

  it('recognises invalid JSON', () => {
    const result = processTokenResponse(
      canned(200, '{"access_token": "tr', { contentType: 'application/json' }),
      TOKEN_URL,
    );
    expect(!result.ok && result.finding.params['context']).toBe('invalid-json');
  });

  it.each([
    ['host-not-found', 'ENOTFOUND'],
    ['tls-untrusted', 'SELF_SIGNED_CERT_IN_CHAIN'],
  ] as const)('passes a network failure through as %s', (diagnosis, code) => {
    const result = processTokenResponse(
      { kind: 'network-error', diagnosis, code, attempts: 1, durationMs: 1 },
      TOKEN_URL,
    );
    expect(!result.ok && result.finding).toMatchObject({
      diagnosis,
      params: { host: 'apitest.cobra.sdworx.com', code },
    });
  });
});
