import type { Page } from '@playwright/test';
import { contract, type HandlerMap } from '../../../src/shared/ipc/contract.ts';
import type { EventSpec } from '../../../src/shared/ipc/define.ts';
import { createHandlers } from '../../../src/main/handlers/index.ts';
import { buildRoutes, dispatch } from '../../../src/main/ipc/dispatch.ts';
import { createTestServices, type TestServices } from '../../support/services.ts';
import type { TestCipherOptions } from '../../support/test-cipher.ts';
import { PAGE_PRELOAD_PATH } from './build-preload.ts';
import { startRendererServer } from './renderer-server.ts';

export interface LaunchedApp extends TestServices {
  page: Page;
  origin: string;
  /** Number of IPC calls the page made, by channel. */
  calls: Map<string, number>;
  /**
   * Restarts the app: new services and handlers over the same user data
   * folder, then a fresh page load. Nothing survives in memory. `cipher`
   * simulates another computer or key store from then on.
   */
  restart(options?: { cipher?: TestCipherOptions }): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens the built renderer in Chromium with the real preload and the real IPC
 * handlers, which run here in the test's Node process.
 */
export async function launchApp(
  page: Page,
  options: {
    userDataDir?: string;
    /**
     * Replaces real handlers before the routes are built, to make main
     * return what a bug in main would return. Applied on every restart.
     */
    adjustHandlers?: (handlers: HandlerMap) => void;
  } = {},
): Promise<LaunchedApp> {
  const server = await startRendererServer();
  let pushToPage = (channel: string, payload: unknown): void => {
    void page
      .evaluate(
        ([eventChannel, eventPayload]) => {
          const target = globalThis as unknown as {
            __koppelhulpEmit?: (c: string, p: unknown) => void;
          };
          target.__koppelhulpEmit?.(eventChannel as string, eventPayload);
        },
        [channel, payload] as const,
      )
      .catch(() => undefined);
  };
  const onEmit = (key: string, payload: unknown): void => {
    const [group, name] = key.split(':') as [keyof typeof contract, string];
    const spec = (contract[group] as unknown as Record<string, EventSpec<unknown>>)[name];
    if (spec !== undefined) {
      pushToPage(spec.channel, payload);
    }
  };
  const boot = (userDataDir?: string, cipher?: TestCipherOptions) => {
    const services = createTestServices({ userDataDir, onEmit, cipher });
    const handlers = createHandlers(services.services);
    options.adjustHandlers?.(handlers);
    const routes = new Map(
      buildRoutes(contract, handlers as never).map((route) => [route.channel, route]),
    );
    return { test: services, routes };
  };
  let current = boot(options.userDataDir);
  const calls = new Map<string, number>();

  await page.exposeBinding(
    '__koppelhulpInvoke',
    async (source, channel: string, payload: unknown) => {
      calls.set(channel, (calls.get(channel) ?? 0) + 1);
      const route = current.routes.get(channel);
      if (route === undefined) {
        throw new Error(`No handler registered for '${channel}'`);
      }
      const sender = {
        frameUrl: source.frame.url(),
        isMainFrame: source.frame.parentFrame() === null,
      };
      const log = current.test.services.log;
      return dispatch(route, payload, sender, { trustedOrigins: [server.origin], log });
    },
  );
  await page.addInitScript({ path: PAGE_PRELOAD_PATH });
  await page.goto(`${server.origin}/index.html`);

  const app: LaunchedApp = {
    ...current.test,
    page,
    origin: server.origin,
    calls,
    restart: async (restartOptions = {}) => {
      current = boot(current.test.userDataDir, restartOptions.cipher);
      Object.assign(app, current.test);
      await page.goto(`${server.origin}/index.html`);
    },
    close: async () => {
      pushToPage = () => undefined;
      await server.close();
    },
  };
  return app;
}
