import type { z } from 'zod';
import { appContract } from './app.ts';
import { mailContract } from './mail.ts';
import { diagnosticsContract } from './diagnostics.ts';
import { sealingContract } from './sealing.ts';
import { connectionsContract } from './connections.ts';
import { secretsContract } from './secrets.ts';
import { profilesContract } from './profiles.ts';
import { verificationContract } from './verification.ts';
import type { EventSpec, InvokeSpec } from './define.ts';
import type { Result } from '../result.ts';

/**
 * Every IPC channel of the app, grouped by concern. Main, preload and renderer
 * all derive their types from this object, so drift fails to compile.
 * Each feature adds its group here.
 */
export const contract = {
  app: appContract,
  mail: mailContract,
  diagnostics: diagnosticsContract,
  connections: connectionsContract,
  secrets: secretsContract,
  profiles: profilesContract,
  sealing: sealingContract,
  verification: verificationContract,
};

export type AppContract = typeof contract;

type RequestArgs<Request extends z.ZodType> =
  undefined extends z.input<Request> ? [request?: z.input<Request>] : [request: z.input<Request>];

/** The API the preload exposes to the page as `window.koppelhulp`. */
export type RendererApi = {
  [Group in keyof AppContract]: {
    [Name in keyof AppContract[Group]]: AppContract[Group][Name] extends InvokeSpec<
      infer Request,
      infer Response
    >
      ? (...args: RequestArgs<Request>) => Promise<Result<Response>>
      : AppContract[Group][Name] extends EventSpec<infer Payload>
        ? (listener: (payload: Payload) => void) => () => void
        : never;
  };
};

/** What main implements for each invoke channel. */
export type HandlerMap = {
  [Group in keyof AppContract]: {
    [
      Name in keyof AppContract[Group] as AppContract[Group][Name] extends InvokeSpec<
        z.ZodType,
        unknown
      >
        ? Name
        : never
    ]: AppContract[Group][Name] extends InvokeSpec<infer Request, infer Response>
      ? (request: z.output<Request>, context: HandlerContext) => Promise<Response> | Response
      : never;
  };
};

/** Where an IPC call came from. */
export interface HandlerContext {
  /** URL of the frame that sent the message. */
  senderUrl: string | undefined;
}

/** Payload type of an event channel, by group and name. */
export type EventPayload<Group extends keyof AppContract, Name extends keyof AppContract[Group]> =
  AppContract[Group][Name] extends EventSpec<infer Payload> ? Payload : never;

export { API_GLOBAL_NAME } from './names.ts';
