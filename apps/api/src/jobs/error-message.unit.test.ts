import { describe, expect, it } from 'vitest';
import { errorMessage } from './error-message.ts';

describe('errorMessage', () => {
  it('keeps the name and message of an error, never its stack', () => {
    const error = new TypeError('companyId is not a uuid');
    expect(error.stack).toContain('error-message.unit.test');
    expect(errorMessage(error)).toBe('TypeError: companyId is not a uuid');
  });

  it('reads the message of an error copied into a plain object, as pg-boss reports them', () => {
    expect(errorMessage({ message: 'connection terminated', stack: 'at x', queue: 'q' })).toBe(
      'connection terminated',
    );
  });

  it('says when something other than an error was thrown', () => {
    expect(errorMessage('boom')).toBe('Non-error thrown: boom');
  });

  it('cuts a long message to 1000 characters', () => {
    const message = errorMessage(new Error('x'.repeat(5000)));
    expect(message).toHaveLength(1000);
    expect(message.endsWith('…')).toBe(true);
  });
});
