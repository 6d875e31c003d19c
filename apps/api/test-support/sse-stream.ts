import http from 'node:http';

export interface SseEvent {
  /** performance.now() when it arrived. */
  at: number;
  event: string;
  data: unknown;
}

/** A live stream as a browser's EventSource would read it, for tests and measurements. */
export interface SseStream {
  events: SseEvent[];
  /** Events of the default type (the subscription's yields). */
  messages(): SseEvent[];
  /** Resolves when the server ends the response (or the connection drops). */
  ended: Promise<void>;
  waitFor(match: (event: SseEvent) => boolean, timeoutMs: number): Promise<SseEvent>;
  close(): void;
}

/**
 * Opens `GET <baseUrl>/trpc/<path>` as an SSE stream with a session cookie and
 * resolves once tRPC's `connected` event arrived (the subscription is in place).
 */
export function openSse(
  baseUrl: string,
  path: string,
  sessionToken: string | null,
  options: { localAddress?: string; agent?: http.Agent } = {},
): Promise<SseStream> {
  return new Promise((resolve, reject) => {
    const events: SseEvent[] = [];
    const waiters = new Set<() => void>();
    let buffer = '';
    let markEnded: () => void = () => undefined;
    const ended = new Promise<void>((done) => {
      markEnded = done;
    });
    const request = http.get(
      `${baseUrl}/trpc/${path}`,
      {
        headers: {
          accept: 'text/event-stream',
          ...(sessionToken ? { cookie: `__Host-aegira_session=${sessionToken}` } : {}),
        },
        ...(options.localAddress ? { localAddress: options.localAddress } : {}),
        ...(options.agent ? { agent: options.agent } : {}),
      },
      (response) => {
        if (response.statusCode !== 200) {
          let body = '';
          response.on('data', (chunk: Buffer) => {
            body += chunk.toString('utf8');
          });
          response.on('end', () => reject(new Error(`HTTP ${response.statusCode}: ${body}`)));
          return;
        }
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          buffer += chunk;
          let split = buffer.indexOf('\n\n');
          while (split !== -1) {
            const block = buffer.slice(0, split);
            buffer = buffer.slice(split + 2);
            const parsed = parseBlock(block);
            if (parsed) {
              events.push(parsed);
              if (parsed.event === 'connected') resolve(stream);
              for (const wake of waiters) wake();
            }
            split = buffer.indexOf('\n\n');
          }
        });
        response.on('end', markEnded);
        response.on('close', markEnded);
      },
    );
    request.on('error', (error) => {
      markEnded();
      reject(error);
    });
    const stream: SseStream = {
      events,
      messages: () => events.filter((event) => event.event === 'message'),
      ended,
      close: () => request.destroy(),
      waitFor: (match, timeoutMs) =>
        new Promise((found, fail) => {
          const check = () => {
            const hit = events.find(match);
            if (!hit) return;
            cleanup();
            found(hit);
          };
          const timer = setTimeout(() => {
            cleanup();
            fail(new Error(`no matching live event within ${timeoutMs} ms`));
          }, timeoutMs);
          const cleanup = () => {
            clearTimeout(timer);
            waiters.delete(check);
          };
          waiters.add(check);
          check();
        }),
    };
  });
}

function parseBlock(block: string): SseEvent | null {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  if (data.length === 0 && event === 'message') return null;
  const text = data.join('\n');
  let parsed: unknown = text;
  try {
    parsed = text === '' ? null : JSON.parse(text);
  } catch {
    // keep the text
  }
  return { at: performance.now(), event, data: parsed };
}
