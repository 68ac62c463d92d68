import type { HttpOutcome } from '../../src/core/cobra/http.ts';

/** A canned HTTP response as the client's exchange() returns it. */
export function canned(
  status: number,
  body: unknown,
  options: { contentType?: string; headers?: Record<string, string>; truncated?: boolean } = {},
): HttpOutcome {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const contentType =
    options.contentType ??
    (typeof body === 'string' ? 'text/plain' : 'application/json; charset=utf-8');
  const headers = new Headers({ 'content-type': contentType, ...options.headers });
  return {
    kind: 'response',
    status,
    headers,
    contentType,
    body: text,
    truncated: options.truncated ?? false,
    attempts: 1,
    durationMs: 5,
  };
}

export const IIS_404_PAGE =
  '<!DOCTYPE html><html><head><title>404 - File or directory not found.</title></head><body>Server Error</body></html>';
