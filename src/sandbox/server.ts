import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import { silentLogger, type Logger } from '../core/log/logger.ts';
import { handleAdminRequest, ADMIN_PREFIX } from './admin.ts';
import { createCertificate } from './certificate.ts';
import { DEMO_CLIENTS } from './clients.ts';
import { parseSandboxConfig, runtimeOptionsSchema, describeIssues } from './config.ts';
import { RequestCounters, type RequestRecord } from './counters.ts';
import { generateDataset, type Dataset } from './data.ts';
import { FaultTable, type DeliveryFault, type FaultRule, type ReplacingFault } from './faults.ts';
import {
  metadataDocument,
  routeODataPath,
  serviceDocument,
  handleResourceRequest,
} from './odata.ts';
import {
  DEFAULT_OPTIONS,
  normalisePathPrefix,
  START_ONLY_OPTIONS,
  type ResolvedOptions,
  type SandboxOptions,
} from './options.ts';
import { documentationPage, faultPage, notFoundPage } from './pages.ts';
import { deliver, htmlReply, oauthError, odataError, type Reply } from './reply.ts';
import { handleTokenRequest, TokenStore } from './token.ts';
import { QueryError } from './filter.ts';

const PROXY_CHALLENGE = 'Basic realm="Cobra sandbox proxy"';

/** Largest request body the sandbox reads; larger ones get 413. */
export const MAX_BODY_BYTES = 64 * 1024;

export interface Sandbox {
  /** Environment base URL, such as http://127.0.0.1:PORT, plus the path prefix. */
  baseUrl: string;
  port: number;
  /** The self-signed certificate in HTTPS mode, for clients that should trust it. */
  caCertificatePem?: string;
  requestCount(filter?: { path?: string; method?: string }): number;
  requests(): RequestRecord[];
  resetCounters(): void;
  setFaults(faults: FaultRule[]): void;
  /** Changes switches while running; host, port, https, seed and employeeCount are start-only. */
  setOptions(patch: Partial<SandboxOptions>): void;
  close(): Promise<void>;
}

/** Part of the API that a request targets, as fault rules name it. */
type Target = 'token' | 'odata' | 'pages' | string;

/** The shared state of one running sandbox. */
export interface SandboxState {
  options: ResolvedOptions;
  origin: string;
  data: Dataset;
  tokens: TokenStore;
  faults: FaultTable;
  counters: RequestCounters;
  logger: Logger;
  closing: AbortController;
  applyOptions(patch: Partial<SandboxOptions>): void;
}

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

function baseUrlOf(state: SandboxState): string {
  return `${state.origin}${state.options.pathPrefix}`;
}

/** Names the target of a path below the prefix, for fault rules. */
function targetOf(path: string): Target {
  if (path.toLowerCase() === '/oauth/token') {
    return 'token';
  }
  const odata = /^\/odata\/([A-Za-z]+)/.exec(path);
  if (odata !== null && !odata[1]!.startsWith('$')) {
    return odata[1]!;
  }
  return path.startsWith('/odata') ? 'odata' : 'pages';
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
 * Answers a CONNECT request like a proxy that wants credentials, so a client
 * configured to use the sandbox as its proxy meets HTTP 407. The tunnel is
 * never opened, so no traffic leaves the machine.
 */
function rejectTunnel(socket: Duplex): void {
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

/** Finds the client behind a bearer token; a reply when there is none. */
function authenticate(req: IncomingMessage, state: SandboxState): Reply | { clientId: string } {
  const match = /^Bearer +(\S+)$/i.exec(req.headers.authorization?.trim() ?? '');
  if (match === null) {
    return odataError(401, 'Authorization has been denied for this request.', {
      'www-authenticate': 'Bearer',
    });
  }
  const clientId = state.tokens.verify(match[1]!);
  if (clientId === undefined) {
    return odataError(401, 'Authorization has been denied for this request.', {
      'www-authenticate': 'Bearer error="invalid_token"',
    });
  }
  return { clientId };
}

async function route(
  req: IncomingMessage,
  path: string,
  params: URLSearchParams,
  body: string,
  state: SandboxState,
): Promise<Reply> {
  const method = req.method ?? 'GET';
  const lower = path.toLowerCase();
  const readOnly = method === 'GET' || method === 'HEAD';

  if (lower === '/oauth/token') {
    if (method !== 'POST') {
      return oauthError(405, 'invalid_request', 'The token endpoint accepts POST only.', {
        allow: 'POST',
      });
    }
    return handleTokenRequest(req.headers, body, state.options, state.tokens);
  }
  const page =
    lower === '/home/authentication'
      ? 'authentication'
      : lower === '/resources'
        ? 'resources'
        : lower === '/'
          ? 'home'
          : undefined;
  if (page !== undefined) {
    return readOnly
      ? documentationPage(page)
      : {
          ...htmlReply(405, 'Method not allowed', [`${method} is not allowed here.`]),
          headers: { 'content-type': 'text/html; charset=utf-8', allow: 'GET, HEAD' },
        };
  }
  if (lower !== '/odata' && !lower.startsWith('/odata/')) {
    return notFoundPage();
  }

  const segment = path.slice('/odata/'.length);
  const odataRoute = segment === '' || segment === '$metadata' ? segment : routeODataPath(segment);
  const hidden =
    typeof odataRoute === 'object' &&
    'resource' in odataRoute &&
    state.options.hiddenResources.includes(odataRoute.resource.name);
  if (odataRoute === undefined || hidden) {
    return odataError(
      404,
      `No HTTP resource was found that matches the request URI '${baseUrlOf(state)}${path}'.`,
    );
  }
  const auth = authenticate(req, state);
  if ('status' in auth) {
    return auth;
  }
  const client = state.options.clients.find((entry) => entry.id === auth.clientId);
  if (client === undefined) {
    return odataError(401, 'Authorization has been denied for this request.', {
      'www-authenticate': 'Bearer error="invalid_token"',
    });
  }
  if (odataRoute instanceof QueryError) {
    return odataError(400, odataRoute.message);
  }
  if (typeof odataRoute === 'string') {
    if (!readOnly) {
      return odataError(405, `${method} is not supported here.`, { allow: 'GET, HEAD' });
    }
    return odataRoute === ''
      ? serviceDocument(baseUrlOf(state), state.options.hiddenResources)
      : metadataDocument();
  }
  return handleResourceRequest(
    method,
    odataRoute,
    params,
    client,
    state.data,
    state.options,
    baseUrlOf(state),
  );
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

async function handle(
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

function resolveOptions(options: SandboxOptions): ResolvedOptions {
  const { logger: _logger, ...rest } = options;
  const checked = parseSandboxConfig(rest);
  const resolved: ResolvedOptions = { ...DEFAULT_OPTIONS, clients: Object.values(DEMO_CLIENTS) };
  Object.assign(
    resolved,
    Object.fromEntries(Object.entries(checked).filter(([, value]) => value !== undefined)),
  );
  resolved.pathPrefix = normalisePathPrefix(resolved.pathPrefix);
  if ('pageSize' in checked) {
    resolved.pageSize = checked.pageSize;
  }
  return resolved;
}

/** Starts a Cobra API sandbox on loopback and resolves once it accepts connections. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const resolved = resolveOptions(options);
  const logger = options.logger ?? silentLogger;
  const certificate = resolved.https ? await createCertificate() : undefined;

  const state: SandboxState = {
    options: resolved,
    origin: '',
    data: generateDataset(resolved.seed, resolved.employeeCount, resolved.extraOrganizations),
    tokens: new TokenStore(),
    faults: new FaultTable(),
    counters: new RequestCounters(),
    logger,
    closing: new AbortController(),
    applyOptions: (patch) => applyRuntimeOptions(state, patch),
  };
  state.faults.set(resolved.faults);

  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res, state).catch((error: unknown) => {
      if (signalAborted(error) || req.destroyed) {
        // The client went away or the sandbox is closing: nobody is left to answer.
        res.destroy();
        return;
      }
      logger.error('Sandbox request failed', {
        method: req.method,
        path: req.url,
        error: String(error),
      });
      if (!res.headersSent) {
        const reply = odataError(500, 'An error has occurred.');
        res.writeHead(reply.status, reply.headers).end(reply.body);
      } else {
        res.destroy();
      }
    });
  };
  const server: Server =
    certificate === undefined
      ? createHttpServer(listener)
      : createHttpsServer({ key: certificate.key, cert: certificate.cert }, listener);
  const sockets = new Set<Socket>();
  server.on('connect', (req: IncomingMessage, socket: Duplex) => {
    state.counters.record({ method: 'CONNECT', path: req.url ?? '', status: 407 });
    rejectTunnel(socket);
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // SECURITY: loopback only, so the sandbox and its demo credentials are never reachable from the network.
    server.listen(resolved.port, resolved.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : resolved.port;
  const host = resolved.host === '::1' ? '[::1]' : resolved.host;
  state.origin = `${certificate === undefined ? 'http' : 'https'}://${host}:${port}`;
  logger.info('Sandbox started', { url: baseUrlOf(state) });

  let closed: Promise<void> | undefined;
  const sandbox: Sandbox = {
    get baseUrl() {
      return baseUrlOf(state);
    },
    port,
    requestCount: (filter) => state.counters.count(filter, state.options.pathPrefix),
    requests: () => state.counters.list(),
    resetCounters: () => state.counters.reset(),
    setFaults: (faults) => state.applyOptions({ faults }),
    setOptions: (patch) => state.applyOptions(patch),
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        state.closing.abort();
        server.close(() => resolve());
        for (const socket of sockets) {
          socket.destroy();
        }
      }).then(() => logger.info('Sandbox stopped', { url: baseUrlOf(state) }));
      return closed;
    },
  };
  if (certificate !== undefined) {
    sandbox.caCertificatePem = certificate.cert;
  }
  return sandbox;
}

function signalAborted(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/** Validates and applies a runtime options patch; throws a TypeError naming a bad field. */
function applyRuntimeOptions(state: SandboxState, patch: Partial<SandboxOptions>): void {
  for (const name of START_ONLY_OPTIONS) {
    if (patch[name] !== undefined) {
      throw new TypeError(`The option ${name} can only be set when the sandbox starts.`);
    }
  }
  const { logger: _logger, ...rest } = patch;
  const result = runtimeOptionsSchema.safeParse(rest);
  if (!result.success) {
    throw new TypeError(`Invalid sandbox options:\n${describeIssues(result.error)}`);
  }
  const checked = result.data;
  for (const [name, value] of Object.entries(checked)) {
    if (value !== undefined) {
      Object.assign(state.options, { [name]: value });
    }
  }
  if ('pageSize' in patch) {
    state.options.pageSize = checked.pageSize;
  }
  if (checked.pathPrefix !== undefined) {
    state.options.pathPrefix = normalisePathPrefix(checked.pathPrefix);
  }
  if (checked.faults !== undefined) {
    state.faults.set(checked.faults);
  }
}
