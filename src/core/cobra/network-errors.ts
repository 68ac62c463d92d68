import type { DiagnosisCode } from '../../shared/report.ts';

/** Diagnosis of a failed fetch, with the low-level code it came from. */
export interface NetworkFailure {
  diagnosis: DiagnosisCode;
  /** The error code or Chromium error name that decided it, e.g. `ENOTFOUND`. */
  code: string;
}

/**
 * Error codes from Node (`err.code` on the error or its causes, as undici
 * reports them) and Chromium's `net::ERR_*` names (in the message of an
 * Electron `net.fetch` error), mapped to a diagnosis. Exact names first;
 * the prefix rules below catch the families.
 */
const EXACT_CODES: Readonly<Record<string, DiagnosisCode>> = {
  ENOTFOUND: 'host-not-found',
  EAI_AGAIN: 'host-not-found',
  EAI_NONAME: 'host-not-found',
  ERR_NAME_NOT_RESOLVED: 'host-not-found',
  ERR_NAME_RESOLUTION_FAILED: 'host-not-found',

  ECONNREFUSED: 'connection-refused',
  ERR_CONNECTION_REFUSED: 'connection-refused',

  ETIMEDOUT: 'connection-timeout',
  ESOCKETTIMEDOUT: 'connection-timeout',
  UND_ERR_CONNECT_TIMEOUT: 'connection-timeout',
  UND_ERR_HEADERS_TIMEOUT: 'connection-timeout',
  UND_ERR_BODY_TIMEOUT: 'connection-timeout',
  TimeoutError: 'connection-timeout',
  ERR_CONNECTION_TIMED_OUT: 'connection-timeout',
  ERR_TIMED_OUT: 'connection-timeout',

  ECONNRESET: 'connection-reset',
  EPIPE: 'connection-reset',
  UND_ERR_SOCKET: 'connection-reset',
  UND_ERR_CLOSED: 'connection-reset',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'connection-reset',
  ERR_CONNECTION_RESET: 'connection-reset',
  ERR_CONNECTION_CLOSED: 'connection-reset',
  ERR_CONNECTION_ABORTED: 'connection-reset',
  ERR_EMPTY_RESPONSE: 'connection-reset',
  ERR_CONTENT_LENGTH_MISMATCH: 'connection-reset',
  ERR_INCOMPLETE_CHUNKED_ENCODING: 'connection-reset',

  ENETUNREACH: 'network-unreachable',
  EHOSTUNREACH: 'network-unreachable',
  ENETDOWN: 'network-unreachable',
  ERR_INTERNET_DISCONNECTED: 'network-unreachable',
  ERR_ADDRESS_UNREACHABLE: 'network-unreachable',
  ERR_NETWORK_CHANGED: 'network-unreachable',

  DEPTH_ZERO_SELF_SIGNED_CERT: 'tls-untrusted',
  SELF_SIGNED_CERT_IN_CHAIN: 'tls-untrusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'tls-untrusted',
  UNABLE_TO_GET_ISSUER_CERT: 'tls-untrusted',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'tls-untrusted',
  CERT_HAS_EXPIRED: 'tls-untrusted',
  CERT_NOT_YET_VALID: 'tls-untrusted',
  CERT_UNTRUSTED: 'tls-untrusted',
  CERT_REVOKED: 'tls-untrusted',
  ERR_TLS_CERT_ALTNAME_INVALID: 'tls-untrusted',

  EPROTO: 'tls-failed',
  ERR_SSL_WRONG_VERSION_NUMBER: 'tls-failed',
  ERR_SSL_PROTOCOL_ERROR: 'tls-failed',
  ERR_SSL_VERSION_OR_CIPHER_MISMATCH: 'tls-failed',

  ERR_PROXY_AUTH_REQUESTED: 'proxy-auth-required',
  ERR_PROXY_AUTH_UNSUPPORTED: 'proxy-auth-required',
  ERR_PROXY_CONNECTION_FAILED: 'proxy-failed',
  ERR_TUNNEL_CONNECTION_FAILED: 'proxy-failed',
  ERR_PROXY_CERTIFICATE_INVALID: 'tls-untrusted',
  ERR_UNSAFE_PORT: 'network-error',
};

const PREFIX_RULES: readonly [RegExp, DiagnosisCode][] = [
  [/^ERR_CERT_/, 'tls-untrusted'],
  [/^ERR_SSL_/, 'tls-failed'],
  [/^ERR_PROXY_/, 'proxy-failed'],
  [/^ERR_TLS_/, 'tls-failed'],
];

/** The code of a request that the Fetch API refused to send because of its port. */
export const BAD_PORT = 'BAD_PORT';

/** Chromium reports network errors as text such as "net::ERR_NAME_NOT_RESOLVED". */
const CHROMIUM_ERROR = /net::(ERR_[A-Z0-9_]+)/;
/** undici's ProxyAgent reports a failed CONNECT as "Proxy response (407) !== 200 ...". */
const UNDICI_PROXY_STATUS = /Proxy response \((\d{3})\)/;

/**
 * Classifies an error thrown by a Fetch API implementation (undici or
 * Electron's net.fetch) while sending a request or reading its body. Looks
 * through `cause` chains and AggregateError members; unknown errors get
 * `network-error`, never a guess.
 */
export function classifyNetworkError(error: unknown): NetworkFailure {
  for (const candidate of errorChain(error)) {
    // The Fetch standard blocks some ports (1, 6000, 6667 and others); undici says "bad port".
    if (candidate.message === 'bad port') {
      return { diagnosis: 'network-error', code: BAD_PORT };
    }
    const proxyStatus = UNDICI_PROXY_STATUS.exec(candidate.message)?.[1];
    if (proxyStatus !== undefined) {
      const diagnosis = proxyStatus === '407' ? 'proxy-auth-required' : 'proxy-failed';
      return { diagnosis, code: `PROXY_${proxyStatus}` };
    }
    for (const code of codesOf(candidate)) {
      const diagnosis = diagnosisForCode(code);
      if (diagnosis !== undefined) {
        return { diagnosis, code };
      }
    }
  }
  const first = errorChain(error)[0];
  return { diagnosis: 'network-error', code: first?.code ?? first?.name ?? 'unknown' };
}

export function diagnosisForCode(code: string): DiagnosisCode | undefined {
  const exact = EXACT_CODES[code];
  if (exact !== undefined) {
    return exact;
  }
  return PREFIX_RULES.find(([pattern]) => pattern.test(code))?.[1];
}

interface ErrorLike {
  name: string;
  message: string;
  code: string | undefined;
}

function codesOf(error: ErrorLike): string[] {
  const codes: string[] = [];
  if (error.code !== undefined) {
    codes.push(error.code);
  }
  const chromium = CHROMIUM_ERROR.exec(error.message)?.[1];
  if (chromium !== undefined) {
    codes.push(chromium);
  }
  codes.push(error.name);
  return codes;
}

/** Collects the error, its causes and AggregateError members, breadth-first and bounded. */
function errorChain(error: unknown): ErrorLike[] {
  const chain: ErrorLike[] = [];
  const pending: unknown[] = [error];
  const seen = new Set<unknown>();
  while (pending.length > 0 && chain.length < 16) {
    const current = pending.shift();
    if (current === null || typeof current !== 'object' || seen.has(current)) {
      continue;
    }
    seen.add(current);
    const record = current as { name?: unknown; message?: unknown; code?: unknown };
    chain.push({
      name: typeof record.name === 'string' ? record.name : '',
      message: typeof record.message === 'string' ? record.message : '',
      code: typeof record.code === 'string' ? record.code : undefined,
    });
    const cause = (current as { cause?: unknown }).cause;
    if (cause !== undefined) {
      pending.push(cause);
    }
    const members = (current as { errors?: unknown }).errors;
    if (Array.isArray(members)) {
      pending.push(...members);
    }
  }
  return chain;
}
