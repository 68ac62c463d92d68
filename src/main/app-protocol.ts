import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { SECURITY_HEADERS } from './security.ts';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array | string;
}

/**
 * Serves a file of the built renderer for a request path. Used by the app's
 * `app://` protocol and by the e2e harness, so both send the same CSP.
 * SECURITY: paths are resolved inside `root` only; `..` and encoded
 * separators cannot escape it.
 */
export async function serveRendererFile(root: string, pathname: string): Promise<StaticResponse> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return notFound();
  }
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const rootPath = resolve(root);
  const filePath = resolve(rootPath, relative);
  if (!filePath.startsWith(rootPath + sep) || decoded.includes('\0')) {
    return notFound();
  }

  const type = CONTENT_TYPES[extname(filePath).toLowerCase()];
  if (type === undefined) {
    return notFound();
  }
  try {
    const body = await readFile(filePath);
    return { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': type }, body };
  } catch {
    return notFound();
  }
}

function notFound(): StaticResponse {
  return {
    status: 404,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
    body: 'Not found',
  };
}
