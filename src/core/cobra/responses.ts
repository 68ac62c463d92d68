import type { DiagnosisCode } from '../../shared/report.ts';
import { escapeControlCharacters } from '../../shared/text.ts';
import type { HttpOutcome, HttpResponse } from './http.ts';
import { BAD_PORT } from './network-errors.ts';

/** The diagnosis of one probe, before it is translated into a message. */
export interface Finding {
  diagnosis: DiagnosisCode;
  httpStatus: number | null;
  /** Fills the message; `context` picks a variant of it (`<code>_<context>`). */
  params: Record<string, string | number>;
  /** Content type and the start of an unexpected body. */
  detail?: string;
}

const BODY_START_CHARS = 200;

export function isJson(response: HttpResponse): boolean {
  return /\bjson\b/i.test(response.contentType);
}

/** True for HTML pages: proxy block pages, login pages, IIS error pages. */
export function isHtml(response: HttpResponse): boolean {
  if (/\bhtml\b/i.test(response.contentType)) {
    return true;
  }
  return /^\s*(<!doctype html|<html|<head|<body)/i.test(response.body);
}

/** The first characters of a body on one line, for messages about unexpected replies. */
export function bodyStart(body: string): string {
  // A server body can contain any byte; escaped, it cannot drive a terminal,
  // and the report stays exportable (the sealed-file manifest rejects controls).
  const oneLine = escapeControlCharacters(body.replace(/\s+/g, ' ').trim());
  return oneLine.length > BODY_START_CHARS ? `${oneLine.slice(0, BODY_START_CHARS)}…` : oneLine;
}

/** Parses a JSON body; undefined when it is not JSON or not an object. */
export function parseJsonObject(body: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** A finding for a reply that is not what the protocol promises. */
export function unexpected(
  response: HttpResponse,
  context: string,
  diagnosis: DiagnosisCode = 'unexpected-response',
  extra: Record<string, string | number> = {},
): Finding {
  const start = bodyStart(response.body);
  const contentType = response.contentType === '' ? '(none)' : response.contentType;
  return {
    diagnosis,
    httpStatus: response.status,
    params: {
      context,
      status: response.status,
      contentType,
      bodyStart: start === '' ? '(empty)' : start,
      ...extra,
    },
    detail: `HTTP ${response.status}, ${contentType}: ${start}`.slice(0, 500),
  };
}

/** Findings for network failures and cancellation, which look alike for every probe. */
export function transportFinding(
  outcome: Exclude<HttpOutcome, HttpResponse & { attempts: number }>,
  host: string,
): Finding {
  if (outcome.kind === 'cancelled') {
    return { diagnosis: 'cancelled', httpStatus: null, params: {} };
  }
  const blockedPort = outcome.code === BAD_PORT || outcome.code === 'ERR_UNSAFE_PORT';
  return {
    diagnosis: outcome.diagnosis,
    httpStatus: null,
    params: { host, code: outcome.code, ...(blockedPort ? { context: 'bad-port' } : {}) },
    detail: outcome.code,
  };
}

/**
 * Findings shared by token and data calls: proxy authentication, rate
 * limiting after the retries, server errors and redirects.
 */
export function commonStatusFinding(response: HttpResponse, host: string): Finding | undefined {
  const status = response.status;
  // NOTE: undici's fetch follows the Fetch standard and turns a 407 into a
  // network error, so with undici this branch is not reached. A proxy that
  // wants credentials is then diagnosed from the failed CONNECT instead, in
  // network-errors.ts.
  if (status === 407) {
    return {
      diagnosis: 'proxy-auth-required',
      httpStatus: status,
      params: { host, status, code: 'HTTP_407' },
    };
  }
  if (status === 429) {
    const retryAfter = response.headers.get('retry-after') ?? '';
    return {
      diagnosis: 'rate-limited',
      httpStatus: status,
      params: { status, retryAfter: retryAfter === '' ? '?' : retryAfter },
    };
  }
  if (status >= 500) {
    return unexpected(response, 'server', 'server-error');
  }
  if ((status >= 300 && status < 400) || status === 0) {
    // status 0: Chromium's opaque answer to a redirect with redirect "manual".
    return unexpected(response, 'redirect', 'unexpected-response', {
      location: response.headers.get('location') ?? '(hidden)',
    });
  }
  return undefined;
}
