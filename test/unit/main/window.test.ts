import { beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * A mocked `electron` module that records how the window is created and which
 * guards are installed, so each security setting can be asserted.
 */
const mocks = vi.hoisted(() => {
  type Handler = (...args: unknown[]) => unknown;
  const contentsHandlers = new Map<string, Handler>();
  let windowOpenHandler: Handler | undefined;
  const created: { options: Record<string, unknown> }[] = [];
  const openExternal = vi.fn(async () => undefined);

  class BrowserWindow {
    webContents = {
      on: (name: string, handler: Handler) => contentsHandlers.set(name, handler),
      setWindowOpenHandler: (handler: Handler) => {
        windowOpenHandler = handler;
      },
    };
    once = vi.fn();
    loadURL = vi.fn(async () => undefined);
    show = vi.fn();
    constructor(options: Record<string, unknown>) {
      created.push({ options });
    }
  }

  return {
    BrowserWindow,
    contentsHandlers,
    created,
    openExternal,
    windowOpen: (url: string) => windowOpenHandler?.({ url }),
    reset() {
      contentsHandlers.clear();
      windowOpenHandler = undefined;
      created.length = 0;
      openExternal.mockClear();
    },
  };
});

vi.mock('electron', () => ({
  BrowserWindow: mocks.BrowserWindow,
  shell: { openExternal: mocks.openExternal },
}));

const { createMainWindow, denyAllPermissions } = await import('../../../src/main/window.ts');
const { silentLogger } = await import('../../../src/core/log/logger.ts');

function openWindow() {
  const window = createMainWindow({
    preloadPath: '/app/out/preload/index.cjs',
    entryUrl: 'app://koppelhulp/index.html',
    title: 'Cobra Koppelhulp',
    log: silentLogger,
  });
  const options = mocks.created.at(-1)!.options;
  return { window, options, prefs: options['webPreferences'] as Record<string, unknown> };
}

describe('main window', () => {
  beforeEach(() => mocks.reset());

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['webviewTag', false],
    ['experimentalFeatures', false],
  ])('sets webPreferences.%s to %s', (key, expected) => {
    const { prefs } = openWindow();
    expect(prefs[key]).toBe(expected);
  });

  it('loads the CommonJS preload', () => {
    const { prefs } = openWindow();
    expect(prefs['preload']).toBe('/app/out/preload/index.cjs');
  });

  it('stays hidden until ready-to-show', () => {
    const { window, options } = openWindow();
    expect(options['show']).toBe(false);
    expect(window.once).toHaveBeenCalledWith('ready-to-show', expect.any(Function));
  });

  it('blocks navigation away from the app page', () => {
    openWindow();
    const preventDefault = vi.fn();
    mocks.contentsHandlers.get('will-navigate')!({ preventDefault }, 'https://evil.example/');
    expect(preventDefault).toHaveBeenCalled();
    expect(mocks.openExternal).not.toHaveBeenCalled();
  });

  it('opens allow-listed https links in the browser, not in the window', () => {
    openWindow();
    const preventDefault = vi.fn();
    const url = 'https://apihrafdeling.cobra.sdworx.com/Home/Authentication';
    mocks.contentsHandlers.get('will-navigate')!({ preventDefault }, url);
    expect(preventDefault).toHaveBeenCalled();
    expect(mocks.openExternal).toHaveBeenCalledWith(url);
  });

  it.each([
    'https://evil.example/',
    'http://www.nn.nl/',
    'file:///etc/passwd',
    'https://user:pass@www.nn.nl/',
    'https://nn.nl.evil.example/',
    'javascript:alert(1)',
  ])('denies window.open of %s', (url) => {
    openWindow();
    expect(mocks.windowOpen(url)).toEqual({ action: 'deny' });
    expect(mocks.openExternal).not.toHaveBeenCalled();
  });

  it('denies window.open of allow-listed links but opens them externally', () => {
    openWindow();
    expect(mocks.windowOpen('https://www.nn.nl/contact')).toEqual({ action: 'deny' });
    expect(mocks.openExternal).toHaveBeenCalledWith('https://www.nn.nl/contact');
  });

  it('blocks redirects and webview attachment', () => {
    openWindow();
    for (const name of ['will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      mocks.contentsHandlers.get(name)!({ preventDefault }, 'https://evil.example/');
      expect(preventDefault, name).toHaveBeenCalled();
    }
  });
});

describe('permission handlers', () => {
  it('deny every permission request and check', () => {
    let requestHandler: ((...args: unknown[]) => void) | undefined;
    let checkHandler: ((...args: unknown[]) => boolean) | undefined;
    let deviceHandler: ((...args: unknown[]) => boolean) | undefined;
    const session = {
      setPermissionRequestHandler: (handler: typeof requestHandler) => {
        requestHandler = handler;
      },
      setPermissionCheckHandler: (handler: typeof checkHandler) => {
        checkHandler = handler;
      },
      setDevicePermissionHandler: (handler: typeof deviceHandler) => {
        deviceHandler = handler;
      },
    };
    denyAllPermissions(session as never);

    for (const permission of [
      'media',
      'notifications',
      'clipboard-read',
      'geolocation',
      'openExternal',
    ]) {
      const callback = vi.fn();
      requestHandler!({}, permission, callback);
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(checkHandler!({}, permission), permission).toBe(false);
    }
    expect(deviceHandler!({})).toBe(false);
  });
});
