/**
 * Stand-in for the `electron` module inside the page, used only when the e2e
 * harness bundles the real preload. contextBridge puts the API on window;
 * ipcRenderer forwards to a Playwright binding that runs the real handlers in
 * the test process, and receives events pushed by the harness.
 */

type Listener = (event: unknown, payload: unknown) => void;

interface HarnessWindow {
  __koppelhulpInvoke(channel: string, payload: unknown): Promise<unknown>;
  __koppelhulpEmit?: (channel: string, payload: unknown) => void;
}

const harness = globalThis as unknown as HarnessWindow;
const listeners = new Map<string, Set<Listener>>();

harness.__koppelhulpEmit = (channel, payload) => {
  for (const listener of listeners.get(channel) ?? []) {
    listener({}, payload);
  }
};

export const ipcRenderer = {
  invoke(channel: string, payload?: unknown): Promise<unknown> {
    return harness.__koppelhulpInvoke(channel, payload);
  },
  on(channel: string, listener: Listener) {
    let set = listeners.get(channel);
    if (set === undefined) {
      set = new Set();
      listeners.set(channel, set);
    }
    set.add(listener);
    return ipcRenderer;
  },
  removeListener(channel: string, listener: Listener) {
    listeners.get(channel)?.delete(listener);
    return ipcRenderer;
  },
};

export const contextBridge = {
  exposeInMainWorld(key: string, api: unknown): void {
    Object.defineProperty(globalThis, key, { value: api, writable: false, configurable: false });
  },
};
