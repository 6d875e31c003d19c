import { TRPCClientError } from '@trpc/client';
import { getQueryKey } from '@trpc/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { endsSession, errorCode, errorMessage, toFormErrors } from './errors.ts';
import {
  isMeQueryKey,
  meQueryKey,
  procedureMutation,
  procedureQuery,
  procedureQueryKey,
} from './first-page-client.ts';
import { trpc } from './trpc.ts';
import { CSRF_HEADER } from './trpc-client.ts';

type Sent = { url: string; init: RequestInit | undefined };

/** A fetch that records each request and answers with `answer` (JSON) or throws it. */
function stubFetch(answer: unknown | Error): Sent[] {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    sent.push({ url, init });
    if (answer instanceof Error) throw answer;
    return new Response(JSON.stringify(answer), {
      headers: { 'content-type': 'application/json' },
    });
  });
  return sent;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('first-page client', () => {
  it("uses tRPC's own query keys, so later pages share (and invalidate) its answers", () => {
    expect(procedureQueryKey('auth.me')).toEqual(getQueryKey(trpc.auth.me, undefined, 'query'));
    expect(procedureQueryKey('checkIn.status')).toEqual(
      getQueryKey(trpc.checkIn.status, undefined, 'query'),
    );
    expect(meQueryKey()).toEqual(getQueryKey(trpc.auth.me, undefined, 'query'));
    expect(isMeQueryKey(meQueryKey())).toBe(true);
    expect(isMeQueryKey(procedureQueryKey('notifications.unreadCount'))).toBe(false);
  });

  it('batches the queries of one tick into one GET to /trpc with the CSRF header', async () => {
    const sent = stubFetch([
      { result: { data: { user: null } } },
      { result: { data: { count: 3 } } },
    ]);
    const [me, unread] = await Promise.all([
      procedureQuery('auth.me').queryFn(),
      procedureQuery('notifications.unreadCount').queryFn(),
    ]);
    expect(me).toEqual({ user: null });
    expect(unread).toEqual({ count: 3 });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.url).toMatch(/^\/trpc\/auth\.me,notifications\.unreadCount\?batch=1/);
    expect(new Headers(sent[0]?.init?.headers).get(CSRF_HEADER)).toBe('1');
    expect(sent[0]?.init?.method ?? 'GET').toBe('GET');
  });

  it('sends a mutation as a POST with its input and the CSRF header', async () => {
    const sent = stubFetch([{ result: { data: { ok: true } } }]);
    const input = { company: 'acme', email: 'a@example.com', password: 'secret' };
    await procedureMutation('auth.login').mutationFn(input);
    expect(sent[0]?.url).toBe('/trpc/auth.login?batch=1');
    expect(sent[0]?.init?.method).toBe('POST');
    expect(JSON.parse(String(sent[0]?.init?.body))).toEqual({ 0: input });
    expect(new Headers(sent[0]?.init?.headers).get(CSRF_HEADER)).toBe('1');
  });

  it("fails with tRPC's own error, which errors.ts reads", async () => {
    const error = {
      message: 'Invalid email or password.',
      code: -32001,
      data: { code: 'UNAUTHORIZED', appCode: 'INVALID_CREDENTIALS', requestId: 'r1' },
    };
    stubFetch([{ error }]);
    const failure = await procedureMutation('auth.login')
      .mutationFn({ company: 'acme', email: 'a@example.com', password: 'x' })
      .catch((caught: unknown) => caught);
    expect(failure).toBeInstanceOf(TRPCClientError);
    expect(errorCode(failure)).toBe('UNAUTHORIZED');
    expect(errorMessage(failure)).toBe('Invalid email or password.');
    expect(toFormErrors(failure, ['email'])).toEqual({
      form: 'Invalid email or password.',
      fields: {},
    });
    expect(endsSession(failure)).toBe(false);
  });

  it('says the server could not be reached when fetch fails, and is not fooled by a proxy page', async () => {
    stubFetch(new TypeError('Failed to fetch'));
    const offline = await procedureQuery('checkIn.status')
      .queryFn()
      .catch((caught: unknown) => caught);
    expect(errorMessage(offline)).toMatch(/could not reach the server/i);
    expect(errorCode(offline)).toBeNull();

    stubFetch({ unexpected: 'shape' });
    const odd = await procedureQuery('checkIn.status')
      .queryFn()
      .catch((caught: unknown) => caught);
    expect(odd).toBeInstanceOf(TRPCClientError);
    expect(errorMessage(odd)).toBe('Something went wrong. Please try again.');
  });
});
