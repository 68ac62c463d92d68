import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

/** A mocked `electron` module: `app` is an event emitter, dialogs are recorded. */
const mocks = await vi.hoisted(async () => {
  // vi.hoisted runs before the imports, so the emitter class is loaded here.
  const { EventEmitter: Emitter } = await import('node:events');
  const app = Object.assign(new Emitter(), {
    isReady: vi.fn(() => true),
    quit: vi.fn(),
    relaunch: vi.fn(),
    exit: vi.fn(),
  });
  const dialog = {
    showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0 })),
    showErrorBox: vi.fn(),
  };
  return { app, dialog };
});

vi.mock('electron', () => ({ app: mocks.app, dialog: mocks.dialog }));

const { installCrashHandlers, DIALOG_COOLDOWN_MS, MAX_RENDERER_CRASHES, RENDERER_CRASH_WINDOW_MS } =
  await import('../../../src/main/crash.ts');
const { createLogger } = await import('../../../src/core/log/logger.ts');
const { SecretRegistry } = await import('../../../src/core/log/redact.ts');

const SECRET = 'crash-secret-9x7';

interface Line {
  level: string;
  message: string;
  fields: unknown;
}

function fakeWindow() {
  const window = Object.assign(new EventEmitter(), {
    isDestroyed: vi.fn(() => false),
    webContents: { reload: vi.fn(), forcefullyCrashRenderer: vi.fn() },
  });
  return window;
}

function setup(options: { clock?: { now: number } } = {}) {
  const lines: Line[] = [];
  const secrets = new SecretRegistry();
  secrets.register(SECRET);
  const log = createLogger(
    'crash',
    (level, _scope, message, fields) => lines.push({ level, message, fields }),
    secrets,
  );
  const processEmitter = new EventEmitter();
  const window = fakeWindow();
  const clock = options.clock ?? { now: 1_000_000 };
  const handlers = installCrashHandlers({
    log,
    process: processEmitter,
    getWindow: () => window as never,
    getLanguage: () => 'nl',
    now: () => clock.now,
  });
  return { lines, processEmitter, window, handlers, clock };
}

/** Waits until every pending dialog promise has settled. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) {
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function lastDialog(): { message: string; detail: string; buttons: string[] } {
  const call = mocks.dialog.showMessageBox.mock.calls.at(-1)!;
  return call.at(-1) as { message: string; detail: string; buttons: string[] };
}

beforeEach(() => {
  mocks.app.removeAllListeners();
  vi.clearAllMocks();
  mocks.app.isReady.mockReturnValue(true);
  mocks.dialog.showMessageBox.mockResolvedValue({ response: 0 });
});

describe('uncaught errors in main', () => {
  it('logs an uncaught exception redacted', async () => {
    const { lines, processEmitter } = setup();
    processEmitter.emit('uncaughtException', new Error(`token ${SECRET} rejected`));
    await settle();
    const line = lines.find((entry) => entry.message === 'Uncaught exception in main');
    expect(line?.level).toBe('error');
    expect(JSON.stringify(line?.fields)).toContain('token [redacted] rejected');
    expect(JSON.stringify(lines)).not.toContain(SECRET);
  });

  it('shows a calm dialog in Dutch', async () => {
    const { processEmitter, window } = setup();
    processEmitter.emit('uncaughtException', new Error('boom'));
    await settle();
    expect(mocks.dialog.showMessageBox).toHaveBeenCalledTimes(1);
    expect(mocks.dialog.showMessageBox.mock.calls[0]![0]).toBe(window);
    expect(lastDialog().message).toBe('Er ging iets mis in de app');
    expect(lastDialog().buttons).toEqual(['Doorgaan', 'App opnieuw starten']);
    expect(lastDialog().detail).not.toContain('boom');
  });

  it('logs an unhandled rejection with a non-Error reason', async () => {
    const { lines, processEmitter } = setup();
    processEmitter.emit('unhandledRejection', `client_secret=${SECRET}`);
    await settle();
    const line = lines.find((entry) => entry.message === 'Unhandled promise rejection in main');
    expect(line).toBeDefined();
    expect(JSON.stringify(line?.fields)).not.toContain(SECRET);
  });

  it('restarts the app when the user chooses restart', async () => {
    mocks.dialog.showMessageBox.mockResolvedValue({ response: 1 });
    const { processEmitter } = setup();
    processEmitter.emit('uncaughtException', new Error('boom'));
    await settle();
    expect(mocks.app.relaunch).toHaveBeenCalledTimes(1);
    expect(mocks.app.exit).toHaveBeenCalledWith(0);
  });

  it('keeps running when the user continues', async () => {
    const { processEmitter } = setup();
    processEmitter.emit('uncaughtException', new Error('boom'));
    await settle();
    expect(mocks.app.relaunch).not.toHaveBeenCalled();
    expect(mocks.app.exit).not.toHaveBeenCalled();
  });

  it('shows one dialog for a burst of errors and logs each', async () => {
    const { lines, processEmitter } = setup();
    for (let i = 0; i < 5; i++) {
      processEmitter.emit('uncaughtException', new Error(`error ${i}`));
    }
    await settle();
    expect(mocks.dialog.showMessageBox).toHaveBeenCalledTimes(1);
    const logged = lines.filter((entry) => entry.message === 'Uncaught exception in main');
    expect(logged).toHaveLength(5);
    expect(lines.some((entry) => entry.message.startsWith('Error dialog not shown'))).toBe(true);
  });

  it('shows a dialog again after the cooldown', async () => {
    const clock = { now: 1_000_000 };
    const { processEmitter } = setup({ clock });
    processEmitter.emit('uncaughtException', new Error('first'));
    await settle();
    clock.now += DIALOG_COOLDOWN_MS - 1;
    processEmitter.emit('uncaughtException', new Error('too soon'));
    await settle();
    expect(mocks.dialog.showMessageBox).toHaveBeenCalledTimes(1);
    clock.now += 1;
    processEmitter.emit('uncaughtException', new Error('later'));
    await settle();
    expect(mocks.dialog.showMessageBox).toHaveBeenCalledTimes(2);
  });

  it('uses the synchronous error box before the app is ready', async () => {
    mocks.app.isReady.mockReturnValue(false);
    const { processEmitter } = setup();
    processEmitter.emit('uncaughtException', new Error('early'));
    await settle();
    expect(mocks.dialog.showErrorBox).toHaveBeenCalledWith(
      'Er ging iets mis in de app',
      expect.stringContaining('logbestand'),
    );
    expect(mocks.dialog.showMessageBox).not.toHaveBeenCalled();
  });

  it('shows no dialog while the app is quitting', async () => {
    const { processEmitter } = setup();
    mocks.app.emit('before-quit');
    processEmitter.emit('uncaughtException', new Error('during quit'));
    await settle();
    expect(mocks.dialog.showMessageBox).not.toHaveBeenCalled();
  });
});

describe('renderer and helper processes', () => {
  function contents() {
    return { reload: vi.fn(), isDestroyed: vi.fn(() => false) };
  }

  it('logs a crashed renderer and reloads it', async () => {
    const { lines } = setup();
    const webContents = contents();
    mocks.app.emit('render-process-gone', {}, webContents, { reason: 'crashed', exitCode: 11 });
    await settle();
    expect(lines).toContainEqual({
      level: 'error',
      message: 'Renderer process gone',
      fields: { reason: 'crashed', exitCode: 11 },
    });
    expect(lastDialog().buttons).toEqual(['Opnieuw laden', 'Afsluiten']);
    expect(webContents.reload).toHaveBeenCalledTimes(1);
  });

  it('quits when the user chooses quit', async () => {
    mocks.dialog.showMessageBox.mockResolvedValue({ response: 1 });
    setup();
    const webContents = contents();
    mocks.app.emit('render-process-gone', {}, webContents, { reason: 'oom', exitCode: 0 });
    await settle();
    expect(mocks.app.quit).toHaveBeenCalledTimes(1);
    expect(webContents.reload).not.toHaveBeenCalled();
  });

  it('quits instead of reloading a renderer that keeps crashing', async () => {
    const clock = { now: 1_000_000 };
    const { lines } = setup({ clock });
    const webContents = contents();
    for (let i = 0; i < MAX_RENDERER_CRASHES; i++) {
      mocks.app.emit('render-process-gone', {}, webContents, { reason: 'crashed', exitCode: 1 });
      await settle();
      clock.now += 1_000;
    }
    expect(webContents.reload).toHaveBeenCalledTimes(MAX_RENDERER_CRASHES - 1);
    expect(mocks.app.quit).toHaveBeenCalledTimes(1);
    expect(lastDialog().message).toBe('Het venster blijft vastlopen');
    expect(lines.some((entry) => entry.message.startsWith('Renderer keeps crashing'))).toBe(true);
  });

  it('forgets renderer crashes older than the window', async () => {
    const clock = { now: 1_000_000 };
    setup({ clock });
    const webContents = contents();
    for (let i = 0; i < MAX_RENDERER_CRASHES; i++) {
      mocks.app.emit('render-process-gone', {}, webContents, { reason: 'crashed', exitCode: 1 });
      await settle();
      clock.now += RENDERER_CRASH_WINDOW_MS;
    }
    expect(webContents.reload).toHaveBeenCalledTimes(MAX_RENDERER_CRASHES);
    expect(mocks.app.quit).not.toHaveBeenCalled();
  });

  it('ignores a clean renderer exit', async () => {
    setup();
    const webContents = contents();
    mocks.app.emit('render-process-gone', {}, webContents, { reason: 'clean-exit', exitCode: 0 });
    await settle();
    expect(mocks.dialog.showMessageBox).not.toHaveBeenCalled();
    expect(webContents.reload).not.toHaveBeenCalled();
  });

  it('logs a helper process that died', () => {
    const { lines } = setup();
    mocks.app.emit('child-process-gone', {}, { type: 'GPU', reason: 'crashed', exitCode: 9 });
    expect(lines.at(-1)).toMatchObject({ level: 'warn', message: 'Helper process gone' });
    expect(mocks.dialog.showMessageBox).not.toHaveBeenCalled();
  });
});

describe('unresponsive window', () => {
  it('offers to wait and logs recovery', async () => {
    const { lines, window, handlers } = setup();
    handlers.watchWindow(window as never);
    window.emit('unresponsive');
    await settle();
    expect(lastDialog().buttons).toEqual(['Wachten', 'Opnieuw laden']);
    expect(window.webContents.reload).not.toHaveBeenCalled();
    window.emit('responsive');
    expect(lines.map((entry) => entry.message)).toEqual([
      'Window not responding',
      'Window responding again',
    ]);
  });

  it('crashes and reloads the renderer on request', async () => {
    mocks.dialog.showMessageBox.mockResolvedValue({ response: 1 });
    const { window, handlers } = setup();
    handlers.watchWindow(window as never);
    window.emit('unresponsive');
    await settle();
    expect(window.webContents.forcefullyCrashRenderer).toHaveBeenCalledTimes(1);
    expect(window.webContents.reload).toHaveBeenCalledTimes(1);
  });
});
