import type { Logger } from '../core/log/logger.ts';
import type { SandboxClient } from './clients.ts';
import type { FaultRule } from './faults.ts';

/** How the token endpoint reads the user name and password of HTTP Basic. */
export type BasicDecoding = 'form' | 'raw';

/**
 * What the token endpoint returns for a known client outside its start and
 * end date. Cobra's answer is unknown, so each plausible variant is playable:
 * - `invalid_client`: exactly what a wrong id or secret gets (the assumption);
 * - `invalid_client_described`: `invalid_client` with its own error_description;
 * - `unauthorized_client`: the RFC 6749 code for a client that may not use the grant.
 */
export type ValidityAnswer = 'invalid_client' | 'invalid_client_described' | 'unauthorized_client';

export interface SandboxOptions {
  /** Loopback address to listen on; default 127.0.0.1. */
  host?: '127.0.0.1' | '::1';
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Seed of the synthetic data; the same seed gives the same rows. Default 1. */
  seed?: number;
  /** Serve HTTPS with a self-signed certificate generated at start. */
  https?: boolean;
  /** Path before every endpoint, such as '/v3' for a legacy base URL. */
  pathPrefix?: string;
  /** Delay in milliseconds added before every response. */
  latencyMs?: number;
  /** `expires_in` of issued tokens, in seconds; 0 issues tokens that are already expired. */
  tokenExpiresInSeconds?: number;
  /** Whether Basic credentials are form-decoded (RFC 6749 section 2.3.1) or used as sent. */
  basicDecoding?: BasicDecoding;
  /** Whether `client_id` and `client_secret` in the form body authenticate a client. */
  acceptBodyCredentials?: boolean;
  /** HTTP status of a token error for a client that failed to authenticate. */
  invalidClientStatus?: 400 | 401;
  /** Token endpoint answer for a client outside its start and end date. */
  clientOutsideValidity?: ValidityAnswer;
  /** HTTP status of a call to a resource the client has no grant for. */
  unauthorisedStatus?: 401 | 403;
  /** Resources that answer 404, as on a Cobra version without them. */
  hiddenResources?: string[];
  /** Maximum rows per response, followed by `odata.nextLink`; undefined returns every row. */
  pageSize?: number;
  /** Number of employees spread over the organisations that have employees. */
  employeeCount?: number;
  /** Organisations without employees added after the demo ones, numbered from 50001; default 0. */
  extraOrganizations?: number;
  /** Whether HTTP Basic authenticates a client; false accepts body credentials only. */
  acceptBasicCredentials?: boolean;
  faults?: FaultRule[];
  /** API clients that can get a token; default: the demo clients. */
  clients?: SandboxClient[];
  /** Receives start, stop and error lines; default: silent. */
  logger?: Logger;
}

/** Options with every default filled in. */
export type ResolvedOptions = Required<Omit<SandboxOptions, 'pageSize' | 'logger'>> & {
  pageSize: number | undefined;
};

export const DEFAULT_OPTIONS: ResolvedOptions = {
  host: '127.0.0.1',
  port: 0,
  seed: 1,
  https: false,
  pathPrefix: '',
  latencyMs: 0,
  tokenExpiresInSeconds: 3600,
  // Cobra is assumed to run on ASP.NET OWIN, whose Basic parser does not
  // form-decode, so raw is the default and `form` the variant.
  basicDecoding: 'raw',
  acceptBodyCredentials: true,
  invalidClientStatus: 400,
  clientOutsideValidity: 'invalid_client',
  unauthorisedStatus: 403,
  pageSize: undefined,
  hiddenResources: [],
  employeeCount: 25,
  extraOrganizations: 0,
  acceptBasicCredentials: true,
  faults: [],
  clients: [],
};

/** Options that only take effect when the server starts. */
export const START_ONLY_OPTIONS = [
  'host',
  'port',
  'https',
  'seed',
  'employeeCount',
  'extraOrganizations',
] as const;

/** Normalises a path prefix to '' or '/segment' without a trailing slash. */
export function normalisePathPrefix(prefix: string): string {
  const trimmed = prefix.trim().replace(/\/+$/, '');
  if (trimmed === '') {
    return '';
  }
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}
