import { type Logger as PinoLogger, pino } from 'pino';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
/** `json`: one line per entry (production, log shippers); `pretty`: pino-pretty for a terminal. */
export type LogFormat = 'json' | 'pretty';

/** What services and jobs log through; a message and flat fields, never secrets. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  /** The pino logger underneath, for pino-http. */
  readonly pino: PinoLogger;
}

/**
 * Paths pino removes before writing: credentials travel in these headers and
 * fields, and a log line must never carry one (product.md: secrets stay secret).
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-aegira-metrics-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.token',
  '*.secret',
];

export interface LoggerOptions {
  format?: LogFormat;
  /** Where JSON lines go; stderr by default (stdout carries the start-up banner). */
  destination?: NodeJS.WritableStream;
}

/** pino with AEGIRA's conventions: `message` key, level names, redaction. */
export function createLogger(level: LogLevel, options: LoggerOptions = {}): Logger {
  const base = pino(
    {
      level,
      // The key the log lines have always used (and tests and dashboards match on).
      messageKey: 'message',
      formatters: { level: (label) => ({ level: label }) },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    options.format === 'pretty'
      ? pino.transport({
          target: 'pino-pretty',
          options: { destination: 2, messageKey: 'message', ignore: 'pid,hostname' },
        })
      : (options.destination ?? pino.destination({ dest: 2, sync: true })),
  );
  return wrap(base);
}

function wrap(base: PinoLogger): Logger {
  return {
    info: (message, fields) => base.info(fields ?? {}, message),
    warn: (message, fields) => base.warn(fields ?? {}, message),
    error: (message, fields) => base.error(fields ?? {}, message),
    pino: base,
  };
}
