import type { Contract, ChannelSpec } from '../shared/ipc/define.ts';
import type { RendererApi } from '../shared/ipc/contract.ts';

/** The two ipcRenderer functions the bridge needs; narrow so tests can supply them. */
export interface IpcRendererLike {
  invoke(channel: string, payload?: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
}

/**
 * Builds the page's API from the contract: one function per channel, each
 * bound to its own fixed channel name. SECURITY: the page gets no generic
 * invoke or send, and never sees the ipcRenderer object or event sender.
 */
export function buildRendererApi(contract: Contract, ipc: IpcRendererLike): RendererApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const [group, specs] of Object.entries(contract)) {
    const groupApi: Record<string, unknown> = {};
    for (const [name, spec] of Object.entries(specs) as [string, ChannelSpec][]) {
      groupApi[name] =
        spec.kind === 'invoke' ? invoker(ipc, spec.channel) : subscriber(ipc, spec.channel);
    }
    api[group] = Object.freeze(groupApi);
  }
  return Object.freeze(api) as unknown as RendererApi;
}

function invoker(ipc: IpcRendererLike, channel: string) {
  return (payload?: unknown) => ipc.invoke(channel, payload);
}

function subscriber(ipc: IpcRendererLike, channel: string) {
  return (listener: (payload: unknown) => void) => {
    const wrapped = (_event: unknown, payload: unknown) => listener(payload);
    ipc.on(channel, wrapped);
    return () => {
      ipc.removeListener(channel, wrapped);
    };
  };
}
