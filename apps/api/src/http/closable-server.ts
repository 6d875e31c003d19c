import http, { type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';

/** After this long, sockets still busy when the close began are cut (the process exits by 10 s). */
export const CUT_SOCKETS_AFTER_MS = 7_000;

export interface ClosableServerOptions {
  /** Requests this returns true for get a 503 (e.g. the database is not migrated yet). */
  refuse?: (req: IncomingMessage) => boolean;
  cutSocketsAfterMs?: number;
}

export interface ClosableServer {
  server: http.Server;
  listen(port: number, host: string): Promise<void>;
  /**
   * Stop taking work and wait until every socket has gone: the listener closes, idle
   * keep-alive sockets close at once, busy ones close after their current response, a
   * request arriving meanwhile gets a 503, and what is left is cut after cutSocketsAfterMs.
   * Idempotent.
   */
  close(): Promise<void>;
}

/**
 * An HTTP server that drains instead of serving on. Node's server.close() only stops
 * accepting connections: a client on a keep-alive socket can go on sending requests, and
 * each is served (1,680 writes after SIGTERM in the audit). Here every response that starts
 * after the close began says `Connection: close`, and every request that arrives after it
 * is refused, so no new work is acknowledged once shutdown has begun.
 */
export function createClosableServer(
  handler: RequestListener,
  options: ClosableServerOptions = {},
): ClosableServer {
  let closing: Promise<void> | undefined;
  const inFlight = new Set<ServerResponse>();
  const server = http.createServer((req, res) => {
    if (closing !== undefined || options.refuse?.(req)) {
      refuseRequest(res, closing !== undefined);
      return;
    }
    inFlight.add(res);
    res.once('close', () => {
      inFlight.delete(res);
      // A response that had already sent its headers kept the socket alive: close it now
      // that it is idle (a no-op for sockets that carry another response).
      if (closing !== undefined) setImmediate(() => server.closeIdleConnections());
    });
    handler(req, res);
  });

  const close = () => {
    closing ??= new Promise<void>((resolve) => {
      // Stops listening and (Node ≥ 19) closes the idle keep-alive sockets.
      server.close(() => resolve());
      for (const res of inFlight) {
        if (!res.headersSent) res.setHeader('Connection', 'close');
      }
      const cut = setTimeout(
        () => server.closeAllConnections(),
        options.cutSocketsAfterMs ?? CUT_SOCKETS_AFTER_MS,
      );
      cut.unref();
      server.once('close', () => clearTimeout(cut));
    });
    return closing;
  };

  return {
    server,
    listen: (port, host) =>
      new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      }),
    close,
  };
}

function refuseRequest(res: ServerResponse, closing: boolean): void {
  // Generic on purpose: the client only needs to know to retry (elsewhere, or shortly).
  res.writeHead(503, {
    'Content-Type': 'application/json; charset=utf-8',
    'Retry-After': '1',
    'Cache-Control': 'no-store',
    ...(closing ? { Connection: 'close' } : {}),
  });
  res.end(
    JSON.stringify({
      error: {
        code: 'SERVICE_UNAVAILABLE',
        message: closing
          ? 'The server is shutting down; retry the request.'
          : 'The service is not available yet; retry shortly.',
      },
    }),
  );
}
