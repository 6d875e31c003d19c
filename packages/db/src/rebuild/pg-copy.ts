import type { Writable } from 'node:stream';
import type pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';

// COPY through pg-copy-streams: rows travel as text the server parses in C, with no
// statement per row, which is what makes a rebuild fast.

/** A `COPY ... FROM STDIN` in progress: the rows to send, as text chunks. */
export class CopyIn {
  constructor(private readonly stream: Writable) {}
  write(chunk: Buffer): void {
    // A chunk may be a view of a buffer its producer reuses; the stream may hold it
    // until the socket drains, so it gets its own copy.
    this.stream.write(Buffer.from(chunk));
  }
}

/**
 * Runs `COPY ... FROM STDIN` on the client, handing `write` the rows to send as they are
 * ready; the COPY is abandoned (nothing written) if `write` throws, and a server error
 * (a bad row, a guard refusing it) rejects once the stream has settled, so the
 * connection is free for the caller's ROLLBACK.
 */
export async function copyIn(
  client: pg.Client,
  text: string,
  write: (copy: CopyIn) => Promise<void> | void,
): Promise<void> {
  const stream = client.query(copyFrom(text));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  // Awaited below; a failure must not count as unhandled meanwhile.
  finished.catch(() => undefined);
  try {
    await write(new CopyIn(stream));
  } catch (error) {
    stream.destroy(error instanceof Error ? error : new Error(String(error)));
    await finished.catch(() => undefined);
    throw error;
  }
  stream.end();
  await finished;
}

/**
 * Runs `COPY ... TO STDOUT`, handing each chunk of rows to `onChunk` as it arrives. A
 * failing `onChunk` does not stop the stream (the server sends the rest regardless, and
 * the connection must be read to the end to stay usable); the first failure is thrown
 * once it has ended.
 */
export async function copyOut(
  client: pg.Client,
  text: string,
  onChunk: (chunk: Buffer) => void,
): Promise<void> {
  const stream = client.query(copyTo(text));
  let failure: unknown;
  for await (const chunk of stream) {
    if (failure !== undefined) continue;
    try {
      onChunk(chunk as Buffer);
    } catch (error) {
      failure = error;
    }
  }
  if (failure !== undefined) throw failure;
}

/** Splits COPY text output into lines (rows never contain a raw newline), across chunks. */
export class CopyLines {
  private rest: Buffer = Buffer.alloc(0);

  constructor(private readonly onLine: (line: string) => void) {}

  push(chunk: Buffer): void {
    const data = this.rest.length > 0 ? Buffer.concat([this.rest, chunk]) : chunk;
    let start = 0;
    for (let end = data.indexOf(10, start); end !== -1; end = data.indexOf(10, start)) {
      this.onLine(data.toString('utf8', start, end));
      start = end + 1;
    }
    this.rest = data.subarray(start);
  }
}

const UNESCAPES: Record<string, string> = {
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
};

/** A field of COPY text output: `\N` is NULL, backslash escapes undone. */
export function copyField(field: string): string | null {
  if (field === '\\N') return null;
  if (!field.includes('\\')) return field;
  return field.replace(/\\(.)/g, (_, letter: string) => UNESCAPES[letter] ?? letter);
}

/** A value as a field of COPY text input (NULL as `\N`). */
export function copyText(value: string | null): string {
  if (value === null) return '\\N';
  return /[\\\n\r\t]/.test(value)
    ? value.replace(/[\\\n\r\t]/g, (c) =>
        c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t',
      )
    : value;
}
