import type { LookupFunction } from 'node:net';
import { getCACertificates } from 'node:tls';
import { EnvHttpProxyAgent, fetch as undiciFetch, type Dispatcher } from 'undici';

export interface NodeFetchOptions {
  /** Proxy variables (HTTP_PROXY, HTTPS_PROXY, NO_PROXY, also lowercase); default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Extra trusted CA certificates (PEM), for example a test server's own certificate. */
  extraCaCertificates?: readonly string[];
  /** Replaces DNS resolution, as `lookup` of net.connect; tests use it to fail lookups offline. */
  lookup?: LookupFunction;
}

/**
 * Creates the Fetch API for the CLI, tests and benchmarks: undici's fetch
 * that trusts Node's CA list plus the operating system's certificate store,
 * and sends requests through the proxy that HTTP_PROXY, HTTPS_PROXY and
 * NO_PROXY name. The app uses Electron's net.fetch instead, which does
 * both through Chromium.
 */
export function createNodeFetch(options: NodeFetchOptions = {}): {
  fetch: typeof fetch;
  close(): Promise<void>;
} {
  const env = options.env ?? process.env;
  const dispatcher = new EnvHttpProxyAgent({
    httpProxy: env['http_proxy'] ?? env['HTTP_PROXY'],
    httpsProxy: env['https_proxy'] ?? env['HTTPS_PROXY'],
    noProxy: env['no_proxy'] ?? env['NO_PROXY'],
    connect: {
      ca: trustedCertificates(options.extraCaCertificates ?? []),
      ...(options.lookup === undefined ? {} : { lookup: options.lookup }),
    },
  });
  const fetchWithDispatcher = ((input: string | URL | Request, init?: RequestInit) =>
    undiciFetch(input as Parameters<typeof undiciFetch>[0], {
      ...(init as Parameters<typeof undiciFetch>[1]),
      dispatcher: dispatcher as Dispatcher,
    })) as unknown as typeof fetch;
  return { fetch: fetchWithDispatcher, close: () => dispatcher.close() };
}

/**
 * Lists Node's default CA certificates (the bundled Mozilla list and
 * NODE_EXTRA_CA_CERTS) plus the system store. Corporate networks that inspect
 * TLS install their own root in the system store, which Node's fetch ignores
 * by default. `tls.getCACertificates` reads both (Node 22.15 and later).
 */
export function trustedCertificates(extra: readonly string[]): string[] {
  const certificates = new Set<string>(getCACertificates('default'));
  try {
    for (const certificate of getCACertificates('system')) {
      certificates.add(certificate);
    }
  } catch {
    // No readable system store: the default list still applies.
  }
  for (const certificate of extra) {
    certificates.add(certificate);
  }
  return [...certificates];
}
