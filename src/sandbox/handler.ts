import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import { ADMIN_PREFIX, handleAdminRequest } from './admin.ts';
import type { RequestRecord } from './counters.ts';
import type { DeliveryFault, ReplacingFault } from './faults.ts';
import { faultPage, notFoundPage } from './pages.ts';
import { deliver, oauthError, odataError, type Reply } from './reply.ts';
import { route, targetOf, type Target } from './router.ts';
import type { SandboxState } from './state.ts';

const PROXY_CHALLENGE = 'Basic realm="Cobra sandbox proxy"';

/** Largest request body the sandbox reads; larger ones get 413. */
export const MAX_BODY_BYTES = 64 * 1024;

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage, signal: AbortSignal): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > MAX_BODY_BYTES) {
    throw new BodyTooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req.iterator({ destroyOnReturn: false })) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      throw new BodyTooLarge();
    }
    chunks.push(chunk as Buffer);
    signal.throwIfAborted();
  }
  return Buffer.concat(chunks).toString('utf8');
}

function replacementReply(fault: ReplacingFault, target: Target): Reply | 'reset' {
  switch (fault.kind) {
    case 'reset':
      return 'reset';
    case 'token-missing':
      return notFoundPage();
    case 'html':
      return faultPage(fault.status);
    case 'rate-limit':
      return target === 'token'
        ? oauthError(429, 'temporarily_unavailable', 'Too many requests.', {
            'retry-after': String(fault.retryAfterSeconds),
          })
        : odataError(429, 'Too many requests.', { 'retry-after': String(fault.retryAfterSeconds) });
    default: {
      const headers: Record<string, string> =
        fault.status === 407 ? { 'proxy-authenticate': PROXY_CHALLENGE } : {};
      return target === 'token'
        ? oauthError(
            fault.status,
            fault.status < 500 ? 'invalid_request' : 'server_error',
            undefined,
            headers,
          )
        : odataError(fault.status, 'An error has occurred.', headers);
    }
  }
}

/**
 * Rejects a CONNECT request like a proxy that wants credentials, so a client
 * configured to use the sandbox as its proxy meets HTTP 407. The tunnel is
 * never opened, so no traffic leaves the machine.
 */
export function rejectTunnel(socket: Duplex): void {
  socket.end(
    'HTTP/1.1 407 Proxy Authentication Required\r\n' +
      `Proxy-Authenticate: ${PROXY_CHALLENGE}\r\n` +
      'Content-Length: 0\r\nConnection: close\r\n\r\n',
  );
}

function bodyTooLargeReply(target: Target): Reply {
  const message = `The request body is larger than ${MAX_BODY_BYTES} bytes.`;
  return target === 'token'
    ? oauthError(413, 'invalid_request', message)
    : odataError(413, message);
}

/**
 * Parses the request target. A path is joined to a placeholder origin as text,
 * so `//host/path` stays a path instead of naming another host.
 */
function parseRequestUrl(target: string): URL | undefined {
  try {
    return target.startsWith('/') ? new URL(`http://sandbox.invalid${target}`) : new URL(target);
  } catch {
    return undefined;
  }
}

/** Handles one request: admin endpoints, counters, faults, body limit, then routing. */
export async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  state: SandboxState,
): Promise<void> {
  const url = parseRequestUrl(req.url ?? '/');
  if (url === undefined) {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
    res.end('Bad request: the request target is not a valid URL.');
    return;
  }
  const pathname = url.pathname;
  if (pathname.startsWith(ADMIN_PREFIX)) {
    await handleAdminRequest(req, res, pathname, state);
    return;
  }

  // Counted on arrival, so a client that has its response always finds its request counted.
  const record: RequestRecord = { method: req.method ?? 'GET', path: pathname, status: 0 };
  state.counters.record(record);
  const send = (reply: Reply, fault?: DeliveryFault): Promise<void> => {
    record.status = reply.status;
    return deliver(res, reply, fault, signal);
  };
  const requestAbort = new AbortController();
  res.once('close', () => {
    requestAbort.abort();
    state.logger.debug('Request', { method: record.method, path: pathname, status: record.status });
  });
  const signal = AbortSignal.any([requestAbort.signal, state.closing.signal]);

  const prefix = state.options.pathPrefix;
  const inPrefix =
    prefix === '' ||
    pathname.toLowerCase() === prefix.toLowerCase() ||
    pathname.toLowerCase().startsWith(`${prefix.toLowerCase()}/`);
  const path = inPrefix ? pathname.slice(prefix.length) || '/' : pathname;
  const target = targetOf(path);
  const plan = inPrefix ? state.faults.take(target) : { latencyMs: 0 };

  const latency = state.options.latencyMs + plan.latencyMs;
  if (latency > 0) {
    await delay(latency, undefined, { signal });
  }
  if (plan.replace !== undefined) {
    const reply = replacementReply(plan.replace, target);
    if (reply === 'reset') {
      req.socket.resetAndDestroy();
      return;
    }
    await send({ ...reply, headers: { ...reply.headers, connection: 'close' } });
    return;
  }

  let body: string;
  try {
    body = await readBody(req, signal);
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      const reply = bodyTooLargeReply(target);
      // SECURITY: closing the connection stops a client from streaming an unbounded body.
      await send({ ...reply, headers: { ...reply.headers, connection: 'close' } });
      return;
    }
    throw error;
  }

  const reply = inPrefix ? await route(req, path, url.searchParams, body, state) : notFoundPage();
  await send(reply, plan.delivery);
}

/** Checks whether an error comes from an aborted request or a closing sandbox. */
export function signalAborted(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
