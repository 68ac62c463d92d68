import type { ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import type { DeliveryFault } from './faults.ts';

/** A response a handler has decided on, before any delivery fault changes it. */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const ODATA_JSON_TYPE = 'application/json; odata=minimalmetadata; streaming=true; charset=utf-8';
const SLOW_BODY_PARTS = 8;

export function jsonReply(
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): Reply {
  return {
    status,
    headers: { 'content-type': JSON_TYPE, ...headers },
    body: JSON.stringify(value),
  };
}

/** Builds an OData v3 JSON response, with the version header ASP.NET Web API OData sends. */
export function odataReply(
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): Reply {
  return jsonReply(status, value, {
    'content-type': ODATA_JSON_TYPE,
    dataserviceversion: '3.0',
    ...headers,
  });
}

/** Builds an OData v3 error body: `{"odata.error":{"code":"","message":{"lang":"en-US","value":...}}}`. */
export function odataError(
  status: number,
  message: string,
  headers: Record<string, string> = {},
): Reply {
  return odataReply(
    status,
    { 'odata.error': { code: '', message: { lang: 'en-US', value: message } } },
    headers,
  );
}

/** Builds a token endpoint error as RFC 6749 section 5.2 defines it. */
export function oauthError(
  status: number,
  error: string,
  description?: string,
  headers: Record<string, string> = {},
): Reply {
  const body = description === undefined ? { error } : { error, error_description: description };
  return jsonReply(status, body, { 'cache-control': 'no-store', pragma: 'no-cache', ...headers });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Builds a short HTML page with the paragraphs escaped. */
export function htmlReply(status: number, title: string, paragraphs: string[]): Reply {
  const body = [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title></head><body>`,
    `<h1>${escapeHtml(title)}</h1>`,
    ...paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    '</body></html>',
    '',
  ].join('\n');
  return { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body };
}

/**
 * Writes a reply, changed by a delivery fault when there is one.
 * `invalid-json` sends half the body with the full headers. `truncated-body`
 * announces the full Content-Length but closes the connection halfway.
 * `slow-body` sends the body in eight parts with a pause between them.
 */
export async function deliver(
  res: ServerResponse,
  reply: Reply,
  fault: DeliveryFault | undefined,
  signal: AbortSignal,
): Promise<void> {
  let body = Buffer.from(reply.body, 'utf8');
  if (fault?.kind === 'invalid-json') {
    body = Buffer.concat([body.subarray(0, Math.floor(body.length / 2)), Buffer.from('<')]);
  }
  res.writeHead(reply.status, { ...reply.headers, 'content-length': String(body.length) });

  if (fault?.kind === 'truncated-body') {
    res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.destroy());
    return;
  }
  if (fault?.kind === 'slow-body') {
    const partSize = Math.ceil(body.length / SLOW_BODY_PARTS);
    for (let offset = 0; offset < body.length; offset += partSize) {
      if (offset > 0) {
        await delay(fault.chunkDelayMs, undefined, { signal });
      }
      res.write(body.subarray(offset, offset + partSize));
    }
    res.end();
    return;
  }
  res.end(body);
}
