import { describe, expect, it } from 'vitest';
import { gateAsOf, presentView } from './as-of-params.ts';
import {
  asOfBanner,
  asOfNotFound,
  asOfProblem,
  asOfTitle,
  formatDay,
  futureDateMessage,
  INVALID_AS_OF_MESSAGE,
} from './as-of-wording.ts';

const eventId = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const today = '2026-12-01';

describe('as-of wording', () => {
  it('writes a calendar day the same in every time zone', () => {
    expect(formatDay('2026-10-01')).toBe('1 Oct 2026');
    expect(formatDay('not a day')).toBe('not a day');
  });

  it('says which past state the page shows, and that it is read only', () => {
    expect(asOfBanner({ kind: 'date', date: '2026-10-01' }, null, 'Europe/Berlin')).toBe(
      'As it was at the end of 1 Oct 2026 — read only',
    );
    // 07:14 UTC is 08:14 in Berlin in March (CET).
    expect(
      asOfBanner({ kind: 'afterEvent', eventId }, '2026-03-02T07:14:00.000Z', 'Europe/Berlin'),
    ).toBe('As it was right after the change of 2 Mar 2026, 08:14 — read only');
    expect(asOfBanner({ kind: 'afterEvent', eventId }, null, 'Europe/Berlin')).toBe(
      'As it was right after the chosen change — read only',
    );
  });

  it('explains an entity that did not exist yet', () => {
    expect(asOfNotFound('team', { kind: 'date', date: '2026-10-01' })).toBe(
      'This team did not exist on 1 Oct 2026.',
    );
    expect(asOfNotFound('person', { kind: 'afterEvent', eventId })).toMatch(
      /^This person did not exist yet right after that change/,
    );
  });

  it('names past views in the document title', () => {
    expect(asOfTitle('Night shift', presentView)).toBe('Night shift');
    expect(asOfTitle('Night shift', { kind: 'date', date: '2026-10-01' })).toBe(
      'Night shift (end of 1 Oct 2026)',
    );
  });
});

describe('asOfProblem', () => {
  const past = gateAsOf({ kind: 'date', date: '2026-10-01' }, today);
  const notFound = { code: 'NOT_FOUND', message: 'Team not found' };

  it('explains an unreadable link and a future date without asking the server', () => {
    expect(asOfProblem('team', gateAsOf(null, today), today, null)).toEqual({
      title: 'This link cannot be read',
      message: INVALID_AS_OF_MESSAGE,
    });
    expect(
      asOfProblem('team', gateAsOf({ kind: 'date', date: '2027-01-05' }, today), today, null),
    ).toEqual({
      title: 'That date is still to come',
      message: futureDateMessage('2027-01-05', today),
    });
    expect(futureDateMessage('2027-01-05', today)).toBe(
      '5 Jan 2027 is in the future. Choose 1 Dec 2026 or an earlier date.',
    );
  });

  it('turns a past NOT_FOUND into "did not exist then" and passes a 400 message on', () => {
    expect(asOfProblem('team', past, today, notFound)).toEqual({
      title: 'No record of this team then',
      message: 'This team did not exist on 1 Oct 2026.',
    });
    expect(
      asOfProblem('person', past, today, {
        code: 'BAD_REQUEST',
        message: 'asOf.date: must not be before the company existed.',
      }),
    ).toEqual({
      title: 'That state cannot be shown',
      message: 'asOf.date: must not be before the company existed.',
    });
  });

  it('leaves the present, a successful read and other failures to the page', () => {
    expect(asOfProblem('team', gateAsOf(presentView, today), today, notFound)).toBeNull();
    expect(asOfProblem('team', past, today, null)).toBeNull();
    expect(asOfProblem('team', past, today, { code: 'INTERNAL_SERVER_ERROR', message: 'x' })).toBe(
      null,
    );
  });
});
