import type { z } from 'zod';
import type { ChannelSpec, Contract } from '../../shared/ipc/define.ts';
import type { HandlerContext } from '../../shared/ipc/contract.ts';
import { AppFailure, fail, ok, type Result } from '../../shared/result.ts';
import type { Logger } from '../../core/log/logger.ts';
import { describeSchemaError } from '../../shared/schema-error.ts';

export { describeSchemaError };

/** Who sent an IPC message, as far as main can tell. */
export interface IpcSender {
  /** URL of the sending frame; undefined when the frame is gone. */
  frameUrl: string | undefined;
  /** False for iframes and other subframes. */
  isMainFrame: boolean;
}

type AnyHandler = (request: unknown, context: HandlerContext) => unknown;
type AnyHandlerMap = Record<string, Record<string, AnyHandler>>;

export interface Route {
  channel: string;
  group: string;
  name: string;
  schema: z.ZodType;
  handler: AnyHandler;
}

/**
 * Lists the invoke channels of a contract with their handlers. Throws at
 * startup when a channel has no handler, so a missing handler is never a
 * silent runtime failure.
 */
export function buildRoutes(contract: Contract, handlers: AnyHandlerMap): Route[] {
  const routes: Route[] = [];
  for (const [group, specs] of Object.entries(contract)) {
    for (const [name, spec] of Object.entries(specs) as [string, ChannelSpec][]) {
      if (spec.kind !== 'invoke') {
        continue;
      }
      const handler = handlers[group]?.[name];
      if (typeof handler !== 'function') {
        throw new Error(`No IPC handler for ${group}.${name} (${spec.channel})`);
      }
      routes.push({ channel: spec.channel, group, name, schema: spec.request, handler });
    }
  }
  return routes;
}

/**
 * Checks that a message comes from the app's own page: the top frame, loaded
 * from one of the trusted origins. SECURITY: blocks calls from iframes,
 * navigated-away pages and any other origin.
 */
export function isTrustedSender(sender: IpcSender, trustedOrigins: readonly string[]): boolean {
  if (!sender.isMainFrame || sender.frameUrl === undefined) {
    return false;
  }
  let origin: string;
  try {
    origin = originOf(new URL(sender.frameUrl));
  } catch {
    return false;
  }
  return trustedOrigins.includes(origin);
}

/** Origin of a URL, also for custom schemes where `URL.origin` is "null". */
export function originOf(url: URL): string {
  if (url.origin !== 'null') {
    return url.origin;
  }
  return `${url.protocol}//${url.host}`;
}

export interface DispatchOptions {
  trustedOrigins: readonly string[];
  log: Logger;
}

/**
 * Runs one IPC call: checks the sender, validates the payload against the
 * channel's schema and calls the handler. Every outcome is a Result; a
 * rejected call never reaches the handler, so it changes nothing.
 */
export async function dispatch(
  route: Route,
  payload: unknown,
  sender: IpcSender,
  options: DispatchOptions,
): Promise<Result<unknown>> {
  if (!isTrustedSender(sender, options.trustedOrigins)) {
    options.log.warn('Rejected IPC call from an untrusted sender', {
      channel: route.channel,
      frameUrl: sender.frameUrl ?? '(none)',
      isMainFrame: sender.isMainFrame,
    });
    return fail({
      code: 'ipc.untrusted-sender',
      message: `Call to ${route.channel} rejected: the sender is not the app's own page.`,
    });
  }

  const parsed = route.schema.safeParse(payload);
  if (!parsed.success) {
    const { field, detail } = describeSchemaError(parsed.error);
    options.log.warn('Rejected IPC call with an invalid payload', {
      channel: route.channel,
      field,
    });
    return fail({
      code: 'ipc.invalid-payload',
      message: `Invalid value for "${field}" in ${route.channel}: ${detail}`,
      field,
      params: { field, channel: route.channel },
    });
  }

  try {
    const value = await route.handler(parsed.data, { senderUrl: sender.frameUrl });
    return ok(value);
  } catch (error) {
    if (error instanceof AppFailure) {
      return fail(error.toAppError());
    }
    options.log.error('IPC handler failed', { channel: route.channel, error });
    return fail({
      code: 'internal',
      message: `Internal error in ${route.channel}. The details are in the log file.`,
      params: { channel: route.channel },
    });
  }
}
