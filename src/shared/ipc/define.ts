import type { z } from 'zod';

/** A request/response channel: the renderer invokes, main answers. */
export interface InvokeSpec<Request extends z.ZodType, Response> {
  readonly kind: 'invoke';
  readonly channel: string;
  readonly request: Request;
  /** Type carrier only; never set at runtime. */
  readonly response?: Response;
}

/** A channel on which main pushes events to the renderer. */
export interface EventSpec<Payload> {
  readonly kind: 'event';
  readonly channel: string;
  /** Type carrier only; never set at runtime. */
  readonly payload?: Payload;
}

/**
 * Declares an invoke channel. Called in two steps so the response type can be
 * given explicitly while the request type is inferred from its schema.
 */
export function invoke<Response>() {
  return <Request extends z.ZodType>(
    channel: string,
    request: Request,
  ): InvokeSpec<Request, Response> => ({ kind: 'invoke', channel, request });
}

export function event<Payload>(channel: string): EventSpec<Payload> {
  return { kind: 'event', channel };
}

export type ChannelSpec = InvokeSpec<z.ZodType, unknown> | EventSpec<unknown>;
export type ContractGroup = Record<string, ChannelSpec>;
export type Contract = Record<string, ContractGroup>;
