import type { TokenAuthMethod } from '../../shared/report.ts';
import type { SecretRegistry } from '../log/redact.ts';
import type { HttpContext } from './http.ts';
import {
  requestToken,
  type AccessToken,
  type ClientCredentials,
  type TokenResult,
} from './token.ts';

/** Renew this long before the token expires, or halfway through a shorter lifetime. */
const RENEW_MARGIN_MS = 60_000;

/**
 * Holds the run's access token in memory and nowhere else. Concurrent
 * callers share one token request; the token is renewed shortly before it
 * expires, and at most once after a data call answered 401.
 */
export class TokenSession {
  readonly #context: HttpContext;
  readonly #tokenUrl: string;
  readonly #credentials: ClientCredentials;
  readonly #scope: string;
  readonly #secrets: SecretRegistry | undefined;
  readonly #now: () => number;
  #method: TokenAuthMethod | undefined;
  #token: AccessToken | undefined;
  #expiresAt: number | undefined;
  #pending: Promise<TokenResult> | undefined;
  #renewedAfterUnauthorised = false;

  constructor(options: {
    context: HttpContext;
    tokenUrl: string;
    credentials: ClientCredentials;
    scope: string;
    secrets?: SecretRegistry;
    now?: () => number;
  }) {
    this.#context = options.context;
    this.#tokenUrl = options.tokenUrl;
    this.#credentials = options.credentials;
    this.#scope = options.scope;
    this.#secrets = options.secrets;
    this.#now = options.now ?? Date.now;
  }

  /** The client authentication method that worked, once a token was issued. */
  get method(): TokenAuthMethod | undefined {
    return this.#method;
  }

  /**
   * The first token request, with the fallback between authentication
   * methods. Returns the result and how long it took, for the token probe.
   */
  async start(): Promise<{ result: TokenResult; durationMs: number }> {
    const first = await requestToken(this.#context, this.#tokenUrl, this.#credentials, this.#scope);
    if (first.result.ok) {
      this.#method = first.method;
      this.#store(first.result.token);
    }
    return { result: first.result, durationMs: first.durationMs };
  }

  /** A valid token, renewing it first when it is about to expire. */
  async current(): Promise<TokenResult | { ok: true; token: AccessToken }> {
    if (this.#token !== undefined && !this.#expiresSoon()) {
      return { ok: true, token: this.#token };
    }
    return this.#renew();
  }

  /**
   * Called when a data call with `used` answered 401. Returns a token to
   * retry with, or undefined when a retry cannot help: the session already
   * renewed once after a 401 and `used` is still the current token.
   */
  async afterUnauthorised(
    used: AccessToken,
  ): Promise<TokenResult | { ok: true; token: AccessToken } | undefined> {
    if (this.#token !== undefined && this.#token.value !== used.value) {
      return { ok: true, token: this.#token };
    }
    if (this.#renewedAfterUnauthorised) {
      return this.#pending === undefined ? undefined : this.#pending;
    }
    this.#renewedAfterUnauthorised = true;
    this.#token = undefined;
    return this.#renew();
  }

  /** Forgets the token and unregisters it from redaction. */
  close(): void {
    if (this.#token !== undefined) {
      this.#secrets?.unregister(this.#token.value);
    }
    this.#token = undefined;
  }

  #expiresSoon(): boolean {
    const lifetime = this.#token?.lifetimeMs;
    if (this.#expiresAt === undefined || lifetime === undefined) {
      return false;
    }
    const margin = Math.min(RENEW_MARGIN_MS, lifetime / 2);
    return this.#now() >= this.#expiresAt - margin;
  }

  #renew(): Promise<TokenResult> {
    if (this.#pending === undefined) {
      const methods = this.#method === undefined ? undefined : [this.#method];
      this.#pending = requestToken(
        this.#context,
        this.#tokenUrl,
        this.#credentials,
        this.#scope,
        methods,
      )
        .then(({ result }) => {
          if (result.ok) {
            this.#store(result.token);
          }
          return result;
        })
        .finally(() => {
          this.#pending = undefined;
        });
    }
    return this.#pending;
  }

  #store(token: AccessToken): void {
    if (this.#token !== undefined) {
      this.#secrets?.unregister(this.#token.value);
    }
    // SECURITY: the token is a credential; redaction must mask it in every log line.
    this.#secrets?.register(token.value);
    this.#token = token;
    this.#expiresAt = token.lifetimeMs === undefined ? undefined : this.#now() + token.lifetimeMs;
  }
}
