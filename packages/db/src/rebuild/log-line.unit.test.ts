import { describe, expect, it } from 'vitest';
import { copyLineFields, parseEventLine, parseUtcTimestamp } from './log-line.ts';

const COMPANY = '8cc1ad86-a957-4532-8e9d-5d7666500c00';
const EVENT = '7f73197b-9c45-4560-8f30-54da45349596';

function line(overrides: Partial<Record<'company' | 'payload' | 'at' | 'actor', string>> = {}) {
  return [
    EVENT,
    overrides.company ?? COMPANY,
    overrides.actor ?? '\\N',
    '\\N',
    'TEAM_CREATED',
    'team',
    EVENT,
    overrides.payload ?? '{"name": "A\\\\tB", "note": "x\\\\\\\\y"}',
    '1',
    overrides.at ?? '2026-11-30 07:30:00.123+00',
  ].join('\t');
}

describe('a log line as COPY writes it', () => {
  it('splits on tabs, reads \\N as NULL and undoes backslash escapes', () => {
    expect(copyLineFields('a\t\\N\tb\\tc\t\\\\d\t')).toEqual(['a', null, 'b\tc', '\\d', '']);
  });

  it('reads UTC timestamps to the millisecond, with or without a fraction', () => {
    expect(parseUtcTimestamp('2026-11-30 07:30:00.123+00').toISOString()).toBe(
      '2026-11-30T07:30:00.123Z',
    );
    expect(parseUtcTimestamp('2026-11-30 07:30:00.5+00').toISOString()).toBe(
      '2026-11-30T07:30:00.500Z',
    );
    expect(parseUtcTimestamp('2026-01-01 00:00:00+00').toISOString()).toBe(
      '2026-01-01T00:00:00.000Z',
    );
    expect(parseUtcTimestamp('2024-02-29 23:59:59.999+00').toISOString()).toBe(
      '2024-02-29T23:59:59.999Z',
    );
  });

  it('refuses a timestamp in another zone or form rather than guess', () => {
    expect(() => parseUtcTimestamp('2026-11-30 07:30:00+02')).toThrow(/UTC timestamp/);
    expect(() => parseUtcTimestamp('2026-11-30T07:30:00Z')).toThrow(/UTC timestamp/);
  });

  it('gives the event with its payload parsed (escapes undone before JSON)', () => {
    const event = parseEventLine(line(), COMPANY);
    expect(event).toEqual({
      id: EVENT,
      companyId: COMPANY,
      actorId: null,
      actorTokenId: null,
      type: 'TEAM_CREATED',
      entityType: 'team',
      entityId: EVENT,
      payload: { name: 'A\tB', note: 'x\\y' },
      schemaVersion: 1,
      createdAt: new Date('2026-11-30T07:30:00.123Z'),
    });
  });

  it('refuses a line of another company, or with fields missing', () => {
    expect(() => parseEventLine(line({ company: EVENT }), COMPANY)).toThrow(/Unreadable log line/);
    expect(() => parseEventLine(line().split('\t').slice(0, 9).join('\t'), COMPANY)).toThrow(
      /Unreadable log line/,
    );
  });
});
