import { protocol } from 'electron';
import { serveRendererFile } from './app-protocol.ts';
import { APP_HOST, APP_SCHEME } from './security.ts';

/** Must run before the app is ready: marks app:// as a secure, standard scheme. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false } },
  ]);
}

/** Serves the built renderer from `root` under app://koppelhulp/. */
export function handleAppProtocol(root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) {
      return new Response('Not found', { status: 404 });
    }
    const file = await serveRendererFile(root, url.pathname);
    return new Response(file.body as ConstructorParameters<typeof Response>[0], {
      status: file.status,
      headers: file.headers,
    });
  });
}
