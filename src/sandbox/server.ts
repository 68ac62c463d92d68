import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { silentLogger } from '../core/log/logger.ts';
import { createCertificate } from './certificate.ts';
import { DEMO_CLIENTS } from './clients.ts';
import { describeIssues, parseSandboxConfig, runtimeOptionsSchema } from './config.ts';
import { RequestCounters, type RequestRecord } from './counters.ts';
import { generateDataset } from './data.ts';
import { FaultTable, type FaultRule } from './faults.ts';
import { handle, rejectTunnel, signalAborted } from './handler.ts';
import {
  DEFAULT_OPTIONS,
  normalisePathPrefix,
  START_ONLY_OPTIONS,
  type ResolvedOptions,
  type SandboxOptions,
} from './options.ts';
import { odataError } from './reply.ts';
import { baseUrlOf, type SandboxState } from './state.ts';
import { TokenStore } from './token.ts';

export { MAX_BODY_BYTES } from './handler.ts';

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
