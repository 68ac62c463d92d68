import type { DiagnosisCode } from '../../shared/report.ts';
import type { Logger } from '../log/logger.ts';
import { AdaptiveLimiter } from './limiter.ts';
import { classifyNetworkError } from './network-errors.ts';

/** Bodies beyond this are cut off: a probe needs one row, not a whole entity set. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** A complete HTTP response, with its body read as text. */
export interface HttpResponse {
  kind: 'response';
  status: number;
  headers: Headers;
  contentType: string;
  body: string;
  /** True when the body was longer than MAX_BODY_BYTES and was cut off. */
  truncated: boolean;
}

export interface HttpNetworkFailure {
  kind: 'network-error';
  diagnosis: DiagnosisCode;
  code: string;
}

export type HttpOutcome = (HttpResponse | HttpNetworkFailure | { kind: 'cancelled' }) & {
  /** Requests sent for this exchange, retries included. */
  attempts: number;
  durationMs: number;
};

export interface RetryPolicy {
  /** Attempts per exchange, the first one included. */
  maxAttempts: number;
  /** Longest Retry-After honoured; a longer one ends the retries. */
  maxRetryDelayMs: number;
  /** Wait before retrying a 502, 503 or timeout without Retry-After; doubles each time. */
  baseDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 3,
  maxRetryDelayMs: 30_000,
  baseDelayMs: 250,
};

/** Shared state of the requests of one run. */
export interface HttpContext {
  fetch: typeof fetch;
  limiter: AdaptiveLimiter;
  /** Aborts the whole run. */
  signal: AbortSignal;
  timeoutMs: number;
  retry: RetryPolicy;
  log: Logger;
  /** Called once per request sent, before it is sent. */
  onRequest(url: string): void;
}

const RETRIED_STATUSES = new Set([429, 502, 503]);

/** Builds the context of a run from its options, with defaults for the rest. */
export function createHttpContext(options: {
  fetch: typeof fetch;
  concurrency: number;
  timeoutMs: number;
  retry?: Partial<RetryPolicy>;
  signal?: AbortSignal;
  log: Logger;
  onRequest?: (url: string) => void;
}): HttpContext {
  return {
    fetch: options.fetch,
    limiter: new AdaptiveLimiter(options.concurrency),
    signal: options.signal ?? new AbortController().signal,
    timeoutMs: options.timeoutMs,
    retry: { ...DEFAULT_RETRY_POLICY, ...options.retry },
    log: options.log,
    onRequest: options.onRequest ?? (() => undefined),
  };
}

/**
 * Sends one request with the run's limits: a slot from the limiter, a
 * per-request timeout that also covers reading the body, and bounded retries
 * for 429, 502, 503 and timeouts only. Redirects are returned, never
 * followed. Never throws for network failures or cancellation.
 */
export async function exchange(
  context: HttpContext,
  url: string,
  init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: string },
): Promise<HttpOutcome> {
  // Time spent on the wire and waiting between retries, not waiting for a slot.
  let durationMs = 0;
  let attempts = 0;
  for (;;) {
    attempts += 1;
    const { outcome, elapsedMs } = await attemptOnce(context, url, init);
    durationMs += elapsedMs;
    const finish = (): HttpOutcome => ({
      ...outcome,
      attempts,
      durationMs: Math.round(durationMs),
    });
    if (outcome.kind === 'cancelled' || attempts >= context.retry.maxAttempts) {
      return finish();
    }

    const delay = retryDelay(context.retry, outcome, attempts);
    if (delay === undefined) {
      return finish();
    }
    context.log.info('Retrying request', {
      url,
      attempt: attempts,
      reason: outcome.kind === 'response' ? outcome.status : outcome.code,
      delayMs: delay,
    });
    const sleepStarted = performance.now();
    try {
      await sleep(delay, context.signal);
    } catch {
      return { kind: 'cancelled', attempts, durationMs: Math.round(durationMs) };
    }
    durationMs += performance.now() - sleepStarted;
  }
}

type AttemptOutcome = HttpResponse | HttpNetworkFailure | { kind: 'cancelled' };

async function attemptOnce(
  context: HttpContext,
  url: string,
  init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: string },
): Promise<{ outcome: AttemptOutcome; elapsedMs: number }> {
  try {
    await context.limiter.acquire(context.signal);
  } catch {
    return { outcome: { kind: 'cancelled' }, elapsedMs: 0 };
  }
  const started = performance.now();
  const done = (outcome: AttemptOutcome) => ({ outcome, elapsedMs: performance.now() - started });

  let succeeded = false;
  const signal = AbortSignal.any([context.signal, AbortSignal.timeout(context.timeoutMs)]);
  try {
    context.onRequest(url);
    const response = await context.fetch(url, {
      method: init.method,
      headers: init.headers,
      body: init.body,
      // SECURITY: a redirect could carry the credentials or the token to another host.
      redirect: 'manual',
      signal,
    });
    const { text, truncated } = await readBody(response, MAX_BODY_BYTES);
    if (response.status === 429) {
      // A Retry-After longer than the run waits ends this probe's retries, so
      // it must not hold back the other probes either.
      const requested = retryAfterMs(response.headers) ?? context.retry.baseDelayMs;
      context.limiter.rateLimited(requested <= context.retry.maxRetryDelayMs ? requested : 0);
    } else {
      succeeded = response.status < 500;
    }
    return done({
      kind: 'response',
      status: response.status,
      headers: response.headers,
      contentType: response.headers.get('content-type') ?? '',
      body: text,
      truncated,
    });
  } catch (error) {
    if (context.signal.aborted) {
      return done({ kind: 'cancelled' });
    }
    const failure = classifyNetworkError(error);
    context.log.debug('Request failed', { url, code: failure.code, diagnosis: failure.diagnosis });
    return done({ kind: 'network-error', ...failure });
  } finally {
    context.limiter.release(succeeded);
  }
}

/** How long to wait before the next attempt, or undefined when it must not be retried. */
function retryDelay(
  policy: RetryPolicy,
  outcome: AttemptOutcome,
  attempt: number,
): number | undefined {
  const backoff = policy.baseDelayMs * 2 ** (attempt - 1);
  if (outcome.kind === 'network-error') {
    return outcome.diagnosis === 'connection-timeout' ? backoff : undefined;
  }
  if (outcome.kind !== 'response' || !RETRIED_STATUSES.has(outcome.status)) {
    return undefined;
  }
  const requested = retryAfterMs(outcome.headers);
  if (requested === undefined) {
    return backoff;
  }
  return requested <= policy.maxRetryDelayMs ? requested : undefined;
}

/** Retry-After as delay-seconds or an HTTP date, in milliseconds from now. */
export function retryAfterMs(headers: Headers, now: number = Date.now()): number | undefined {
  const value = headers.get('retry-after')?.trim();
  if (value === undefined || value === '') {
    return undefined;
  }
  if (/^\d+$/.test(value)) {
    return Number(value) * 1000;
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Reads a body as UTF-8 text, stopping after `maxBytes`. */
async function readBody(
  response: Response,
  maxBytes: number,
): Promise<{ text: string; truncated: boolean }> {
  if (response.body === null) {
    return { text: '', truncated: false };
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      return { text: text + decoder.decode(), truncated: false };
    }
    const room = maxBytes - bytes;
    if (value.byteLength > room) {
      text += decoder.decode(value.subarray(0, room));
      await reader.cancel();
      return { text, truncated: true };
    }
    bytes += value.byteLength;
    text += decoder.decode(value, { stream: true });
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
