import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { isWithinValidity, type SandboxClient } from './clients.ts';
import type { ResolvedOptions } from './options.ts';
import { jsonReply, oauthError, type Reply } from './reply.ts';

/** Scopes of Cobra, lowercased; only `customer` goes with client credentials. */
const CUSTOMER_SCOPE = 'customer';
const SINGLE_SIGN_ON_SCOPE = 'singlesignon';
const MAX_TOKENS = 50_000;

interface IssuedToken {
  clientId: string;
  expiresAt: number;
}

/** Opaque bearer tokens issued by this sandbox, kept in memory only. */
export class TokenStore {
  private readonly tokens = new Map<string, IssuedToken>();

  issue(clientId: string, expiresInSeconds: number, now = Date.now()): string {
    if (this.tokens.size >= MAX_TOKENS) {
      this.prune(now);
    }
    const token = randomBytes(32).toString('base64url');
    this.tokens.set(token, { clientId, expiresAt: now + expiresInSeconds * 1000 });
    return token;
  }

  /** Returns the client id of a token that exists and has not expired. */
  verify(token: string, now = Date.now()): string | undefined {
    const issued = this.tokens.get(token);
    if (issued === undefined || issued.expiresAt <= now) {
      return undefined;
    }
    return issued.clientId;
  }

  private prune(now: number): void {
    for (const [token, issued] of this.tokens) {
      if (issued.expiresAt <= now || this.tokens.size >= MAX_TOKENS) {
        this.tokens.delete(token);
      }
    }
  }
}

/** Decodes one part of Basic credentials as application/x-www-form-urlencoded. */
function formDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

type Credentials = { id: string; secret: string } | { error: Reply };

function readCredentials(
  headers: IncomingHttpHeaders,
  form: URLSearchParams,
  options: ResolvedOptions,
): Credentials {
  const invalidClient = (description: string): Credentials => ({
    error: oauthError(
      options.invalidClientStatus,
      'invalid_client',
      description,
      basicChallenge(options),
    ),
  });
  const authorization = headers.authorization;
  const bodyId = form.get('client_id');

  if (authorization !== undefined && bodyId !== null) {
    return {
      error: oauthError(400, 'invalid_request', 'Use one client authentication method, not both.'),
    };
  }
  if (authorization !== undefined) {
    if (!options.acceptBasicCredentials) {
      return invalidClient('Send the client credentials in the form body.');
    }
    const match = /^Basic +([A-Za-z0-9+/]+={0,2})$/i.exec(authorization.trim());
    if (match === null) {
      return invalidClient('The Authorization header is not valid Basic authentication.');
    }
    const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) {
      return invalidClient('The Basic credentials contain no colon.');
    }
    const rawId = decoded.slice(0, colon);
    const rawSecret = decoded.slice(colon + 1);
    if (options.basicDecoding === 'raw') {
      return { id: rawId, secret: rawSecret };
    }
    const id = formDecode(rawId);
    const secret = formDecode(rawSecret);
    if (id === undefined || secret === undefined) {
      return invalidClient('The Basic credentials are not form-encoded.');
    }
    return { id, secret };
  }
  if (bodyId !== null) {
    if (!options.acceptBodyCredentials) {
      return invalidClient('Send the client credentials with HTTP Basic authentication.');
    }
    return { id: bodyId, secret: form.get('client_secret') ?? '' };
  }
  return invalidClient('The client credentials are missing.');
}

function basicChallenge(options: ResolvedOptions): Record<string, string> {
  return options.invalidClientStatus === 401 ? { 'www-authenticate': 'Basic realm="Cobra"' } : {};
}

function secretMatches(expected: string, received: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(received, 'utf8');
  // SECURITY: constant-time comparison, so response timing does not reveal the secret.
  return a.length === b.length && timingSafeEqual(a, b);
}

function outsideValidity(options: ResolvedOptions): Reply {
  switch (options.clientOutsideValidity) {
    case 'invalid_client_described':
      return oauthError(
        options.invalidClientStatus,
        'invalid_client',
        'The client is not valid on this date.',
        basicChallenge(options),
      );
    case 'unauthorized_client':
      return oauthError(400, 'unauthorized_client', 'The client is not valid on this date.');
    default:
      return oauthError(
        options.invalidClientStatus,
        'invalid_client',
        undefined,
        basicChallenge(options),
      );
  }
}

function checkScope(scope: string | null): Reply | undefined {
  if (scope === null) {
    return undefined;
  }
  const scopes = scope.split(' ');
  if (scopes.some((entry) => entry.toLowerCase() === SINGLE_SIGN_ON_SCOPE)) {
    return oauthError(
      400,
      'invalid_scope',
      'The Singlesignon scope needs the authorization code grant.',
    );
  }
  if (scopes.some((entry) => entry.toLowerCase() !== CUSTOMER_SCOPE)) {
    return oauthError(400, 'invalid_scope', 'The requested scope is invalid; use "customer".');
  }
  return undefined;
}

/**
 * Handles a POST to the token endpoint: client credentials grant with the
 * client authenticated by HTTP Basic or, when allowed, by the form body.
 */
export function handleTokenRequest(
  headers: IncomingHttpHeaders,
  body: string,
  options: ResolvedOptions,
  tokens: TokenStore,
  now = new Date(),
): Reply {
  const contentType = headers['content-type'] ?? '';
  if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(contentType)) {
    return oauthError(
      400,
      'invalid_request',
      'The body must be application/x-www-form-urlencoded.',
    );
  }
  const form = new URLSearchParams(body);
  for (const name of ['grant_type', 'scope', 'client_id', 'client_secret']) {
    if (form.getAll(name).length > 1) {
      return oauthError(400, 'invalid_request', `The parameter ${name} appears more than once.`);
    }
  }

  const credentials = readCredentials(headers, form, options);
  if ('error' in credentials) {
    return credentials.error;
  }
  const client: SandboxClient | undefined = options.clients.find(
    (entry) => entry.id === credentials.id,
  );
  if (client === undefined || !secretMatches(client.secret, credentials.secret)) {
    return oauthError(
      options.invalidClientStatus,
      'invalid_client',
      undefined,
      basicChallenge(options),
    );
  }
  if (!isWithinValidity(client, now.toISOString().slice(0, 10))) {
    return outsideValidity(options);
  }

  const grantType = form.get('grant_type');
  if (grantType === null || grantType === '') {
    return oauthError(400, 'invalid_request', 'The grant_type parameter is missing.');
  }
  if (grantType !== 'client_credentials') {
    return oauthError(400, 'unsupported_grant_type');
  }
  const scopeError = checkScope(form.get('scope'));
  if (scopeError !== undefined) {
    return scopeError;
  }

  const accessToken = tokens.issue(client.id, options.tokenExpiresInSeconds, now.getTime());
  return jsonReply(
    200,
    { access_token: accessToken, token_type: 'bearer', expires_in: options.tokenExpiresInSeconds },
    { 'cache-control': 'no-store', pragma: 'no-cache' },
  );
}
