import { redactText, redactValue, type SecretRegistry } from './redact.ts';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Structured fields that go with a log line; redacted before they are written. */
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger for a sub-module; its name is prefixed to every line. */
  child(scope: string): Logger;
}

/** Where redacted log lines end up: electron-log in the app, stderr in the CLI. */
export type LogSink = (
  level: LogLevel,
  scope: string,
  message: string,
  fields: LogFields | undefined,
) => void;

/**
 * Creates a logger that redacts every message and field before the sink sees
 * it. This is the one place where log output leaves a module, so every
 * secret rule is enforced here.
 */
export function createLogger(scope: string, sink: LogSink, registry?: SecretRegistry): Logger {
  const write = (level: LogLevel, message: string, fields?: LogFields): void => {
    const safeFields =
      fields === undefined ? undefined : (redactValue(fields, registry) as LogFields);
    sink(level, scope, redactText(message, registry), safeFields);
  };
  return {
    debug: (message, fields) => write('debug', message, fields),
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
    child: (child) => createLogger(`${scope}:${child}`, sink, registry),
  };
}

/** A logger that drops everything; for tests and library defaults. */
export const silentLogger: Logger = createLogger('silent', () => undefined);

/** A sink that writes one JSON line per entry to a stream, e.g. stderr. */
export function streamSink(
  stream: { write(chunk: string): unknown },
  minLevel: LogLevel = 'info',
): LogSink {
  const order: LogLevel[] = ['debug', 'info', 'warn', 'error'];
  return (level, scope, message, fields) => {
    if (order.indexOf(level) < order.indexOf(minLevel)) {
      return;
    }
    const line = { time: new Date().toISOString(), level, scope, message, ...fields };
    stream.write(`${JSON.stringify(line)}\n`);
  };
}
