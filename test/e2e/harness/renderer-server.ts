import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { serveRendererFile } from '../../../src/main/app-protocol.ts';

export const RENDERER_ROOT = resolve(import.meta.dirname, '..', '..', '..', 'out', 'renderer');

/**
 * Serves the built renderer on loopback with the app protocol's own code and
 * headers, so the page runs under the app's real Content-Security-Policy.
 * `root` defaults to the built renderer; the UI benchmark serves its blank
 * page from another folder the same way.
 */
export async function startRendererServer(
  root: string = RENDERER_ROOT,
): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    void serveRendererFile(root, pathname).then((file) => {
      response.writeHead(file.status, file.headers);
      response.end(file.body);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        // The page may still hold a request open; close() alone would wait for it.
        server.closeAllConnections();
      }),
  };
}
