import type pg from 'pg';

// COPY through node-postgres without another dependency: pg runs any object with
// `submit(connection)` as a query and hands it the protocol messages that follow
// (what pg-copy-streams does). COPY is the fastest way in and out of PostgreSQL:
// rows travel as text the server parses in C, with no statement per row.

interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
}

/** The handlers node-postgres calls on the active query; the ones COPY never gets do nothing. */
abstract class CopyQuery {
  protected error: Error | undefined;
  readonly done: Promise<void>;
  private settle: { resolve: () => void; reject: (error: Error) => void } | undefined;

  constructor(private readonly text: string) {
    this.done = new Promise((resolve, reject) => {
      this.settle = { resolve, reject };
    });
    // Awaited by the caller later; a failure must not count as unhandled meanwhile.
    this.done.catch(() => undefined);
  }

  submit(connection: CopyConnection): void {
    connection.query(this.text);
  }
  handleError(error: Error): void {
    this.error ??= error;
  }
  handleReadyForQuery(): void {
    if (this.error) this.settle?.reject(this.error);
    else this.settle?.resolve();
  }
  handleCommandComplete(): void {}
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyInResponse(_connection: CopyConnection): void {}
  handleCopyData(_message: { chunk: Buffer }): void {}
}

class CopyOut extends CopyQuery {
  constructor(
    text: string,
    private readonly onChunk: (chunk: Buffer) => void,
  ) {
    super(text);
  }
  override handleCopyData(message: { chunk: Buffer }): void {
    if (this.error) return;
    try {
      this.onChunk(message.chunk);
    } catch (error) {
      // The server keeps sending until it is done; the first failure is what we report.
      this.error = error instanceof Error ? error : new Error(String(error));
    }
  }
}

/** A `COPY ... FROM STDIN` in progress: write chunks, then end it and await `done`. */
export class CopyIn extends CopyQuery {
  private connection: CopyConnection | undefined;
  private pending: Buffer[] = [];
  private ended = false;
  private failure: string | undefined;

  override handleCopyInResponse(connection: CopyConnection): void {
    this.connection = connection;
    if (this.failure !== undefined) {
      connection.sendCopyFail(this.failure);
      return;
    }
    for (const chunk of this.pending) connection.sendCopyFromChunk(chunk);
    this.pending = [];
    if (this.ended) connection.endCopyFrom();
  }
  write(chunk: Buffer): void {
    if (this.ended) throw new Error('COPY already ended');
    if (this.connection) this.connection.sendCopyFromChunk(chunk);
    else this.pending.push(chunk);
  }
  end(): Promise<void> {
    if (!this.ended) {
      this.ended = true;
      this.connection?.endCopyFrom();
    }
    return this.done;
  }
  /** Abandons the COPY (the server discards it); resolves once the connection is free again. */
  async fail(reason: string): Promise<void> {
    if (!this.ended) {
      this.ended = true;
      this.failure = reason;
      this.connection?.sendCopyFail(reason);
    }
    await this.done.catch(() => undefined);
  }
}

/**
 * Runs `COPY ... FROM STDIN` on the client, handing `write` the rows to send as they are
 * ready; the COPY is abandoned (nothing written) if `write` throws.
 */
export async function copyIn(
  client: pg.Client,
  text: string,
  write: (copy: CopyIn) => Promise<void> | void,
): Promise<void> {
  const copy = new CopyIn(text);
  // node-postgres accepts any submittable; its types only know its own Query objects.
  client.query(copy as unknown as pg.QueryConfig);
  try {
    await write(copy);
  } catch (error) {
    await copy.fail('abandoned by the client');
    throw error;
  }
  await copy.end();
}

/** Runs `COPY ... TO STDOUT`, handing each chunk of rows to `onChunk` as it arrives. */
export function copyOut(
  client: pg.Client,
  text: string,
  onChunk: (chunk: Buffer) => void,
): Promise<void> {
  const copy = new CopyOut(text, onChunk);
  client.query(copy as unknown as pg.QueryConfig);
  return copy.done;
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
