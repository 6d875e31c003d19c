import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { endsSession, errorCode, errorMessage, isStaleVersion, toFormErrors } from './errors.ts';

function serverError(message: string, data: Record<string, unknown>) {
  return TRPCClientError.from({ error: { message, code: -32600, data } });
}

describe('toFormErrors', () => {
  it('puts field errors beside the fields the form shows', () => {
    const error = serverError('Invalid input', {
      code: 'BAD_REQUEST',
      fieldErrors: { 'admin.password': ['must be at least 12 characters', 'Too common.'] },
    });
    expect(toFormErrors(error, ['admin.password'])).toEqual({
      form: 'Please correct the highlighted fields.',
      fields: { 'admin.password': 'Must be at least 12 characters. Too common.' },
    });
  });

  it("keeps the server's summary when a field the form lacks is to blame, so none is dropped", () => {
    const error = serverError('Invalid input — extra: unknown field "extra" is not allowed', {
      code: 'BAD_REQUEST',
      fieldErrors: { extra: ['unknown field "extra" is not allowed'], email: ['is required'] },
    });
    expect(toFormErrors(error, ['email'])).toEqual({
      form: 'Invalid input — extra: unknown field "extra" is not allowed',
      fields: { email: 'Is required.' },
    });
  });

  it("uses the server's message when no field is to blame", () => {
    const error = serverError('Invalid email or password.', { code: 'UNAUTHORIZED' });
    expect(toFormErrors(error, ['email'])).toEqual({
      form: 'Invalid email or password.',
      fields: {},
    });
    expect(errorCode(error)).toBe('UNAUTHORIZED');
  });

  it('explains a network failure instead of showing a stack', () => {
    const error = TRPCClientError.from(new TypeError('Failed to fetch'));
    expect(toFormErrors(error, []).form).toMatch(/could not reach the server/i);
    expect(errorCode(error)).toBeNull();
  });

  it('does not blame the network for an answer that is not tRPC (e.g. a proxy page)', () => {
    const error = TRPCClientError.from(new Error('Unable to transform response from server'));
    expect(toFormErrors(error, []).form).toBe('Something went wrong. Please try again.');
  });
});

describe('errorMessage', () => {
  it('adds the request id of an unexpected error as a reference', () => {
    const error = serverError('Something went wrong.', {
      code: 'INTERNAL_SERVER_ERROR',
      requestId: 'req-42',
    });
    expect(errorMessage(error)).toBe('Something went wrong. (Reference: req-42)');
  });

  it('shows no reference for expected refusals: a wrong password, a guard, a conflict', () => {
    for (const [code, message] of [
      ['UNAUTHORIZED', 'Invalid email or password.'],
      ['UNPROCESSABLE_CONTENT', 'Ann Lee has no pending transfer to cancel.'],
      ['CONFLICT', 'Ann Lee leads Team A; choose another lead first.'],
      ['FORBIDDEN', 'You cannot deactivate yourself.'],
      ['TOO_MANY_REQUESTS', 'Too many attempts. Try again in a minute.'],
    ] as const) {
      expect(errorMessage(serverError(message, { code, requestId: 'req-42' }))).toBe(message);
    }
  });

  it('keeps the reference when the code is unknown or a gateway fault', () => {
    expect(
      errorMessage(serverError('Bad gateway.', { code: 'BAD_GATEWAY', requestId: 'r1' })),
    ).toBe('Bad gateway. (Reference: r1)');
    expect(errorMessage(serverError('Oops.', { requestId: 'r2' }))).toBe('Oops. (Reference: r2)');
  });

  it('does not repeat a request id the message already quotes', () => {
    const message = 'Something went wrong on our side; quote request id req-42.';
    const error = serverError(message, { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-42' });
    expect(errorMessage(error)).toBe(message);
  });

  it('never shows a raw JSON dump as a message', () => {
    const error = serverError('[{"code":"too_small"}]', { code: 'BAD_REQUEST' });
    expect(errorMessage(error)).toBe('Something went wrong. Please try again.');
  });
});

describe('endsSession', () => {
  it('is true for an ended, revoked or deactivated session and false for a refused password', () => {
    const ended = serverError('Your session has ended. Please log in again.', {
      code: 'UNAUTHORIZED',
      appCode: 'SESSION_EXPIRED',
    });
    const wrongPassword = serverError('Company, email or password is incorrect.', {
      code: 'UNAUTHORIZED',
      appCode: 'INVALID_CREDENTIALS',
    });
    const forbidden = serverError('Your role does not allow this action.', {
      code: 'FORBIDDEN',
      appCode: 'FORBIDDEN',
    });
    expect(endsSession(ended)).toBe(true);
    expect(endsSession(wrongPassword)).toBe(false);
    expect(endsSession(forbidden)).toBe(false);
    expect(endsSession(new Error('boom'))).toBe(false);
  });
});

describe('isStaleVersion', () => {
  it('is true only for a CONFLICT that names a stale version', () => {
    const stale = serverError('Changed by someone else since you loaded it.', {
      code: 'CONFLICT',
      appCode: 'VERSION_CONFLICT',
      current: { id: 't', version: 'v2' },
    });
    const taken = serverError('name: an active team named "A" already exists', {
      code: 'CONFLICT',
      appCode: 'TEAM_NAME_TAKEN',
    });
    expect(isStaleVersion(stale)).toBe(true);
    expect(isStaleVersion(taken)).toBe(false);
    expect(isStaleVersion(new Error('boom'))).toBe(false);
  });
});
