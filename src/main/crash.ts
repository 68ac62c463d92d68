import { app, dialog, type BrowserWindow, type MessageBoxOptions } from 'electron';
import type { TFunction } from 'i18next';
import type { Logger } from '../core/log/logger.ts';
import type { Language } from '../shared/ipc/app.ts';
import { createTranslator } from '../shared/i18n/translator.ts';

/** Minimum time between two error dialogs, so a repeating error cannot flood the screen. */
export const DIALOG_COOLDOWN_MS = 60_000;

/**
 * Renderer crashes within RENDERER_CRASH_WINDOW_MS after which the window is
 * no longer reloaded, so a page that dies on every load does not loop.
 */
export const MAX_RENDERER_CRASHES = 3;
export const RENDERER_CRASH_WINDOW_MS = 60_000;

export interface CrashHandlerOptions {
  log: Logger;
  /** The process whose uncaught errors are handled: `process` in the app, an emitter in tests. */
  process: NodeJS.EventEmitter;
  getWindow(): BrowserWindow | null;
  getLanguage(): Language;
  now?: () => number;
}

export interface CrashHandlers {
  /** Handles `unresponsive` and `responsive` of a window; call once per window. */
  watchWindow(window: BrowserWindow): void;
}

/**
 * Logs every uncaught error of main and every renderer or helper process
 * that dies, through the redacting logger, and shows the user one calm
 * dialog at a time instead of quitting without a message.
 */
export function installCrashHandlers(options: CrashHandlerOptions): CrashHandlers {
  const { log } = options;
  const now = options.now ?? Date.now;
  let dialogOpen = false;
  let lastDialogClosedAt = Number.NEGATIVE_INFINITY;
  let suppressed = 0;
  let quitting = false;
  let rendererCrashes: number[] = [];

  app.on('before-quit', () => {
    quitting = true;
  });

  /**
   * Shows one message box and returns the index of the pressed button, or
   * undefined when the dialog was skipped because one is open, the app is
   * quitting, or (unless `force` is set) the last one closed less than
   * DIALOG_COOLDOWN_MS ago.
   */
  const ask = async (
    build: (t: TFunction) => Omit<MessageBoxOptions, 'type' | 'noLink'>,
    force = false,
  ): Promise<number | undefined> => {
    const coolingDown = !force && now() - lastDialogClosedAt < DIALOG_COOLDOWN_MS;
    if (quitting || dialogOpen || coolingDown) {
      suppressed += 1;
      log.warn('Error dialog not shown; the error is only logged', { suppressed });
      return undefined;
    }
    dialogOpen = true;
    try {
      const t = await createTranslator(options.getLanguage());
      const box: MessageBoxOptions = { type: 'error', noLink: true, ...build(t) };
      if (!app.isReady()) {
        // Before ready only the synchronous error box works.
        dialog.showErrorBox(box.message, box.detail ?? '');
        return undefined;
      }
      const window = options.getWindow();
      const { response } =
        window !== null && !window.isDestroyed()
          ? await dialog.showMessageBox(window, box)
          : await dialog.showMessageBox(box);
      return response;
    } catch (error) {
      log.error('Showing the error dialog failed', { error });
      return undefined;
    } finally {
      dialogOpen = false;
      lastDialogClosedAt = now();
    }
  };

  const reportMainError = async (kind: string, error: unknown): Promise<void> => {
    log.error(`${kind} in main`, { error });
    const response = await ask((t) => ({
      title: t('appName'),
      message: t('dialogs:mainError.title'),
      detail: t('dialogs:mainError.body'),
      buttons: [t('dialogs:mainError.continue'), t('dialogs:mainError.restart')],
      defaultId: 0,
      cancelId: 0,
    }));
    if (response === 1) {
      log.info('Restarting after an error in main');
      app.relaunch();
      app.exit(0);
    }
  };

  options.process.on('uncaughtException', (error: unknown) => {
    void reportMainError('Uncaught exception', error);
  });
  options.process.on('unhandledRejection', (reason: unknown) => {
    void reportMainError('Unhandled promise rejection', reason);
  });

  app.on('render-process-gone', (_event, contents, details) => {
    log.error('Renderer process gone', { reason: details.reason, exitCode: details.exitCode });
    if (details.reason === 'clean-exit' || quitting) {
      return;
    }
    const crashedAt = now();
    rendererCrashes = [
      ...rendererCrashes.filter((time) => crashedAt - time < RENDERER_CRASH_WINDOW_MS),
      crashedAt,
    ];
    if (rendererCrashes.length >= MAX_RENDERER_CRASHES) {
      log.error('Renderer keeps crashing; quitting instead of reloading again', {
        crashes: rendererCrashes.length,
      });
      void ask(
        (t) => ({
          title: t('appName'),
          message: t('dialogs:rendererLoop.title'),
          detail: t('dialogs:rendererLoop.body'),
          buttons: [t('dialogs:rendererLoop.quit')],
          defaultId: 0,
          cancelId: 0,
        }),
        true,
      ).then(() => app.quit());
      return;
    }
    void ask((t) => ({
      title: t('appName'),
      message: t('dialogs:rendererGone.title'),
      detail: t('dialogs:rendererGone.body'),
      buttons: [t('dialogs:rendererGone.reload'), t('dialogs:rendererGone.quit')],
      defaultId: 0,
      cancelId: 0,
    })).then((response) => {
      if (response === 1) {
        app.quit();
      } else if (!contents.isDestroyed()) {
        // Reload also when the dialog was skipped, because a window without
        // a renderer stays blank.
        contents.reload();
      }
    });
  });

  app.on('child-process-gone', (_event, details) => {
    const fields = { type: details.type, reason: details.reason, exitCode: details.exitCode };
    if (details.reason === 'clean-exit') {
      log.info('Helper process exited', fields);
    } else {
      log.warn('Helper process gone', { ...fields, name: details.name ?? null });
    }
  });

  return {
    watchWindow(window) {
      window.on('unresponsive', () => {
        log.warn('Window not responding');
        void ask((t) => ({
          title: t('appName'),
          message: t('dialogs:unresponsive.title'),
          detail: t('dialogs:unresponsive.body'),
          buttons: [t('dialogs:unresponsive.wait'), t('dialogs:unresponsive.reload')],
          defaultId: 0,
          cancelId: 0,
        })).then((response) => {
          if (response === 1 && !window.isDestroyed()) {
            log.info('Reloading the unresponsive window');
            // A hung renderer does not handle a normal reload request.
            window.webContents.forcefullyCrashRenderer();
            window.webContents.reload();
          }
        });
      });
      window.on('responsive', () => log.info('Window responding again'));
    },
  };
}
