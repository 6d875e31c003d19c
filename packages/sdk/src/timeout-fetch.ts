import { NetworkError, RequestTimeoutError, UnexpectedResponseError } from './transport-errors.ts';

export type Fetch = typeof globalThis.fetch;

/**
 * `fetch` with a timeout per request that also reads the whole body inside the
 * timeout, so every failure of the exchange (a connection dropped mid-body
 * included) surfaces here as one of the transport errors, and tRPC only ever
 * parses a complete tRPC answer.
 */
export function createTimeoutFetch(fetchImpl: Fetch, timeoutMs: number): Fetch {
  return async (input, init) => {
    const url = urlOf(input);
    const timeout = AbortSignal.timeout(timeoutMs);
    const callerSignal = init?.signal ?? undefined;
    const signal = callerSignal ? AbortSignal.any([callerSignal, timeout]) : timeout;
    let response: Response;
    let body: string;
    try {
      response = await fetchImpl(input, { ...init, signal });
      body = await response.text();
    } catch (error) {
      if (timeout.aborted) throw new RequestTimeoutError(timeoutMs, url);
      // The caller gave up (tRPC passes the signal of `query(input, { signal })`).
      if (callerSignal?.aborted) throw error;
      throw new NetworkError(url, error);
    }
    const json = parseJson(body);
    if (json === undefined || (!response.ok && !isTrpcPayload(json))) {
      throw new UnexpectedResponseError(response.status, url, serverMessageOf(json));
    }
    return new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

function urlOf(input: string | URL | Request): string {
  if (typeof input === 'string') return input;
  return input instanceof URL ? input.href : input.url;
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A batch answer (an array) or a single tRPC envelope with a numeric JSON-RPC error code. */
function isTrpcPayload(json: unknown): boolean {
  if (Array.isArray(json)) return true;
  return isRecord(json) && isRecord(json.error) && typeof json.error.code === 'number';
}

/** `{ error: { message } }`, as the server's last-resort handler and its CSRF guard answer. */
function serverMessageOf(json: unknown): string | undefined {
  if (!isRecord(json) || !isRecord(json.error)) return undefined;
  return typeof json.error.message === 'string' ? json.error.message : undefined;
}
