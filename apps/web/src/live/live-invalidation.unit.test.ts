import { describe, expect, it } from 'vitest';
import { areasToRefresh, isQueryOfAreas, reconnectDelayMs } from './live-invalidation.ts';

const team = '00000000-0000-4000-8000-000000000010';
const person = '00000000-0000-4000-8000-000000000003';

describe('what a live update re-reads', () => {
  it('a roster change re-reads rosters, misses, leave, check-ins and alerts, not notifications', () => {
    const areas = areasToRefresh({
      kind: 'roster',
      teamId: team,
      personId: person,
      eventType: 'CHECK_IN_SUBMITTED',
    });
    expect(areas).toEqual(expect.arrayContaining(['teams', 'missedCheckIns', 'checkIn', 'alerts']));
    expect(areas).not.toContain('notifications');
  });

  it('a notification re-reads the notifications only; a resync re-reads everything', () => {
    expect(areasToRefresh({ kind: 'notification' })).toEqual(['notifications']);
    expect(areasToRefresh({ kind: 'resync' })).toBeNull();
  });

  it('matches tRPC query keys by their area', () => {
    expect(
      isQueryOfAreas([['teams', 'get'], { input: { id: team }, type: 'query' }], ['teams']),
    ).toBe(true);
    expect(isQueryOfAreas([['missedCheckIns', 'list'], { type: 'infinite' }], ['teams'])).toBe(
      false,
    );
    expect(isQueryOfAreas(['not-trpc'], ['teams'])).toBe(false);
  });

  it('backs off from 1 s to at most 30 s between reconnects', () => {
    expect([1, 2, 3, 6, 20].map(reconnectDelayMs)).toEqual([1_000, 2_000, 4_000, 30_000, 30_000]);
  });
});
