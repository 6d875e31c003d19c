import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../src/http/logger.ts';

/** One JSON log line as pino wrote it. */
export type LogLine = Record<string, unknown> & { level: string; message: string };

export interface CapturedLogs {
  /** A logger writing JSON lines here (with the production logger's redaction). */
  logger: Logger;
  lines: LogLine[];
  /** Lines whose `security` field is `kind` (security-log.ts). */
  security(kind: string): LogLine[];
  clear(): void;
}

/** A real pino logger whose lines a test can read back. */
export function captureLogs(): CapturedLogs {
  const lines: LogLine[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString('utf8').split('\n')) {
        if (text.trim()) lines.push(JSON.parse(text) as LogLine);
      }
      done();
    },
  });
  return {
    logger: createLogger('info', { destination }),
    lines,
    security: (kind) => lines.filter((line) => line.security === kind),
    clear: () => {
      lines.length = 0;
    },
  };
}
