import { createHandlers } from '../../src/main/handlers/index.ts';
import { buildRoutes, dispatch, type Route } from '../../src/main/ipc/dispatch.ts';
import type { AppServices } from '../../src/main/services.ts';
import { contract } from '../../src/shared/ipc/contract.ts';
import type { Result } from '../../src/shared/result.ts';

const ORIGIN = 'app://koppelhulp';

/**
 * Returns a function that sends an IPC call through the real dispatch (sender
 * check, payload schema, handler) as the app's own page would.
 */
export function ipcCaller(services: AppServices) {
  const routes = new Map(
    buildRoutes(contract, createHandlers(services) as never).map((route) => [route.channel, route]),
  );
  const sender = { frameUrl: `${ORIGIN}/index.html`, isMainFrame: true };
  return (channel: string, payload?: unknown): Promise<Result<unknown>> => {
    const route = routes.get(channel);
    if (route === undefined) {
      throw new Error(`No route for ${channel}`);
    }
    return dispatch(route as Route, payload, sender, {
      trustedOrigins: [ORIGIN],
      log: services.log,
    });
  };
}
