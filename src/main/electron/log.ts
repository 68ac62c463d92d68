import log from 'electron-log/main.js';
import type { LogSink } from '../../core/log/logger.ts';

/**
 * Sets up electron-log: a rotating file in the standard log folder and the
 * console. Everything reaches it through createLogger, which redacts first.
 */
export function createElectronLogSink(): LogSink {
  log.initialize({ preload: false, spyRendererConsole: false });
  // Rotation: when main.log passes maxSize, electron-log renames it to
  // main.old.log (replacing the previous one) and starts a new file, so at
  // most two files of 2 MiB stay on disk.
  log.transports.file.fileName = 'main.log';
  log.transports.file.maxSize = 2 * 1024 * 1024;
  log.transports.file.level = 'info';
  log.transports.console.level = process.env['NODE_ENV'] === 'development' ? 'debug' : 'warn';
  log.errorHandler.stopCatching();

  return (level, scope, message, fields) => {
    const scoped = log.scope(scope);
    if (fields === undefined) {
      scoped[level](message);
    } else {
      scoped[level](message, fields);
    }
  };
}

export function logFilePath(): string {
  return log.transports.file.getFile().path;
}
