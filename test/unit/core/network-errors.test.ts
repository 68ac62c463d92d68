import { describe, expect, it } from 'vitest';
import { BAD_PORT, classifyNetworkError } from '../../../src/core/cobra/network-errors.ts';
import { verifyAgainst } from '../../support/verify.ts';

/** A Node system error as undici puts it in the `cause` of "fetch failed". */
function nodeError(code: string, message = `${code} 127.0.0.1`): Error {
  return Object.assign(new Error(message), { code });
}

function fetchFailed(cause: unknown): TypeError {
  return new TypeError('fetch failed', { cause });
}

describe('classifyNetworkError', () => {
  it.each([
    ['ENOTFOUND', 'host-not-found'],
    ['EAI_AGAIN', 'host-not-found'],
    ['ECONNREFUSED', 'connection-refused'],
    ['ECONNRESET', 'connection-reset'],
    ['EPIPE', 'connection-reset'],
    ['ETIMEDOUT', 'connection-timeout'],
    ['ENETUNREACH', 'network-unreachable'],
    ['EHOSTUNREACH', 'network-unreachable'],
    ['UND_ERR_CONNECT_TIMEOUT', 'connection-timeout'],
    ['UND_ERR_HEADERS_TIMEOUT', 'connection-timeout'],
    ['UND_ERR_BODY_TIMEOUT', 'connection-timeout'],
    ['UND_ERR_SOCKET', 'connection-reset'],
    ['UND_ERR_CLOSED', 'connection-reset'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'tls-untrusted'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'tls-untrusted'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'tls-untrusted'],
    ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'tls-untrusted'],
    ['CERT_HAS_EXPIRED', 'tls-untrusted'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls-untrusted'],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'tls-failed'],
    ['EPROTO', 'tls-failed'],
  ])('maps undici cause %s to %s', (code, diagnosis) => {
    expect(classifyNetworkError(fetchFailed(nodeError(code)))).toEqual({ diagnosis, code });
  });

  it.each([
    ['net::ERR_NAME_NOT_RESOLVED', 'host-not-found'],
    ['net::ERR_CONNECTION_REFUSED', 'connection-refused'],
    ['net::ERR_CONNECTION_TIMED_OUT', 'connection-timeout'],
    ['net::ERR_TIMED_OUT', 'connection-timeout'],
    ['net::ERR_CONNECTION_RESET', 'connection-reset'],
    ['net::ERR_CONNECTION_CLOSED', 'connection-reset'],
    ['net::ERR_EMPTY_RESPONSE', 'connection-reset'],
    ['net::ERR_INTERNET_DISCONNECTED', 'network-unreachable'],
    ['net::ERR_CERT_AUTHORITY_INVALID', 'tls-untrusted'],
    ['net::ERR_CERT_COMMON_NAME_INVALID', 'tls-untrusted'],
    ['net::ERR_CERT_DATE_INVALID', 'tls-untrusted'],
    ['net::ERR_SSL_PROTOCOL_ERROR', 'tls-failed'],
    ['net::ERR_PROXY_AUTH_UNSUPPORTED', 'proxy-auth-required'],
    ['net::ERR_PROXY_CONNECTION_FAILED', 'proxy-failed'],
    ['net::ERR_TUNNEL_CONNECTION_FAILED', 'proxy-failed'],
  ])('maps Chromium %s to %s', (message, diagnosis) => {
    const result = classifyNetworkError(new Error(message));
    expect(result.diagnosis).toBe(diagnosis);
    expect(result.code).toBe(message.slice('net::'.length));
  });

  it('maps a timeout signal to connection-timeout', () => {
    const error = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    expect(classifyNetworkError(error).diagnosis).toBe('connection-timeout');
  });

  it('maps undici proxy 407 to proxy-auth-required', () => {
    const error = fetchFailed(
      Object.assign(new Error('Proxy response (407) !== 200 when HTTP Tunneling'), {
        code: 'UND_ERR_ABORTED',
      }),
    );
    expect(classifyNetworkError(error)).toEqual({
      diagnosis: 'proxy-auth-required',
      code: 'PROXY_407',
    });
  });

  it('maps another proxy status to proxy-failed', () => {
    const error = fetchFailed(new Error('Proxy response (502) !== 200 when HTTP Tunneling'));
    expect(classifyNetworkError(error).diagnosis).toBe('proxy-failed');
  });

  it('looks inside AggregateError members', () => {
    const error = fetchFailed(
      new AggregateError([nodeError('ECONNREFUSED'), nodeError('ECONNREFUSED')], 'all failed'),
    );
    expect(classifyNetworkError(error).diagnosis).toBe('connection-refused');
  });

  it('gives an unknown error its own code instead of a guess', () => {
    expect(classifyNetworkError(fetchFailed(new Error('something new')))).toEqual({
      diagnosis: 'network-error',
      code: 'TypeError',
    });
  });

  it('survives a cause cycle', () => {
    const error = new Error('loop') as Error & { cause?: unknown };
    error.cause = error;
    expect(classifyNetworkError(error).diagnosis).toBe('network-error');
  });
});

describe('a port that fetch blocks', () => {
  it.each(['http://127.0.0.1:1', 'http://127.0.0.1:6000'])(
    'says that %s is blocked instead of "failed (TypeError)"',
    async (baseUrl) => {
      const { report } = await verifyAgainst({ baseUrl }, { id: 'id', secret: 'some-secret' });
      const token = report.probes[0]!;
      expect(token).toMatchObject({ diagnosis: 'network-error', detail: BAD_PORT });
      expect(token.message).toContain('port is blocked');
      expect(token.message).not.toContain('TypeError');
    },
  );
});
