import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Contract } from '../../shared/ipc/define.ts';
import type { HandlerMap } from '../../shared/ipc/contract.ts';
import { buildRoutes, dispatch, type DispatchOptions, type IpcSender } from './dispatch.ts';

/** Connects every invoke channel of the contract to its handler on ipcMain. */
export function registerIpcHandlers(
  contract: Contract,
  handlers: HandlerMap,
  options: DispatchOptions,
): void {
  const routes = buildRoutes(contract, handlers as never);
  for (const route of routes) {
    ipcMain.handle(route.channel, (event, payload: unknown) =>
      dispatch(route, payload, senderOf(event), options),
    );
  }
}

export function senderOf(event: IpcMainInvokeEvent): IpcSender {
  const frame = event.senderFrame;
  if (frame === null || frame === undefined) {
    return { frameUrl: undefined, isMainFrame: false };
  }
  return { frameUrl: frame.url, isMainFrame: frame.parent === null };
}
