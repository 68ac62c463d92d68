import type { TokenAuthMethod } from '../../shared/report.ts';
import { exchange, type HttpContext, type HttpOutcome } from './http.ts';
import {
  commonStatusFinding,
  isHtml,
  parseJsonObject,
  transportFinding,
  unexpected,
  type Finding,
} from './responses.ts';

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

export interface AccessToken {
  value: string;
  /** Lifetime from expires_in, in milliseconds; undefined when the server gave none. */
  lifetimeMs: number | undefined;
}

export type TokenResult =
  | { ok: true; token: AccessToken; finding: Finding }
  | { ok: false; finding: Finding; invalidClient: boolean };

/** Encodes a value as application/x-www-form-urlencoded does (space as "+"). */
export function formEncode(value: string): string {
  return new URLSearchParams([['', value]]).toString().slice(1);
}

/** True when RFC 6749 form-encoding changes the id or the secret inside Basic credentials. */
export function encodingChangesCredentials(credentials: ClientCredentials): boolean {
  return (
    formEncode(credentials.clientId) !== credentials.clientId ||
    formEncode(credentials.clientSecret) !== credentials.clientSecret
  );
}

/**
 * The token request for one client authentication method. RFC 6749 section
 * 2.3.1 says the id and secret are form-encoded before they go into the Basic
 * header; servers that skip the decoding need them raw instead, and some
 * accept them only in the body (client_secret_post).
 */
export function buildTokenRequest(
  credentials: ClientCredentials,
  scope: string,
  method: TokenAuthMethod,
): { headers: Record<string, string>; body: string } {
  const form = new URLSearchParams({ grant_type: 'client_credentials', scope });
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'application/json',
  };
  if (method === 'client-secret-post') {
    form.set('client_id', credentials.clientId);
    form.set('client_secret', credentials.clientSecret);
  } else {
    const encode = method === 'basic-form-encoded' ? formEncode : (value: string) => value;
    const pair = `${encode(credentials.clientId)}:${encode(credentials.clientSecret)}`;
    headers['authorization'] = `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`;
  }
  return { headers, body: form.toString() };
}

/**
 * Interprets the reply to a token request: a bearer token, or the finding
 * that says why there is none.
 */
export function processTokenResponse(outcome: HttpOutcome, tokenUrl: string): TokenResult {
  const host = new URL(tokenUrl).host;
  if (outcome.kind !== 'response') {
    return { ok: false, finding: transportFinding(outcome, host), invalidClient: false };
  }
  const fail = (finding: Finding, invalidClient = false): TokenResult => ({
    ok: false,
    finding,
    invalidClient,
  });

  const common = commonStatusFinding(outcome, host);
  if (common !== undefined) {
    if (common.params['context'] === 'redirect') {
      return fail({
        ...common,
        diagnosis: 'not-cobra-api',
        params: { ...common.params, tokenUrl },
      });
    }
    return fail(common);
  }
  if (outcome.status === 404 || outcome.status === 405 || isHtml(outcome)) {
    return fail(
      unexpected(outcome, isHtml(outcome) ? 'html' : 'status', 'not-cobra-api', { tokenUrl }),
    );
  }

  const json = parseJsonObject(outcome.body);
  if (json === undefined) {
    return fail(unexpected(outcome, 'invalid-json'));
  }
  if (outcome.status === 200) {
    return acceptToken(json, outcome.status) ?? fail(unexpected(outcome, 'no-token'));
  }

  const error = typeof json['error'] === 'string' ? json['error'] : '';
  const description =
    typeof json['error_description'] === 'string' ? json['error_description'].slice(0, 200) : '';
  const params = { status: outcome.status, error, errorDescription: description || '-' };
  switch (error) {
    case 'invalid_client':
      return fail({ diagnosis: 'invalid-client', httpStatus: outcome.status, params }, true);
    case 'invalid_scope':
      return fail({ diagnosis: 'invalid-scope', httpStatus: outcome.status, params });
    case 'unsupported_grant_type':
    case 'unauthorized_client':
      return fail({ diagnosis: 'unsupported-grant-type', httpStatus: outcome.status, params });
    default:
      return fail(unexpected(outcome, 'oauth-error', 'unexpected-response', params));
  }
}

function acceptToken(json: Record<string, unknown>, status: number): TokenResult | undefined {
  const value = json['access_token'];
  if (typeof value !== 'string' || value === '') {
    return undefined;
  }
  const tokenType = json['token_type'];
  if (typeof tokenType === 'string' && tokenType.toLowerCase() !== 'bearer') {
    return undefined;
  }
  const expiresIn = Number(json['expires_in']);
  const lifetimeMs = Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn * 1000 : undefined;
  return {
    ok: true,
    token: { value, lifetimeMs },
    finding: { diagnosis: 'ok', httpStatus: status, params: {} },
  };
}

/** Sends one token request with one client authentication method. */
export async function sendTokenRequest(
  context: HttpContext,
  tokenUrl: string,
  credentials: ClientCredentials,
  scope: string,
  method: TokenAuthMethod,
): Promise<HttpOutcome> {
  const { headers, body } = buildTokenRequest(credentials, scope, method);
  return exchange(context, tokenUrl, { method: 'POST', headers, body });
}

/**
 * Requests a token, trying the client authentication methods in turn: form-
 * encoded Basic first; then, only when the server answered invalid_client and
 * form-encoding changed the credentials, raw Basic and then the body.
 */
export async function requestToken(
  context: HttpContext,
  tokenUrl: string,
  credentials: ClientCredentials,
  scope: string,
  methods: readonly TokenAuthMethod[] = tokenMethodsFor(credentials),
): Promise<{ result: TokenResult; method: TokenAuthMethod; durationMs: number }> {
  let durationMs = 0;
  let last: { result: TokenResult; method: TokenAuthMethod } | undefined;
  for (const method of methods) {
    const outcome = await sendTokenRequest(context, tokenUrl, credentials, scope, method);
    durationMs += outcome.durationMs;
    const result = processTokenResponse(outcome, tokenUrl);
    last = { result, method };
    if (result.ok || !result.invalidClient) {
      break;
    }
    context.log.info('Token request rejected as invalid_client; trying the next method', {
      method,
    });
  }
  if (last === undefined) {
    throw new Error('requestToken needs at least one method');
  }
  return { ...last, durationMs };
}

export function tokenMethodsFor(credentials: ClientCredentials): TokenAuthMethod[] {
  return encodingChangesCredentials(credentials)
    ? ['basic-form-encoded', 'basic-raw', 'client-secret-post']
    : ['basic-form-encoded'];
}
