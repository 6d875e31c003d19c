// Failures of the HTTP exchange itself, raised by the SDK's fetch wrapper. tRPC
// wraps them as the `cause` of a TRPCClientError; toAegiraError reads them back
// by name, so a second copy of this module (or a bundler) cannot break the match.

/** No complete answer arrived within the client's timeout. */
export class RequestTimeoutError extends Error {
  override readonly name = 'RequestTimeoutError';

  constructor(
    readonly timeoutMs: number,
    url: string,
  ) {
    super(`No response from ${originOf(url)} within ${timeoutMs} ms.`);
  }
}

/** The request never got an answer: DNS, refused or dropped connection, TLS. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';

  constructor(url: string, cause: unknown) {
    super(`Could not reach ${originOf(url)}: ${describeCause(cause)}.`, { cause });
  }
}

/**
 * An answer that is not tRPC's: a proxy's error page, a wrong baseUrl, the
 * server's last-resort error handler. Only the status and a message survive.
 */
export class UnexpectedResponseError extends Error {
  override readonly name = 'UnexpectedResponseError';

  constructor(
    readonly status: number,
    url: string,
    serverMessage: string | undefined,
  ) {
    super(
      serverMessage ??
        `${originOf(url)} answered HTTP ${status} with something that is not an AEGIRA API response; is baseUrl right?`,
    );
  }
}

/** The origin only: the rest of a query URL holds the (possibly personal) input. */
function originOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return 'the AEGIRA API';
  }
}

/** undici says only "fetch failed"; the useful part (ECONNREFUSED …) is in its cause. */
function describeCause(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth += 1) {
    parts.push(current.message);
    current = current.cause;
  }
  return parts.filter(Boolean).join(': ') || 'unknown network error';
}
